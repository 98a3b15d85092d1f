"""Every visible string is translatable, and the shipped Simplified Chinese is complete.

Two checks. Coverage: lupdate reads the code as it is now, and every string it finds must
have a finished translation in resources/translations/hangar_zh_CN.ts (with the same
{0}/%n placeholders), and the committed .qm must be what lrelease makes of that .ts. A new
string without a translation fails here: run resources/translations/update.sh, translate
it, run update.sh again. Runtime: the window in zh_CN, every pane and dialog open, must
show no English words except names and units (a string the code forgot to wrap in tr()
fails here even though lupdate never saw it).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt, QThreadPool
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTableWidget,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from hangar.core.app import Hangar
from hangar.core.config.context import AppContext
from hangar.core.config.resources import resource
from hangar.ui.i18n import install_translations, remove_translations, resolve_language
from hangar.ui.services import UiServices

ROOT = Path(__file__).resolve().parents[2]
TS = resource("translations", "hangar_zh_CN.ts")
QM = resource("translations", "hangar_zh_CN.qm")
PLACEHOLDER = re.compile(r"\{\w*(?::[^}]*)?\}|%n|%\d")  # {0}, {}, and core's named {file}, {size:,}

# Words that stay as they are in Chinese: product, vendor and model names, technical terms, units, keys.
ALLOWED = {
    "hangar", "gguf", "cuda", "cann", "cpu", "cpus", "gpu", "gpus", "npu", "npus", "hugging", "face", "hub", "llama", "cpp",
    "qwen", "deepseek", "openpangu", "hunyuan", "gemma", "mistral", "phi", "nvidia", "huawei", "ascend", "hbm", "sha",
    "mib", "gib", "kib", "ghz", "kwh", "png", "csv", "json", "localscore", "ollama", "token", "tokens", "english", "python",
    "pyside", "mit", "lgpl", "bsd", "apache", "ctrl", "esc", "enter", "return", "shift", "alt", "bench", "nvml", "smi",
    "rapl", "spdx", "cyclonedx", "bom", "markdown", "avx", "neon", "http", "https", "url", "utf", "ram", "vram", "bartowski",
    "jinja", "openai", "api", "ttft", "lts", "top", "min", "chatml", "instruct", "curl",
    "vllm", "mindie", "artifactory", "nexus", "pem",  # product and format names, as Chinese texts write them
}  # fmt: skip
# Shown in English today because they come from Qt-free core/ data, in files this test's
# authors may not edit; each is listed in the i18n report. Remove an entry once it is fixed.
OUTSTANDING: tuple[str, ...] = ()
CHINESE = re.compile(r"[\u4e00-\u9fff]")
DATA = re.compile(r"\S*[/\\]\S*|\S+\.(?:gguf|log|db|json|csv|png|md|sh)\b|\b[A-Z]\w*_\w+")


# -- coverage ---------------------------------------------------------------------------------
def _tool(name: str) -> str:
    found = Path(sys.executable).with_name(name)
    path = str(found) if found.exists() else shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (it comes with PySide6)")
    return path


@pytest.fixture(autouse=True)
def _finish_background_work():
    """Building every pane starts runtime probes in the thread pool: let them end here,
    not during the next test."""
    yield
    QThreadPool.globalInstance().waitForDone(60_000)


def _sources() -> list[str]:
    package = ROOT / "desktop" / "hangar"
    return sorted(str(p.relative_to(ROOT)) for folder in ("ui", "core", "engine") for p in (package / folder).rglob("*.py"))


def _messages(path: Path) -> dict[tuple[str, str, str], ET.Element]:
    found = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            found[key] = message.find("translation")
    return found


def _translations(element: ET.Element | None) -> list[str] | None:
    """The finished translation texts, or None when there is none."""
    if element is None or element.get("type") in ("unfinished", "vanished", "obsolete"):
        return None
    forms = [f.text or "" for f in element.iter("numerusform")] or [element.text or ""]
    return forms if all(f.strip() for f in forms) else None


def test_every_string_in_the_code_has_a_finished_chinese_translation(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [_tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none", *_sources(), "-ts", str(fresh)],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip
    in_code = _messages(fresh)
    assert len(in_code) > 300, "lupdate found suspiciously few strings"
    committed = _messages(TS)
    missing, broken = [], []
    for key in in_code:
        forms = _translations(committed.get(key))
        if forms is None:
            missing.append(f"  {key[0]}: {key[1]!r}")
            continue
        wanted = sorted(PLACEHOLDER.findall(key[1]))
        if any(sorted(PLACEHOLDER.findall(form)) != wanted for form in forms):
            broken.append(f"  {key[0]}: {key[1]!r} -> {forms!r}")
    assert not missing, (
        f"{len(missing)} string(s) have no finished zh_CN translation. Run resources/translations/update.sh, "
        f"translate them in {TS.relative_to(ROOT)}, and run update.sh again:\n" + "\n".join(missing)
    )
    assert not broken, "translations that lost or changed a placeholder:\n" + "\n".join(broken)


# tr() calls lupdate cannot see (inside an f-string); listed in the i18n report, in files
# this test's authors may not edit. Remove an entry once it is fixed.
UNSEEN_OUTSTANDING: set[str] = set()


def test_lupdate_sees_every_tr_call_in_the_code(tmp_path: Path) -> None:
    """A tr() inside an f-string, or a helper like _tr(text), is invisible to lupdate: its
    string would never be translated, and the coverage check above could not tell."""
    import ast

    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [_tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none", *_sources(), "-ts", str(fresh)],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip
    extracted = {source for _context, source, _comment in _messages(fresh)}
    unseen = []
    for source in _sources():
        for node in ast.walk(ast.parse((ROOT / source).read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            texts = [a.value for a in node.args[:2] if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            text = texts[0] if node.func.attr == "tr" and texts else texts[1] if node.func.attr == "translate" and len(texts) == 2 else None
            if text is not None and text not in extracted and text not in UNSEEN_OUTSTANDING:
                unseen.append(f"  {source}:{node.lineno}: {text!r}")
    assert not unseen, "tr() calls lupdate does not extract (move the call out of the f-string):\n" + "\n".join(unseen)


def test_the_compiled_qm_is_up_to_date_with_the_ts(tmp_path: Path) -> None:
    compiled = tmp_path / "fresh.qm"
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(TS), "-qm", str(compiled)], check=True, capture_output=True)
    assert QM.read_bytes() == compiled.read_bytes(), "hangar_zh_CN.qm is stale: run resources/translations/update.sh"


def test_update_script_is_idempotent_on_the_committed_files(tmp_path: Path) -> None:
    """update.sh on an up-to-date .ts changes nothing (lupdate keeps every translation)."""
    copy = tmp_path / "copy.ts"
    shutil.copy(TS, copy)
    subprocess.run(
        [_tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none", "-target-language", "zh_CN", *_sources(), "-ts", str(copy)],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip
    assert copy.read_text(encoding="utf-8") == TS.read_text(encoding="utf-8"), "run resources/translations/update.sh and commit the result"


# -- choosing the language ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("setting", "system", "expected"),
    [("system", "zh_CN", "zh_CN"), ("system", "zh_TW", "zh_CN"), ("system", "de_DE", "en"), ("system", "en_US", "en"),
     ("en", "zh_CN", "en"), ("zh_CN", "en_US", "zh_CN")],
)  # fmt: skip
def test_the_language_follows_the_setting_or_the_system(setting: str, system: str, expected: str) -> None:
    assert resolve_language(setting, QLocale(system)) == expected


def test_changing_the_language_in_settings_says_it_needs_a_restart(qtbot) -> None:
    from hangar.ui.panes.settings.pane import SettingsPane

    pane = SettingsPane(UiServices(Hangar.open()))
    qtbot.addWidget(pane)
    pane.show()
    assert pane.language_row.isHidden()
    other = "zh_CN" if pane.running_language == "en" else "en"
    pane.language_combo.setCurrentIndex(pane.language_combo.findData(other))
    assert pane.ctx.settings.language == other
    assert pane.language_row.isVisible() and "restart" in pane.language_note.text() and pane.restart_button.isVisible()
    pane.language_combo.setCurrentIndex(pane.language_combo.findData(pane.running_language))
    assert pane.language_row.isHidden()


def test_restart_now_starts_hangar_again_before_closing(qtbot, monkeypatch) -> None:
    import sys

    from PySide6.QtWidgets import QWidget

    from hangar.ui import restart as module

    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    started = []
    assert not module.restart(window, start=lambda program, args: started.append((program, args)) or (False, 0))
    assert window.isVisible(), "nothing closes when the new Hangar did not start"
    assert module.restart(window, start=lambda program, args: started.append((program, args)) or (True, 4242))
    assert not window.isVisible() and started[-1][0] == sys.executable
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "argv", ["/opt/hangar/hangar", "--flag"])
    assert module.restart_command() == (sys.executable, ["--flag"]), "the bundle starts its own executable"


# -- runtime ------------------------------------------------------------------------------------
@pytest.fixture
def chinese(qapp):
    loaded = install_translations("zh_CN")
    assert str(QM) in loaded
    yield loaded
    remove_translations()


def _english_words(text: str) -> list[str]:
    text = DATA.sub(" ", re.sub(r"<[^>]+>", " ", text))
    return [w for w in re.findall(r"[A-Za-z]{3,}", text) if w.lower() not in ALLOWED]


def _texts(widget: QWidget, cells: bool = False) -> list[tuple[str, str]]:  # noqa: C901 - one check per widget kind
    """(where, text) for every string ``widget`` shows a person."""
    kind = type(widget).__name__
    found: list[tuple[str, str]] = []
    add = lambda what, text: text and found.append((f"{kind} {widget.objectName() or ''} {what}".strip(), text))  # noqa: E731
    if widget.isWindow():
        add("window title", widget.windowTitle())
    add("tooltip", widget.toolTip())
    add("accessible name", widget.accessibleName())
    if isinstance(widget, QLabel):
        add("text", widget.text())
    if isinstance(widget, QAbstractButton):
        add("text", widget.text())
    if isinstance(widget, QGroupBox):
        add("title", widget.title())
    if isinstance(widget, (QLineEdit, QPlainTextEdit, QTextEdit)):
        add("placeholder", widget.placeholderText())
    if isinstance(widget, QComboBox):
        for index in range(widget.count()):
            add(f"item {index}", widget.itemText(index))
    if isinstance(widget, QAbstractSpinBox) and hasattr(widget, "suffix"):
        add("special value", widget.specialValueText())
        add("suffix", widget.suffix())
    if isinstance(widget, QTabWidget):
        for index in range(widget.count()):
            add(f"tab {index}", widget.tabText(index))
    if isinstance(widget, QListWidget):
        for index in range(widget.count()):
            add(f"item {index}", widget.item(index).text())
    if isinstance(widget, QAbstractItemView) and widget.model() is not None and hasattr(widget, "horizontalHeader"):
        if not widget.horizontalHeader().isHidden():
            for column in range(widget.model().columnCount()):
                add(f"header {column}", str(widget.model().headerData(column, Qt.Orientation.Horizontal) or ""))
    if cells and isinstance(widget, QTableWidget):
        for row in range(widget.rowCount()):
            for column in range(widget.columnCount()):
                add(f"cell {row},{column}", widget.item(row, column).text() if widget.item(row, column) else "")
    elif cells and isinstance(widget, QAbstractItemView) and widget.model() is not None and hasattr(widget, "horizontalHeader"):
        model = widget.model()  # a table over core objects: every cell and its tooltip
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                index = model.index(row, column)
                add(f"cell {row},{column}", str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
                add(f"cell {row},{column} tooltip", str(index.data(Qt.ItemDataRole.ToolTipRole) or ""))
    if hasattr(widget, "chart") and callable(widget.chart) and widget.chart() is not None:
        chart = widget.chart()
        add("chart title", chart.title())
        for axis in chart.axes():
            add("axis title", axis.titleText())
    return found


def _untranslated(top: QWidget, cells: bool = False, names: tuple[str, ...] = (), quotes: bool = False) -> list[str]:
    """``names``: proper names shown as they are (license titles, SPDX ids), longest first.
    ``quotes``: text in Chinese quotation marks is a verbatim quote (the notices a license
    requires in English, “Built with Llama”, as the knowledge base's Chinese duties quote them)."""
    problems = []
    for widget in [top, *top.findChildren(QWidget)]:
        if not widget.isVisible() and widget is not top:
            continue
        for where, text in _texts(widget, cells):
            for phrase in (*OUTSTANDING, *names):
                text = text.replace(phrase, " ")
            if quotes:
                text = re.sub(r"“[^”]*”", " ", text)
            words = _english_words(text)
            if words:
                problems.append(f"  {where}: {text!r} (English: {', '.join(words)})")
    return problems


class NVMLError_LibraryNotFound(Exception):  # noqa: N801, N818 - pynvml's name, which the reason shows
    """What pynvml raises on a machine without the NVIDIA driver (an empty message)."""


class _NoDriverNVML:
    def nvmlInit(self) -> None:  # noqa: N802 - pynvml's name
        raise NVMLError_LibraryNotFound()


def _fake_detection(monkeypatch, tmp_path: Path):
    """This machine as a driverless one: no GPU, no NPU, a CUDA runtime not built and a
    CANN build for another llama-cpp-python. The reasons are core's own (detect_nvidia,
    detect_ascend, detect_runtime), so the window must show them in Chinese."""
    from hangar.core.hardware import HardwareReport
    from hangar.core.hardware.ascend import detect_ascend
    from hangar.core.hardware.nvidia import detect_nvidia
    from hangar.core.runner.runtimes import Runtime, detect_runtime

    gpus, gpu_reason = detect_nvidia(_NoDriverNVML(), which=lambda name: None)
    npus, ascend, npu_reason = detect_ascend(which=lambda name: None, environ={}, root=tmp_path)
    assert not gpus and not npus and gpu_reason and npu_reason
    report = HardwareReport(
        cpu={"model": "Z-9000", "cores_physical": 8, "cores_logical": 16, "architecture": "x86_64", "features": ["avx2"]},
        memory={"total_bytes": 32 * 1024**3, "available_bytes": 24 * 1024**3}, gpu_reason=gpu_reason, npu_reason=npu_reason,
        ascend=ascend, disk={"free_bytes": 10**11, "total_bytes": 10**12, "path": "/models"},
    )  # fmt: skip
    runtimes_dir = tmp_path / "runtimes"
    (runtimes_dir / "cann").mkdir(parents=True)
    (runtimes_dir / "cann" / "manifest.json").write_text('{"llama_cpp_python": "0.0.1"}')
    runtimes = [
        Runtime("cpu", True, version="0.3", devices=[{"name": "CPU", "description": "x", "type": "cpu", "memory_free_bytes": 0}]),
        detect_runtime("cuda", runtimes_dir), detect_runtime("cann", runtimes_dir),
    ]
    assert not runtimes[1].available and not runtimes[2].available
    monkeypatch.setattr("hangar.ui.panes.hardware.pane.detect_hardware", lambda *a, **k: report)
    monkeypatch.setattr("hangar.ui.panes.hardware.pane.detect_runtimes", lambda *a, **k: runtimes)
    monkeypatch.setattr("hangar.core.runner.runtimes.detect_runtimes", lambda *a, **k: runtimes)
    return lambda: (report, runtimes)


def _license_audits() -> list:
    """Hub repositories as the Licenses pane shows them: allowed with duties, research-only
    (blocked), a re-upload that disagrees with its base model, sources that disagree, facts
    not verified, a LICENSE file, and a license that cannot be determined."""
    from hangar.core.licenses.audit import Audit
    from hangar.core.licenses.detect import detect
    from hangar.core.licenses.openness import assess
    from hangar.core.licenses.policy import Policy, evaluate

    text = "Paper: https://arxiv.org/abs/2505.09388. Evaluation: benchmark results below. Code: https://github.com/QwenLM/Qwen3"
    cases = [
        ("Qwen/Qwen3-8B-GGUF", {"license": "apache-2.0", "datasets": ["a/b"]}, {"general.license": "apache-2.0"}, text),
        ("Qwen/Qwen2.5-3B-Instruct-GGUF", {"license": "other", "license_link": "https://huggingface.co/Qwen/Qwen2.5-3B-Instruct/blob/main/LICENSE"}, {}, ""),
        ("someone/Llama-3.1-8B-Instruct-GGUF", {"license": "apache-2.0", "base_model": "meta-llama/Llama-3.1-8B-Instruct"}, {}, ""),
        ("someone/disputed-GGUF", {"license": "mit"}, {"general.license": "apache-2.0"}, ""),
        ("Qwen/Qwen2.5-72B-Instruct-GGUF", {"license": "other", "license_name": "qwen"}, {}, ""),
        ("nobody/no-license-GGUF", {}, {}, ""),
    ]
    audits = []
    for repo, card, gguf, card_text in cases:
        license_text = resource("licenses", "texts", "apache-2.0.txt").read_text(encoding="utf-8") if repo == "Qwen/Qwen3-8B-GGUF" else None
        found = detect(card=card, gguf=gguf, license_text=license_text)
        audits.append(Audit(repo, repo, found, evaluate(Policy(), found), assess(found.license, card, card_text)))
    return audits


def test_the_chinese_window_shows_no_untranslated_english(qtbot, chinese, monkeypatch, tmp_path: Path, tiny_gguf: Path) -> None:
    from hangar.core.licenses.kb import knowledge_base
    from hangar.ui.main_window import MainWindow
    from hangar.ui.welcome import show_welcome

    detect = _fake_detection(monkeypatch, tmp_path)
    window = MainWindow(Hangar.open())
    qtbot.addWidget(window)
    window.show()
    assert window.sidebar.item(0).text() != "Discover"  # the translation is in use
    problems = []
    for key in window.pane_keys():
        window.show_pane(key)
        qtbot.wait(50)
        problems += [f"[{key}] {p}" for p in _untranslated(window)]
    hardware = window.pane("hardware")
    window.show_pane("hardware")
    qtbot.waitUntil(lambda: hardware.report is not None)
    problems += [f"[hardware, detected] {p}" for p in _untranslated(window, cells=True)]
    for label in (hardware.gpu_reason, hardware.npu_reason):
        assert CHINESE.search(label.text()), f"the reason is not in Chinese: {label.text()!r}"
    assert all(CHINESE.search(hardware.runtime_model.index(row, 4).data()) for row in (1, 2)), "the runtimes' reasons"

    # The Licenses pane with a report: verdicts, reasons, confidence, terms, evidence, the
    # Openness table and an unknown license. License titles and SPDX ids are names.
    kb = knowledge_base()
    names = {n for i in kb.licenses.values() if i.id != "unknown" for n in (i.name, i.spdx)}
    names = tuple(sorted(names | {"Meta", "NOTICE"}, key=len, reverse=True))  # Llama's vendor; the file Apache-2.0 names
    licenses = window.pane("licenses")
    window.show_pane("licenses")
    QThreadPool.globalInstance().waitForDone(60_000)
    qtbot.wait(50)
    for audit in _license_audits():
        licenses._on_repo_audit(audit)
        qtbot.wait(10)
        assert licenses.card.isVisible() and licenses.openness.isVisible()
        problems += [f"[licenses, {audit.subject}] {p}" for p in _untranslated(window, cells=True, names=names, quotes=True)]
        for text in (licenses.card.reasons.text(), licenses.card.body.text(), licenses.openness_title.text()):
            assert CHINESE.search(text), text
    unknown = licenses.model.rowCount() - 1
    assert licenses.model.index(unknown, 2).data() == "未知许可证" and licenses.model.index(unknown, 3).data() == "低"
    assert {licenses.openness_model.index(r, 1).data() for r in range(licenses.openness_model.rowCount())} <= {"开放", "受限", "未注明"}

    # The Benchmark pane with a real run from this machine: the device ("CPU memory"), the
    # energy reason (here: no RAPL counters), the stages and the history come from core and
    # the worker as messages. The model's file name, the runtime's id, the tests' names and
    # the sysfs folder (intel-rapl) are names.
    from hangar.core.runner import protocol as P

    bench = window.pane("benchmark")
    window.show_pane("benchmark")
    record = window.app.bench.run(P.BenchOptions(model=str(tiny_gguf), n_prompt=8, n_gen=4, reps=1))
    bench.show_record(record)
    bench.reload_history()
    qtbot.wait(50)
    shown = bench.summary.text()
    assert CHINESE.search(shown) and "CPU memory" not in shown, shown
    problems += [f"[benchmark, a run] {p}" for p in _untranslated(window, cells=True, names=(tiny_gguf.name, "intel-rapl", "RAPL", "cpu", "pp8", "tg4"))]

    if _english_words(window.statusBar().currentMessage()):
        problems.append(f"[status bar] {window.statusBar().currentMessage()!r}")
    for action in window.menuBar().actions():
        for item in [action, *action.menu().actions()]:
            if _english_words(item.text()):
                problems.append(f"[menu] {item.text()!r}")

    welcome = show_welcome(window, detect)
    qtbot.waitUntil(lambda: welcome.plan is not None)
    problems += [f"[welcome] {p}" for p in _untranslated(welcome)]
    welcome.reject()
    shortcuts = window.show_shortcuts()
    problems += [f"[shortcuts] {p}" for p in _untranslated(shortcuts, cells=True)]
    shortcuts.reject()
    about = window.show_about()
    about.build_label.setText(about.tr("llama.cpp build: asking the library…"))  # the probe's answer is data
    problems += [f"[about] {p}" for p in _untranslated(about)]
    about.reject()
    guide = window.show_user_guide()
    problems += [f"[guide] {p}" for p in _untranslated(guide)]
    guide.reject()
    assert not problems, "English left in the zh_CN window (wrap it in self.tr() and translate it):\n" + "\n".join(problems)


def test_errors_and_fit_explanations_from_core_are_shown_in_chinese(qtbot, chinese, tmp_path: Path) -> None:
    """core/ has no Qt; its messages carry their template, and the window translates them."""
    from hangar.core.common.errors import DiskFull, InvalidInput
    from hangar.core.common.i18n import from_stored, to_stored
    from hangar.core.library.models import inspect_model_file
    from hangar.ui.error_dialog import error_text
    from hangar.ui.i18n import localise

    bad = tmp_path / "notes.gguf"
    bad.write_text("not a model")
    with pytest.raises(InvalidInput) as refused:
        inspect_model_file(bad)
    message, _hint = error_text(refused.value)
    assert message == "notes.gguf 被拒绝：这不是 GGUF 文件（它不以 GGUF 签名开头）", message

    from hangar.core.downloads.sink import write_error

    full = write_error(OSError(28, "No space left on device"), tmp_path / "m.gguf.part")
    assert isinstance(full, DiskFull)
    message, hint = error_text(full)
    assert message == f"{tmp_path} 所在的磁盘已满。" and "已下载的部分会保留" in hint
    stored = from_stored(to_stored(full.message))  # a failed download's error, read back after a restart
    assert localise(stored) == message and str(stored).startswith("The disk holding")

    from hangar.core.runner.fit import FitEstimate

    explained = localise(FitEstimate("does_not_fit", 9 * 2**30, 4 * 2**30, 8 * 2**30, 2**29, 2**28, 2**27, 4096, "CPU memory").explain())
    assert explained.startswith("在CPU memory上放不下：需要 9.00 GiB") and "4,096 个 token 的 KV 缓存" in explained
    assert not _english_words(explained.replace("CPU memory", "")), explained

    import httpx2

    from hangar.core.downloads.fetcher import problem

    waiting = localise(problem(httpx2.ReadTimeout("slow"), 30.0))
    assert waiting == "30 秒内没有收到数据"
