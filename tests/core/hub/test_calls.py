"""A Hub that misbehaves gets a specific message and a bounded call, never a hang or
"unexpected error": paging loops, endless pages, silence, long Retry-After, a web page or
broken JSON where JSON belongs, redirect loops, and a search too long to be a URL."""

from __future__ import annotations

import time

import pytest

from hangar.core.app.hub import HubService
from hangar.core.common.errors import HangarError, HubError, InvalidInput
from hangar.core.hub import calls
from hangar.core.hub.calls import HubRunaway, HubTimeout
from hangar.core.hub.catalog import HubCatalog
from hangar.core.hub.remote import repo_files

REPO = "hangar-test/tiny-llama-GGUF"


def _api_requests(hub) -> int:
    return hub.api_requests()


@pytest.mark.parametrize("query", ["nothing-matches-this", "tiny"])  # an empty page loops for ever; a full one repeats itself
def test_a_next_link_back_to_the_same_page_is_a_loop(hub, query: str) -> None:
    hub.set_api_faults(next_to_self=True)
    started = time.monotonic()
    with pytest.raises(HubRunaway, match="round in circles: its next page is one already read") as info:
        HubCatalog(base=hub.endpoint).search(query)
    assert time.monotonic() - started < 5
    assert _api_requests(hub) <= 3, "the reachability check and one page, then it stops"
    assert "HF_ENDPOINT" in info.value.hint


def test_real_paging_still_works_page_by_page(demo_hub) -> None:
    demo_hub.set_api_faults(page_size=2)
    found = HubCatalog(base=demo_hub.endpoint).search(limit=7)
    assert len(found) == 7 and len({r["id"] for r in found}) == 7
    assert found[0]["id"] == "bartowski/Llama-3.1-8B-Instruct-GGUF"


def test_endless_distinct_pages_are_capped(demo_hub, monkeypatch) -> None:
    monkeypatch.setattr(calls, "MAX_REQUESTS", 3)
    demo_hub.set_api_faults(page_size=1)
    with pytest.raises(HubRunaway, match="kept model search going for more than 3 requests"):
        HubCatalog(base=demo_hub.endpoint).search(limit=8)
    assert _api_requests(demo_hub) <= 1 + 3


def test_every_call_has_an_overall_deadline(demo_hub, monkeypatch) -> None:
    """Pages that each come in time still add up to a deadline; a silent Hub is cut at it."""
    monkeypatch.setattr(calls, "DEADLINE_S", 1.0)
    catalog = HubCatalog(base=demo_hub.endpoint)
    catalog.search(limit=1)  # reachable, and remembered as such
    demo_hub.set_api_faults(delay_s=0.3, page_size=1)
    started = time.monotonic()
    with pytest.raises(HubTimeout, match=r"did not finish answering for model search within 1 s"):
        catalog.search(limit=8)
    assert time.monotonic() - started < 2.5
    demo_hub.set_api_faults(delay_s=5.0)
    started = time.monotonic()
    with pytest.raises(HubTimeout) as info:
        catalog.repo("Qwen/Qwen3-8B-GGUF")
    assert time.monotonic() - started < 2.5, "one request's own timeout is cut to what is left of the deadline"
    assert "slow or stuck" in info.value.hint


def test_a_retry_after_beyond_the_deadline_ends_the_call_instead_of_sleeping(hub) -> None:
    catalog = HubCatalog(base=hub.endpoint)
    catalog.search("tiny")
    hub.set_api_faults(unavailable_retry_after=3600)
    started = time.monotonic()
    with pytest.raises(HubTimeout, match="asks to wait 3,600 s before it answers model search; that is past this call's deadline"):
        catalog.search("tiny")  # list_models retries (huggingface_hub's http_backoff): it would sleep an hour
    assert time.monotonic() - started < 5
    with pytest.raises(HubTimeout, match="asks to wait 3,600 s before it answers repository hangar-test/tiny-llama-GGUF"):
        catalog.repo(REPO)
    hub.set_api_faults(unavailable_retry_after=1)
    with pytest.raises(HubError, match="503"):
        catalog.repo(REPO)  # a wait within the deadline: the Hub's own answer is said


@pytest.mark.parametrize("fault", ["html", "invalid_json"])
def test_a_web_page_or_broken_json_instead_of_json(hub, fault: str) -> None:
    hub.set_api_faults(**{fault: True})
    catalog = HubCatalog(base=hub.endpoint)
    for call in (lambda: catalog.search("tiny"), lambda: catalog.repo(REPO), lambda: repo_files(REPO, None, None, hub.endpoint)):
        with pytest.raises(HubError, match="with something that is not JSON") as info:
            call()
        assert "HF_ENDPOINT" in info.value.hint


@pytest.mark.parametrize("odd", ['"surprise"', "{}", "[1, 2]", '{"id": 5, "sha": 7, "siblings": "x"}', '{"id": "hangar-test/tiny-llama-GGUF"}', '[{"id": null}]'])
def test_json_of_the_wrong_shape(hub, odd: str) -> None:
    hub.set_api_faults(odd_json=odd)
    catalog = HubCatalog(base=hub.endpoint)
    for call in (lambda: catalog.search("tiny"), lambda: catalog.repo(REPO), lambda: repo_files(REPO, None, None, hub.endpoint)):
        try:
            result = call()
        except HubError as exc:
            assert "in a form Hangar does not understand" in exc.message, exc.message
        else:
            assert isinstance(result, list) and all(isinstance(r["id"], str) for r in result), "a search may find nothing"


def test_a_redirect_loop_on_the_api(hub) -> None:
    hub.set_api_faults(redirect_loop=True)
    with pytest.raises(HubError, match="redirected the request for .* in a loop"):
        HubCatalog(base=hub.endpoint).repo(REPO)
    with pytest.raises(HubError, match="redirected the request for repository hangar-test/tiny-llama-GGUF in a loop"):
        repo_files(REPO, None, None, hub.endpoint)
    assert _api_requests(hub) < 30


def test_a_search_too_long_for_a_url_is_refused_before_it_is_sent(hub, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("HF_ENDPOINT", hub.endpoint)
    service = HubService(lambda: tmp_path)
    with pytest.raises(InvalidInput, match="The search text is 120,000 characters long; the Hub takes at most 256"):
        service.search("q" * 120_000)
    for bad in ({"limit": 0}, {"limit": 10**9}, {"offset": -1}, {"author": "a" * 1000}):
        with pytest.raises(InvalidInput):
            service.search("tiny", **bad)
    assert _api_requests(hub) == 0
    # Below the application layer the URL itself is refused with a message, not InvalidURL.
    with pytest.raises(HangarError) as info:
        HubCatalog(base=hub.endpoint).search("q" * 120_000)
    assert "unexpected" not in str(info.value) and type(info.value) is not HangarError


def test_a_name_the_hub_cannot_take(hub) -> None:
    with pytest.raises(InvalidInput, match="is not a name the Hub accepts"):
        HubCatalog(base=hub.endpoint).repo("a" * 20_000 + "/b")


def test_outside_a_hub_call_the_hooks_do_nothing(hub) -> None:
    """A download's long stream is not a Hub call: no deadline, no page bookkeeping."""
    from hangar.core.hub.remote import client

    hub.set_api_faults(next_to_self=True)
    for _ in range(3):
        assert client().get(f"{hub.endpoint}/api/models", params={"search": "tiny"}).status_code == 200


def test_huggingface_hubs_own_warnings_on_stderr_are_masked() -> None:
    import logging

    from ...fixtures.hub_server import VALID_TOKEN

    HubCatalog(base="http://127.0.0.1:9")
    handlers = logging.getLogger("huggingface_hub").handlers
    assert handlers, "huggingface_hub prints its warnings with a handler of its own"
    record = logging.LogRecord("huggingface_hub.utils._http", logging.WARNING, __file__, 1, "HTTP Error 503 thrown while requesting GET %s", (f"http://hub/next?auth=Bearer {VALID_TOKEN}",), None)
    for handler in handlers:
        assert VALID_TOKEN not in handler.format(record) and "GET http://hub/next" in handler.format(record)
