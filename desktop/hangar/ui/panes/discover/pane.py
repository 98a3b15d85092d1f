"""The Discover pane: search the Hub for GGUF models, look at one, download a quant."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ....core.app.downloads import file_states
from ....core.app.governance import OverrideReasonNeeded
from ....core.common.errors import HangarError
from ....core.hub import tokens
from ....core.hub.terms import FAMILIES
from ...error_dialog import error_text, show_error
from ...i18n import localise
from ...models.record_table import Column, RecordTableModel
from ...services import UiServices
from ...tasks import BackgroundTasks
from ...widgets.empty_state import EmptyState
from .repo_view import RepoView

PAGE = 25


def _count(value) -> str:
    return "" if value is None else f"{value:,}"


log = logging.getLogger(__name__)


class DiscoverPane(QWidget):
    def __init__(self, services: UiServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.ctx, self.app = services, services.ctx, services.app
        ctx = self.ctx
        self.inspection = None  # the open repository (core.app.hub.RepoInspection)
        self.tasks = BackgroundTasks(self)
        self._offset = 0
        layout = QVBoxLayout(self)

        bar = QHBoxLayout()
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr("Search GGUF models on the Hugging Face Hub (e.g. qwen3, 7b, instruct)"))
        self.query.setAccessibleName(self.tr("Search"))
        self.query.returnPressed.connect(self.search)
        self.sort = QComboBox()
        for key, label in (("downloads", self.tr("Most downloaded")), ("likes", self.tr("Most liked")), ("trending", self.tr("Trending")), ("recent", self.tr("Recently updated"))):
            self.sort.addItem(label, key)
        self.sort.setAccessibleName(self.tr("Sort by"))
        self.author = QLineEdit()
        self.author.setPlaceholderText(self.tr("Author (optional)"))
        self.author.setAccessibleName(self.tr("Author"))
        self.author.setMaximumWidth(170)
        self.author.returnPressed.connect(self.search)
        self.sort.currentIndexChanged.connect(lambda _i: self.search())
        search_button = QPushButton(self.tr("Search"))
        search_button.clicked.connect(self.search)
        bar.addWidget(self.query, 1)
        bar.addWidget(self.author)
        bar.addWidget(self.sort)
        bar.addWidget(search_button)
        layout.addLayout(bar)

        chips = QHBoxLayout()
        self.family_group = QButtonGroup(self)
        self.family_group.setExclusive(False)
        for family in FAMILIES:
            chip = QPushButton(family)
            chip.setCheckable(True)
            chip.setObjectName(f"chip_{family}")
            chip.setStyleSheet("QPushButton { padding: 3px 9px; }")  # compact chips: the row must fit an 800 px screen
            chip.toggled.connect(lambda checked, f=family: self._on_chip(f, checked))
            self.family_group.addButton(chip)
            chips.addWidget(chip)
        chips.addStretch(1)
        layout.addLayout(chips)

        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.results = RecordTableModel(
            [
                Column(self.tr("Model"), lambda r: r["id"] + ("  " + self.tr("(gated)") if r["gated"] else ""), lambda r: r["id"]),
                Column(self.tr("Downloads"), lambda r: _count(r["downloads"]), align_right=True),
                Column(self.tr("Likes"), lambda r: _count(r["likes"]), align_right=True),
                Column(self.tr("License"), lambda r: r["license"] or "?"),
            ]
        )
        self.table = QTableView()
        self.table.setModel(self.results)
        self.table.setAccessibleName(self.tr("Search results"))
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.selectionModel().selectionChanged.connect(self._on_selected)
        left_layout.addWidget(self.table, 1)
        more = QHBoxLayout()
        self.status = QLabel(self.tr("Search the Hub, or pick a family above."))
        self.status.setWordWrap(True)
        self.more_button = QPushButton(self.tr("Load more"))
        self.more_button.setEnabled(False)
        self.more_button.clicked.connect(lambda: self.search(more=True))
        more.addWidget(self.status, 1)
        more.addWidget(self.more_button)
        left_layout.addLayout(more)
        split.addWidget(left)

        self.repo_view = RepoView(ctx.settings.language)
        self.repo_view.quality_lookup = self.app.quality.by_sha256
        self.repo_view.download_requested.connect(self._on_download)
        self.repo_view.token_requested.connect(self.ask_token)
        self.placeholder = EmptyState(self.tr("Pick a model"), self.tr("Its quantisations appear here with their size and whether each fits this machine, before anything is downloaded."))
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.placeholder)
        right_layout.addWidget(self.repo_view)
        self.repo_view.hide()
        split.addWidget(right)
        split.setSizes([500, 580])
        layout.addWidget(split, 1)
        services.policy_changed.connect(self._on_policy_changed)  # the card's verdict and the download question follow
        self._queued_file: str | None = None
        services.download_changed.connect(self._on_download_changed)  # the quant list marks downloaded / downloading n% / failed
        services.library_changed.connect(self._show_file_states)

    # -- search -----------------------------------------------------------------------------------
    def family(self) -> str | None:
        checked = [b.text() for b in self.family_group.buttons() if b.isChecked()]
        return checked[0] if checked else None

    def _on_chip(self, family: str, checked: bool) -> None:
        if checked:
            for button in self.family_group.buttons():
                if button.text() != family and button.isChecked():
                    button.blockSignals(True)
                    button.setChecked(False)
                    button.blockSignals(False)
        self.search()

    def search(self, more: bool = False) -> None:
        self._offset = self._offset + PAGE if more else 0
        query, sort, family, offset = self.query.text(), self.sort.currentData(), self.family(), self._offset
        author = self.author.text().strip() or None
        self.status.setText(self.tr("Searching…"))
        self.more_button.setEnabled(False)

        hub = self.app.hub

        def work():
            return hub.search(query, sort=sort, family=family, author=author, limit=PAGE, offset=offset)

        self.tasks.run(work, lambda found: self._on_results(found, more), self._on_search_failed)

    def _on_results(self, found: list[dict], more: bool) -> None:
        if more:
            self.results.append_records(found)
        else:
            self.results.set_records(found)
        total = self.results.rowCount()
        if total == 1:
            self.status.setText(self.tr("1 repository"))
        else:
            self.status.setText(self.tr("{0} repositories").format(total) if total else self.tr("No GGUF repositories match."))
        shown = self.repo_view.details.id if self.repo_view.details is not None and self.repo_view.isVisible() else None
        if not more and shown and all(r["id"] != shown for r in found):  # an earlier repository (the welcome's) is not among these
            self.repo_view.hide()
            self.placeholder.title_label.setText(self.tr("Pick a model"))
            self.placeholder.body_label.setText(self.tr("Its quantisations appear here with their size and whether each fits this machine, before anything is downloaded."))
            self.placeholder.show()
        self.more_button.setEnabled(len(found) == PAGE)

    def _on_search_failed(self, exc: BaseException) -> None:
        text, hint = error_text(exc, self.ctx.paths.log_file)
        self.status.setText(f"{text} {hint}".strip())

    # -- one repository ---------------------------------------------------------------------------
    def _on_selected(self, *_args) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.open_repo(self.results.record(rows[0].row())["id"])

    def open_repo(self, repo_id: str) -> None:
        self.placeholder.title_label.setText(repo_id)
        self.placeholder.body_label.setText(self.tr("Reading the repository and the model's header…"))
        self.placeholder.show()
        self.repo_view.hide()
        policy, _problem = self.app.policy.current_or_default()
        hub, version = self.app.hub, self.app.policy.version
        self.tasks.run(lambda: hub.inspect(repo_id, policy=policy), lambda found: self._on_repo(found, version), self._on_repo_failed)

    def _on_repo(self, inspection, policy_version: int | None = None) -> None:
        self.inspection = inspection
        if policy_version is not None and policy_version != self.app.policy.version:  # changed while the repo was read
            policy, _problem = self.app.policy.current_or_default()
            inspection.audit = self.app.hub.audit(inspection.details, inspection.base_cards, policy)
        self.repo_view.show_details(inspection.details, inspection.recommended, inspection.reason, inspection.fit_note)
        self._show_file_states()
        self.repo_view.show_license(inspection.audit)
        self.placeholder.hide()
        self.repo_view.show()

    def _show_file_states(self) -> None:
        details = self.repo_view.details
        if details is None:
            return
        self.repo_view.set_file_states(file_states(details.id, self.app.downloads.list(), self.app.library.list()))

    def _on_download_changed(self, download) -> None:
        details = self.repo_view.details
        if details is None or getattr(download, "repo", None) != details.id:
            return
        self._show_file_states()
        if download.filename == self._queued_file:  # the line under the table follows what became of it
            state = download.state.value
            if state == "cancelled":
                self.repo_view.status.setText(self.tr("The download of {0} was cancelled.").format(download.filename))
            elif state in ("failed", "quarantined"):
                self.repo_view.status.setText(self.tr("The download of {0} failed: {1}").format(download.filename, localise(download.error or "")))
            elif state == "done":
                self.repo_view.status.setText(self.tr("{0} is downloaded and verified: it is in the Library.").format(download.filename))

    def _on_policy_changed(self) -> None:
        """Audit the open repository again under the new policy (offline: the cards are kept)."""
        inspection = self.inspection
        if inspection is None:
            return
        policy, _problem = self.app.policy.current_or_default()
        inspection.audit = self.app.hub.audit(inspection.details, inspection.base_cards, policy)
        self.repo_view.show_license(inspection.audit)

    def _on_repo_failed(self, exc: BaseException) -> None:
        text, hint = error_text(exc, self.ctx.paths.log_file)
        self.placeholder.body_label.setText(f"{text}\n{hint}".strip())

    def _on_download(self, repo_id: str, filename: str, reason: str | None = None) -> None:
        self.repo_view.status.setText(self.tr("Queuing {0}…").format(filename))
        downloads = self.app.downloads
        shown = self.inspection.details if self.inspection is not None and self.inspection.details.id == repo_id else None
        revision = shown.sha if shown is not None else None  # the commit whose sizes, fit and license were shown

        def failed(exc: BaseException) -> None:
            if isinstance(exc, OverrideReasonNeeded):
                given = self.ask_reason(exc)
                if given:
                    self._on_download(repo_id, filename, given)
                    return
            self.repo_view.status.setText(" ".join(error_text(exc, self.ctx.paths.log_file)).strip())

        self._queued_file = filename
        self.tasks.run(
            lambda: downloads.queue(repo_id, filename, revision, reason=reason),
            lambda ids: self.repo_view.status.setText(self.tr("{0} is downloading: follow it in the Library.").format(filename)),
            failed,
        )

    def ask_reason(self, exc) -> str | None:
        """The managed policy wants a reason before a "review" model is used: the audit trail keeps it."""
        reason, ok = QInputDialog.getMultiLineText(
            self, self.tr("A reason is needed"),
            self.tr("{0}\n\nYour organisation asks why you may use it. The reason is kept in the audit trail with your name.").format(localise(exc.message)),
        )  # fmt: skip
        return reason.strip() if ok and reason.strip() else None

    def ask_token(self) -> None:
        token, ok = QInputDialog.getText(self, self.tr("Hugging Face token"), self.tr("Paste an access token (it is kept in the system keyring):"), QLineEdit.EchoMode.Password)
        if not ok or not token.strip():
            return
        try:
            tokens.set_token(token)
        except HangarError as exc:
            show_error(self, self.tr("Hugging Face token"), exc)
            return
        if self.repo_view.details is not None:
            self.open_repo(self.repo_view.details.id)
