"""Help → About Hangar: the versions a bug report needs, and the licenses of what Hangar bundles.

Versions and licenses are read from the installed packages' metadata (and llama.cpp's
library file names), so the dialog stays true after an upgrade; the SPDX identifiers in
``COMPONENTS`` are only the fallback for metadata that is missing or vague ("BSD").
What the llama.cpp build was compiled for is asked of the build in a child process, in
the background, as the Hardware pane does: loading it here would put it in the window's
process.
"""

from __future__ import annotations

import platform
import re
from importlib import metadata

from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, qVersion
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..core.config.resources import resource
from ..core.runner.runtimes import cpu_library_dir, installed_version
from .tasks import BackgroundTasks

# (component, distribution to read, SPDX license Hangar uses it under)
COMPONENTS = [
    ("Qt, PySide6", "PySide6", "LGPL-3.0-only"),
    ("llama.cpp", None, "MIT"),
    ("llama-cpp-python", "llama_cpp_python", "MIT"),
    ("huggingface_hub", "huggingface_hub", "Apache-2.0"),
    ("httpx2", "httpx2", "BSD-3-Clause"),
    ("gguf", "gguf", "MIT"),
    ("keyring", "keyring", "MIT"),
    ("psutil", "psutil", "BSD-3-Clause"),
    ("nvidia-ml-py", "nvidia-ml-py", "BSD-3-Clause"),
    ("platformdirs", "platformdirs", "MIT"),
    ("cyclonedx-python-lib", "cyclonedx-python-lib", "Apache-2.0"),
    ("numpy", "numpy", "BSD-3-Clause"),
]
_SPDX = re.compile(r"^[A-Za-z0-9.+-]+(?: (?:AND|OR|WITH) [A-Za-z0-9.+-]+)*$")
_CLASSIFIERS = {"MIT License": "MIT", "Apache Software License": "Apache-2.0"}
_VAGUE = {"BSD", "GPL", "LGPL", "Apache", "UNKNOWN", "Other"}


def dist_version(dist: str | None) -> str | None:
    if dist is None:
        return None
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def license_of(dist: str | None, fallback: str) -> str:
    """The license from the package metadata, as SPDX; ``fallback`` when it says too little.

    A choice of licenses ("LGPL-3.0-only OR GPL-3.0-only") is shown as the one Hangar uses."""
    if dist is None:
        return fallback
    try:
        meta = metadata.metadata(dist)
    except metadata.PackageNotFoundError:
        return fallback
    expression = (meta.get("License-Expression") or meta.get("License") or "").strip()
    if expression and "\n" not in expression and len(expression) <= 80 and _SPDX.match(expression) and expression not in _VAGUE:
        options = expression.split(" OR ")
        return fallback if len(options) > 1 and fallback in options else expression
    for classifier in meta.get_all("Classifier") or []:
        name = classifier.rsplit(" :: ", 1)[-1]
        if classifier.startswith("License ::") and name in _CLASSIFIERS:
            return _CLASSIFIERS[name]
    return fallback


def llama_cpp_library_versions() -> dict[str, str]:
    """The llama.cpp and ggml versions of the bundled CPU build, from its file names
    (libllama.so.0.5.0), without loading it."""
    found: dict[str, str] = {}
    folder = cpu_library_dir()
    if folder is None or not folder.is_dir():
        return found
    for path in sorted(folder.iterdir()):
        match = re.match(r"lib(llama|ggml-base)\.so\.(\d+\.\d+\.\d+)$", path.name) or re.match(r"lib(llama|ggml-base)\.(\d+\.\d+\.\d+)\.dylib$", path.name)
        if match:
            found["llama.cpp" if match.group(1) == "llama" else "ggml"] = match.group(2)
    return found


def version_rows() -> list[tuple[str, str]]:
    import PySide6

    library = llama_cpp_library_versions()
    return [
        ("Hangar", __version__),
        ("llama-cpp-python", installed_version() or "?"),
        ("llama.cpp", library.get("llama.cpp", "?")),
        ("ggml", library.get("ggml", "?")),
        ("Qt", qVersion()),
        ("PySide6", PySide6.__version__),
        ("Python", platform.python_version()),
        (QCoreApplication.translate("AboutDialog", "Operating system"), f"{platform.system()} {platform.release()} ({platform.machine()})"),
    ]


def component_rows() -> list[tuple[str, str, str]]:
    rows = []
    library = llama_cpp_library_versions()
    for name, dist, fallback in COMPONENTS:
        version = dist_version(dist) if dist else library.get("llama.cpp")
        rows.append((name, version or "?", license_of(dist, fallback)))
    return rows


def build_features(system_info: str) -> str:
    """llama.cpp's "CPU : SSE3 = 1 | AVX = 1 | ... |" as "CPU: SSE3, AVX, ...": the features it was built with."""
    sections: list[tuple[str, list[str]]] = []
    for part in system_info.split("|"):
        part = part.strip()
        if ":" in part and "=" not in part.split(":", 1)[0]:
            name, part = (x.strip() for x in part.split(":", 1))
            sections.append((name, []))
        if "=" in part:
            key, value = (x.strip() for x in part.split("=", 1))
            if value in ("0", ""):
                continue
            if not sections:
                sections.append(("", []))
            sections[-1][1].append(key if value == "1" else f"{key}={value}")
    text = "; ".join(f"{name}: {', '.join(keys)}" if name else ", ".join(keys) for name, keys in sections if keys)
    return text or system_info.strip(" |")


def _table(rows: list[tuple[str, ...]], headers: list[str], accessible_name: str) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setAccessibleName(accessible_name)
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    for row, values in enumerate(rows):
        for column, value in enumerate(values):
            table.setItem(row, column, QTableWidgetItem(value))
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    table.resizeRowsToContents()
    height = header.height() + sum(table.rowHeight(r) for r in range(len(rows))) + 2 * table.frameWidth()
    table.setFixedHeight(height)  # as tall as its rows: the dialog, not the table, sizes itself
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return table


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About Hangar"))
        self.tasks = BackgroundTasks(self)
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        icon = QLabel()
        size = self.fontMetrics().height() * 4
        icon.setPixmap(QIcon(str(resource("icons", "hangar.svg"))).pixmap(size, size))
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        title = QLabel(self.tr("Hangar {0}").format(__version__))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        blurb = QLabel(
            self.tr(
                "Runs open-weight language models on your own machines: find GGUF models on the Hugging Face Hub, "
                "download them, chat, benchmark and check their licenses. Weights and conversations stay on this machine."
            )
        )
        blurb.setWordWrap(True)
        license_line = QLabel(self.tr("Hangar is free software under the {0} license.").format(license_of("hangar-desktop", "Apache-2.0")))
        heading = QVBoxLayout()
        for widget in (title, blurb, license_line):
            heading.addWidget(widget)
        top.addLayout(heading, 1)
        layout.addLayout(top)

        self.versions = _table(version_rows(), [self.tr("Component"), self.tr("Version")], self.tr("Versions"))
        layout.addWidget(QLabel(self.tr("Versions")))
        layout.addWidget(self.versions)
        self.build_label = QLabel(self.tr("llama.cpp build: asking the library…"))
        self.build_label.setObjectName("llamaBuild")
        self.build_label.setWordWrap(True)
        self.build_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.build_label)

        self.components = _table(component_rows(), [self.tr("Bundled component"), self.tr("Version"), self.tr("License")], self.tr("Bundled components and their licenses"))
        layout.addWidget(QLabel(self.tr("Bundled components and their licenses")))
        layout.addWidget(self.components)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setFocus()
        copy = QPushButton(self.tr("Copy versions"))
        copy.setToolTip(self.tr("Copy the versions to the clipboard, for a bug report"))
        copy.clicked.connect(self.copy_versions)
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._system_info = ""
        self.tasks.run(self._probe, self._on_probed, self._on_probe_failed)
        self.resize(max(620, self.sizeHint().width()), self.sizeHint().height())

    def showEvent(self, event) -> None:
        super().showEvent(event)
        for table in (self.versions, self.components):
            table.setCurrentIndex(QModelIndex())  # no "current cell" frame on a table nobody chose

    @staticmethod
    def _probe() -> str:
        from ..core.runner.runtimes import probe_library

        facts, error = probe_library(None)
        if facts is None:
            raise RuntimeError(error)
        return facts.get("system_info", "")

    def _on_probed(self, system_info: str) -> None:
        self._system_info = system_info
        self.build_label.setText(self.tr("llama.cpp build: {0}").format(build_features(system_info) or "?"))

    def _on_probe_failed(self, exc: BaseException) -> None:
        self.build_label.setText(self.tr("llama.cpp build: it did not answer ({0})").format(exc))

    def versions_text(self) -> str:
        lines = [f"{name}: {version}" for name, version in version_rows()]
        if self._system_info:
            lines.append(f"llama.cpp build: {self._system_info}")
        return "\n".join(lines)

    def copy_versions(self) -> None:
        QGuiApplication.clipboard().setText(self.versions_text())
