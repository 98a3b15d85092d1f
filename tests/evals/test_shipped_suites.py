"""The suites Hangar ships load, and each item's scorer passes a right reply (written the way models
reply: prose, Markdown, code fences) and fails a wrong one."""

from __future__ import annotations

import pytest

from hangar.core.config.resources import resource
from hangar.core.evals.loglik import texts_for
from hangar.core.evals.runner import score_reply
from hangar.core.evals.suite import SCORERS, load_suite

SUITES = ("instructions-en", "instructions-zh", "json-extraction")

# item id: (a right reply, a wrong reply)
REPLIES = {
    # instructions-en
    "en-one-word-capital": ("Paris.", "The capital of France is Paris."),
    "en-yes-caps": ("YES", "Yes"),
    "en-sum": ("42", "17 + 25 = 42"),
    "en-red-planet": ("B", "A"),
    "en-json-person": ('```json\n{"name": "Alice", "age": 30}\n```', '{"name": "Alice", "age": "30"}'),
    "en-upper-hello": ("HELLO", "Hello"),
    "en-colours-list": ("red, green, blue", "The primary colours are red, green and blue."),
    "en-date-format": ("2025-01-01", "January 1, 2025"),
    "en-leap-year": ("366", "365 days"),
    "en-translate-merci": ("Merci", "Gracias"),
    "en-prime-yes-no": ("Yes.", "No"),
    "en-largest-ocean": ("D) Pacific", "The answer is A."),
    "en-json-even-numbers": ("[2, 4, 6, 8, 10]", "[0, 2, 4, 6, 8]"),
    "en-ends-with-blue": ("The calm sea stretched away, deep and blue.", "The sea is blue and calm."),
    "en-symbol-gold": ("Au", "AU"),
    "en-km-to-m": ("2,500", "250"),
    "en-backwards": ("tac", "TAC"),
    "en-json-status": ('{"status": "ok"}', '{"status": "ok", "code": 200}'),
    "en-percent": ("30", "15% of 200 is 20"),
    "en-three-words": ("It is blue.", "Blue."),
    "en-no-letter-e": ("A banana.", "The banana."),
    "en-lower-case-system": ("tokyo.", "Tokyo."),
    "en-ocean-mammal": ("The blue whale lives in the ocean.", "A shark lives in the ocean."),
    "en-weekday-after": ("Saturday", "Sunday"),
    # instructions-zh
    "zh-capital-france": ("巴黎", "法国的首都是巴黎。"),
    "zh-sum": ("42", "四十二"),
    "zh-red-planet": ("答案是B", "A"),
    "zh-json-person": ('{"name": "张伟", "age": 28}', '{"name": "张伟", "age": 29}'),
    "zh-translate-thanks": ("Thank you", "Thank you very much"),
    "zh-months-arabic": ("12个月", "十二个月"),
    "zh-capital-china": ("北京", "北京。"),
    "zh-prime-yes-no": ("是", "否"),
    "zh-date-format": ("2024-10-01", "2024年10月1日"),
    "zh-largest-ocean": ("D", "选 A"),
    "zh-percent": ("30", "20"),
    "zh-json-status": ('好的：{"status": "ok"}', '{"状态": "ok"}'),
    "zh-days-week": ("7", "五个工作日"),
    "zh-apple-lower": ("apple", "Apple"),
    "zh-water-formula": ("H₂O", "HO2"),
    "zh-primary-colours": ("红、绿、蓝", "红，绿，蓝"),
    "zh-sunrise-system": ("东方。", "西边"),
    "zh-json-odd-numbers": ("[1, 3, 5]", "[1, 3, 5, 7]"),
    "zh-km-to-m": ("3500", "3.5"),
    "zh-ai-abbreviation": ("AI", "Ai"),
    "zh-four-chars": ("废寝忘食", "非常勤奋的人"),
    "zh-no-punctuation": ("冬季", "冬季。"),
    # json-extraction
    "inv-nordlicht": ('{"invoice_number": "NL-2024-0117", "date": "2024-03-14", "vendor": "NORDLICHT OPTICS GmbH", "total": 450.50, "currency": "EUR"}',
                      '{"invoice_number": "NL-2024-0117", "date": "14 March 2024", "vendor": "Nordlicht Optics GmbH", "total": 450.5, "currency": "EUR"}'),
    "inv-harbour": ('Here is the data:\n{"invoice_number": "HSB-0093", "date": "2023-11-02", "vendor": "Harbour Street Bakery Ltd", "total": 1225, "currency": "GBP"}',
                    '{"invoice_number": "HSB-0093", "date": "2023-11-02", "vendor": "Harbour Street Bakery Ltd", "total": 1180, "currency": "GBP"}'),
    "inv-zh-huaxin": ('{"invoice_number": "HX20240588", "date": "2024-05-20", "vendor": "华信办公用品有限公司", "total": 3660, "currency": "CNY"}',
                      '{"invoice_number": "HX20240588", "date": "2024-05-20", "vendor": "华信办公用品有限公司", "total": 3660, "currency": "RMB"}'),
    "inv-usd-cloud": ('{"invoice_number": "CC-88412", "date": "2024-07-01", "vendor": "Cirrus Compute Inc.", "total": 810.0, "currency": "USD"}',
                      '{"invoice_number": "CC-88412", "date": "2024-06-30", "vendor": "Cirrus Compute Inc.", "total": 810.0, "currency": "USD"}'),
    "inv-yen": ('{"invoice_number": "SS-7731", "date": "2024-02-29", "vendor": "Sakura Seiki Co., Ltd.", "total": 185000, "currency": "JPY"}',
                '{"invoice_number": "SS-7731", "date": "2024-02-29", "vendor": "Sakura Seiki", "total": "185,000", "currency": "JPY"}'),
    "mail-meeting-en": ('{"organizer": "Priya Raman", "date": "2024-04-09", "time": "14:30", "room": "B-204"}',
                        '{"organizer": "Priya Raman", "date": "2024-04-09", "time": "2:30 pm", "room": "B-204"}'),
    "mail-meeting-zh": ('{"organizer": "李娜", "date": "2024-06-03", "time": "09:00", "room": "3 号楼 501 会议室"}',
                        '{"organizer": "李娜", "date": "2024-06-03", "time": "21:00", "room": "3 号楼 501 会议室"}'),
    "ticket-high": ('{"customer": "Tomás Ortega", "product": "Lumen 5 label printer", "priority": "high", "order_id": "ORD-55120"}',
                    '{"customer": "Tomás Ortega", "product": "Lumen 5 label printer", "priority": "urgent", "order_id": "ORD-55120"}'),
    "ticket-low": ('{"customer": "Mei Chen", "product": "Aero desk lamp", "priority": "low", "order_id": "7781-B"}',
                   '{"customer": "Mei Chen", "product": "Aero desk lamp", "priority": "medium", "order_id": "7781-B"}'),
    "po-items": ('{"po_number": "PO-3307", "items": [{"sku": "BX-100", "quantity": 12}, {"sku": "CL-220", "quantity": 4}, {"sku": "TR-9", "quantity": 1}]}',
                 '{"po_number": "PO-3307", "items": [{"sku": "BX-100", "quantity": 12}, {"sku": "CL-220", "quantity": 4}]}'),
    "bank-transfer-en": ('{"payer": "Alpenglow Sports AG", "payee": "Kestrel Outdoor Ltd", "amount": 9875.40, "currency": "CHF", "date": "2023-10-18"}',
                         '{"payer": "Kestrel Outdoor Ltd", "payee": "Alpenglow Sports AG", "amount": 9875.40, "currency": "CHF", "date": "2023-10-18"}'),
    "bank-transfer-zh": ('{"payer": "上海明远贸易有限公司", "payee": "深圳海川电子有限公司", "amount": 128600.00, "currency": "CNY", "date": "2024-01-08"}',
                         '{"payer": "上海明远贸易有限公司", "payee": "深圳海川电子有限公司", "amount": 128600.00, "currency": "CNY", "date": "2024-08-01"}'),
    "shipping-notice": ('{"tracking_number": "FF-2209-7713-X", "carrier": "Falcon Freight", "delivery_date": "2024-11-22", "parcels": 3}',
                        '{"tracking_number": "FF-2209-7713-X", "carrier": "Falcon Freight", "delivery_date": "2024-11-22", "parcels": "3"}'),
    "signature-contact": ('{"name": "Dr. Amara Okafor", "email": "amara.okafor@meridian-health.example", "phone": "+44 20 7946 0321", "company": "Meridian Health Partners"}',
                          '{"name": "Amara", "email": "amara.okafor@meridian-health.example", "phone": "+44 20 7946 0321", "company": "Meridian Health Partners"}'),
    "leave-request-zh": ('{"employee": "陈思远", "start": "2024-08-12", "end": "2024-08-14", "days": 3}',
                         '{"employee": "王经理", "start": "2024-08-12", "end": "2024-08-14", "days": 3}'),
    "receipt-mobile-zh": ('{"merchant": "绿叶便利店（中山路店）", "total": 21.5, "paid_by": "mobile"}',
                          '{"merchant": "绿叶便利店（中山路店）", "total": 21.5, "paid_by": "微信支付"}'),
    "no-total-null": ('{"vendor": "Birchwood Joinery", "total": null}', '{"vendor": "Birchwood Joinery", "total": 0}'),
}  # fmt: skip


@pytest.fixture(scope="module")
def suites():
    return {name: load_suite(resource("evals", f"{name}.jsonl")) for name in SUITES}


def test_the_shipped_suites_load_with_a_name_and_15_to_30_items(suites) -> None:
    for name, suite in suites.items():
        assert suite.description and suite.name != name, name
        assert 15 <= len(suite.items) <= 30, (name, len(suite.items))
    assert set(suites["instructions-en"].scorers()) == set(SCORERS), "the English suite shows every scorer"
    assert set(suites["instructions-zh"].scorers()) == set(SCORERS)


@pytest.mark.parametrize("name", SUITES)
def test_every_item_passes_a_right_reply_and_fails_a_wrong_one(suites, name: str) -> None:
    for item in suites[name].items:
        if item.scorer == "loglik":
            texts = texts_for(item)
            assert len(texts) == len(item.choices) >= 2 and all(t.startswith(item.prompt + " ") for t in texts)
            continue
        good, bad = REPLIES[item.id]
        passed, detail = score_reply(item, good)
        assert passed, f"{item.id} (line {item.line}): {good!r} should pass: {detail}"
        passed, detail = score_reply(item, bad)
        assert not passed, f"{item.id} (line {item.line}): {bad!r} should fail"


def test_every_reply_above_belongs_to_an_item(suites) -> None:
    ids = {item.id for suite in suites.values() for item in suite.items if item.scorer != "loglik"}
    assert ids == set(REPLIES)
