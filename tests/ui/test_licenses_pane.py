"""The license card in Discover, the confirmation before a blocked download, and the Licenses pane."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from hangar.core.app import Hangar
from hangar.core.config.context import AppContext
from hangar.core.library.models import Library
from hangar.core.licenses.audit import current_policy, save_policy
from hangar.core.licenses.bom import validate
from hangar.core.licenses.policy import Policy
from hangar.ui.main_window import MainWindow

pytestmark = pytest.mark.slow


@pytest.fixture
def window(qtbot, demo_hub):
    ctx = AppContext.open()
    save_policy(ctx, Policy(name="EU product", territories=["EU"], max_monthly_users=100_000))
    win = MainWindow(Hangar(ctx))
    qtbot.addWidget(win)
    win.show()
    yield win
    win.services.close()


def open_repo(qtbot, pane, repo_id: str) -> None:
    pane.open_repo(repo_id)
    qtbot.waitUntil(lambda: pane.repo_view.isVisible() and pane.repo_view.title.text() == repo_id and pane.repo_view.license_audit is not None, timeout=30_000)


def test_discover_shows_the_license_card_and_asks_before_a_blocked_download(qtbot, window, monkeypatch) -> None:
    discover = window.pane("discover")
    open_repo(qtbot, discover, "tencent/Hunyuan-7B-Instruct-GGUF")
    card = discover.repo_view.license_card
    assert card.isVisible() and card.verdict.text() == "Blocked"
    assert "Tencent Hunyuan" in card.name.text() and "excludes EU" in card.reasons.text() and not card.body.isVisible()
    card.details_button.click()
    assert "100,000,000" in card.body.text() and card.body.isVisible()
    asked = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    discover.repo_view.download_button.click()
    assert asked and "blocked" in asked[0] and "excludes" in asked[0]
    assert "Not downloaded" in discover.repo_view.status.text()
    qtbot.wait(200)
    assert window.ctx.database.query("SELECT * FROM downloads") == [], "nothing was queued"

    open_repo(qtbot, discover, "Qwen/Qwen3-8B-GGUF")
    assert discover.repo_view.license_card.verdict.text() == "Allowed"
    asked.clear()
    discover.repo_view.download_button.click()
    assert not asked, "an allowed model downloads without a question"


def test_licenses_pane_lists_models_checks_repos_and_exports(qtbot, window, tiny_gguf: Path, tmp_path: Path, monkeypatch) -> None:
    Library(window.ctx.database).add_file(tiny_gguf)
    pane = window.pane("licenses")
    window.show_pane("licenses")
    qtbot.waitUntil(lambda: pane.model.rowCount() == 1, timeout=20_000)
    assert "review" in pane.model.data(pane.model.index(0, 1)) and pane.card.isVisible()
    assert "could not be determined" in pane.card.reasons.text() + pane.card.body.text()
    assert "EU product" in pane.policy_label.text()

    pane.repo.setText("FreedomIntelligence/openPangu-Embedded-7B-GGUF")
    pane.check_repo()
    qtbot.waitUntil(lambda: pane.model.rowCount() == 2, timeout=20_000)
    assert pane.card.verdict.text() == "Blocked" and "Powered by openPangu" in pane.card.body.text()
    assert pane.openness_model.rowCount() == 11 and "Openness" in pane.openness_title.text()

    report, bom, shared = tmp_path / "audit.html", tmp_path / "bom.json", tmp_path / "policy.json"
    for target, method in ((report, pane.export_report), (bom, pane.export_bom), (shared, pane.export_policy)):
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, t=target, **k: (str(t), ""))
        method()
    assert "tiny" in report.read_text() and "openPangu" not in report.read_text(), "the report covers local models"
    sha = Library(window.ctx.database).list()[0].sha256
    assert sha in report.read_text(), "an audit document keeps the full SHA-256"
    assert report.read_text().count("could not be determined") == 1, "the reason is given once"
    assert pane.card_scroll.widget() is pane.card, "a long card scrolls instead of being cut"

    pane.set_policy(Policy(name="Research lab", commercial_use_required=False, research_only_acceptable=True))
    qtbot.waitUntil(lambda: pane.model.rowCount() == 2, timeout=20_000)
    checked = next(a for a in pane.audits if a.model is None)
    assert checked.subject == "FreedomIntelligence/openPangu-Embedded-7B-GGUF", "a checked Hub repository stays in the list"
    assert checked.verdict.verdict != "blocked", "and is judged again by the new policy (openPangu was blocked for the EU)"
    pane.set_policy(Policy(name="EU product", territories=["EU"], max_monthly_users=100_000))
    validate(json.loads(bom.read_text()))
    assert Policy.load(shared).territories == ["EU"]

    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2]")
    shown = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    monkeypatch.setattr("hangar.ui.panes.licenses.pane.show_error", lambda parent, title, exc: shown.append(str(exc)))
    pane.import_policy()
    assert shown and "not a Hangar license policy" in shown[0]
    assert current_policy(window.ctx).name == "EU product", "a bad file changes nothing"


def test_the_policy_dialog_keeps_what_was_typed_on_a_mistake(qtbot) -> None:
    from hangar.ui.panes.licenses.policy_dialog import PolicyDialog

    dialog = PolicyDialog(Policy())
    qtbot.addWidget(dialog)
    dialog.territories.setText("DE, Germany")
    dialog.accept()
    assert dialog.policy is None and "not ISO 3166" in dialog.error.text() and dialog.territories.text() == "DE, Germany"
    dialog.territories.setText("de, fr")
    dialog.limit.setChecked(True)
    dialog.users.setValue(2_000_000)
    dialog.accept()
    assert dialog.policy.territories == ["DE", "FR"] and dialog.policy.max_monthly_users == 2_000_000
