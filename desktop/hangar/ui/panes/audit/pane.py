"""The Audit pane: the audit trail (core/audit/) to read, filter, verify and export.

Newest first; filters by event, date and text; "Verify" checks the hash chain and names
the line that was changed, removed or reordered; "Export…" writes what the filters show,
as CSV or JSON. A recorded event arrives as ``UiServices.audit_changed`` and the table
follows it (gathered for 200 ms). An entry is shown as plain text: its fields come from
files and repositories of unknown origin.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QTimer, Slot
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ....core.audit import export
from ....core.audit.trail import AuditEvent
from ....core.common.errors import HangarError
from ...error_dialog import error_text
from ...i18n import localise
from ...models.record_table import Column, RecordTableModel
from ...services import UiServices
from ...widgets.tables import read_only_table

REFRESH_MS = 200


class AuditPane(QWidget):
    def __init__(self, services: UiServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.app = services, services.app
        self._timer = QTimer(self, singleShot=True, interval=REFRESH_MS, timeout=self.refresh)
        layout = QVBoxLayout(self)

        intro = QLabel(self.tr("Every download, import, deletion, model load, server session, license decision and policy change, "
                               "one line each, each line sealed with the hash of the one before. Kept in {0}.").format(self.app.audit.path))  # fmt: skip
        intro.setWordWrap(True)
        layout.addWidget(intro)

        bar = QHBoxLayout()
        self.event = QComboBox()
        self.event.setAccessibleName(self.tr("Event"))
        self.event.addItem(self.tr("All events"), None)
        for event in AuditEvent:
            self.event.addItem(self.event_name(event.value), event.value)
        self.since_on = QCheckBox(self.tr("&From"))
        self.since = QDateEdit(QDate.currentDate().addDays(-30))
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat("yyyy-MM-dd")
        self.since.setEnabled(False)
        self.since.setAccessibleName(self.tr("Show events from this date on"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search user, model, file, repository…"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search the audit trail"))
        self.verify_button = QPushButton(self.tr("&Verify the chain"))
        self.export_button = QPushButton(self.tr("&Export…"))
        bar.addWidget(QLabel(self.tr("Show:")))
        bar.addWidget(self.event)
        bar.addWidget(self.since_on)
        bar.addWidget(self.since)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.verify_button)
        bar.addWidget(self.export_button)
        layout.addLayout(bar)

        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        self.model = RecordTableModel([
            Column(self.tr("Time"), lambda e: _local_time(e.get("at"))),
            Column(self.tr("User"), lambda e: str(e.get("user", ""))),
            Column(self.tr("Event"), lambda e: self.event_name(str(e.get("event", "")))),
            Column(self.tr("What"), self.summary),
            Column(self.tr("No."), lambda e: e.get("seq"), align_right=True),
        ])  # fmt: skip
        self.table = read_only_table(self.model, stretch_column=3)
        self.table.setAccessibleName(self.tr("Audit events"))
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("The selected event, as recorded"))
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.details)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout.addWidget(split, 1)

        self.event.currentIndexChanged.connect(self.refresh)
        self.since_on.toggled.connect(self.since.setEnabled)
        self.since_on.toggled.connect(self.refresh)
        self.since.dateChanged.connect(self.refresh)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.verify_button.clicked.connect(self.verify)
        self.export_button.clicked.connect(self.export)
        self.table.selectionModel().selectionChanged.connect(self._show_selected)
        services.audit_changed.connect(self._on_recorded)
        self.refresh()

    # -- texts ---------------------------------------------------------------------------------
    def event_name(self, event: str) -> str:
        return {
            "download": self.tr("Download"), "import": self.tr("Import"), "delete": self.tr("Deletion"),
            "model_load": self.tr("Model loaded"), "server_session": self.tr("Server session"),
            "license_verdict": self.tr("License verdict"), "license_override": self.tr("License override"),
            "policy_change": self.tr("Policy change"), "update": self.tr("Update"), "export": self.tr("Export"),
            "chain_break": self.tr("Break (crash)"),
        }.get(event, event)  # fmt: skip

    def summary(self, entry: dict) -> str:
        data = entry.get("data") if isinstance(entry.get("data"), dict) else {}
        event = entry.get("event")
        if event == "policy_change":
            fields = data.get("policy", {}).get("fields", {}) if isinstance(data.get("policy"), dict) else {}
            return self.tr("policy “{0}”").format(fields.get("name", "?"))
        if event == "server_session":
            return self.tr("{0} requests, {1} prompt + {2} completion tokens").format(data.get("requests", 0), data.get("prompt_tokens", 0), data.get("completion_tokens", 0))
        if event == "chain_break":
            return self.tr("the line before was cut short ({0} bytes), as a crash while writing leaves it").format(data.get("cut_bytes", "?"))
        parts = [str(data.get(key)) for key in ("name", "model", "subject", "file") if data.get(key)][:1]
        if data.get("path") and Path(str(data["path"])).name not in parts:
            parts.append(Path(str(data["path"])).name)
        if data.get("repo"):
            revision = str(data.get("revision") or "")[:10]
            parts.append(f"{data['repo']}@{revision}" if revision else str(data["repo"]))
        for key in ("runtime", "device", "verdict", "reason"):
            if data.get(key):
                parts.append(str(data[key]))
        if data.get("sha256"):
            parts.append("sha256 " + str(data["sha256"])[:12] + "…")
        return " · ".join(parts)

    # -- reading ---------------------------------------------------------------------------------
    def _filters(self) -> tuple[str | None, set[str] | None, str]:
        since = self.since.date().toString("yyyy-MM-dd") if self.since_on.isChecked() else None
        event = self.event.currentData()
        return since, ({event} if event else None), self.search.text()

    @Slot()
    def refresh(self) -> None:
        since, events, text = self._filters()
        try:
            entries = self.app.audit.entries(since, events, text)
        except (HangarError, OSError) as exc:
            self.status.setText(localise(getattr(exc, "message", str(exc))))
            return
        entries.reverse()  # newest first
        self.model.set_records(entries)
        if not self.status.text() or self.status.property("kind") == "count":
            self.status.setText(self.tr("{0} events shown.").format(len(entries)))
            self.status.setProperty("kind", "count")

    @Slot()
    def _on_recorded(self) -> None:
        self._timer.start()

    def _show_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            self.details.clear()
            return
        self.details.setPlainText(json.dumps(self.model.record(rows[0].row()), ensure_ascii=False, indent=2, sort_keys=True))

    # -- verify and export -------------------------------------------------------------------
    @Slot()
    def verify(self) -> None:
        problems = self.app.audit.verify()
        count = sum(1 for _ in self.app.audit.trail.entries())
        self.status.setProperty("kind", "verify")
        if not problems:
            self.status.setText(self.tr("✓ The chain is whole: {0} events, each sealed with the hash of the one before.").format(count))
            return
        lines = [self.tr("Line {0}: {1}").format(p.line, localise(p.message)) for p in problems]
        if any(p.tampering for p in problems):
            head = self.tr("✗ The audit trail was changed after it was written:")
        else:
            head = self.tr("✓ No sign of tampering ({0} events); the log marked these breaks itself after a crash:").format(count)
        self.status.setText("\n".join([head, *lines]))

    @Slot()
    def export(self) -> None:
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("Export the audit trail"), str(Path.home() / "hangar-audit.csv"),
                                                   self.tr("CSV (*.csv);;JSON (*.json)"))  # fmt: skip
        if path:
            self.export_to(Path(path), "json" if path.lower().endswith(".json") or "JSON" in chosen else "csv")

    def export_to(self, path: Path, fmt: str) -> None:
        since, events, text = self._filters()
        entries = self.app.audit.entries(since, events, text)
        body = export.to_json(entries) if fmt == "json" else export.to_csv(entries)
        self.status.setProperty("kind", "export")
        try:
            path.write_text(body, encoding="utf-8")
        except OSError as exc:
            self.status.setText(" ".join(error_text(exc)).strip())
            return
        self.status.setText(self.tr("Exported {0} events to {1}.").format(len(entries), path))


def _local_time(text: object) -> str:
    try:
        return dt.datetime.fromisoformat(str(text).replace("Z", "+00:00")).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        return str(text or "")
