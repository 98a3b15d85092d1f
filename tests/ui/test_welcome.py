"""The first-run welcome: shown once, from start-up only, with this machine and a first model."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLabel

from hangar.core.app import Hangar
from hangar.core.config.context import AppContext
from hangar.core.config.settings import load_settings
from hangar.core.hardware import HardwareReport
from hangar.core.runner.runtimes import Runtime
from hangar.ui.main_window import MainWindow
from hangar.ui.startup import show_welcome_if_first_run
from hangar.ui.welcome import WelcomeDialog, show_welcome

GIB = 1024**3


def _machine(gpu: bool = False):
    gpus = [{"index": 0, "name": "NVIDIA RTX 4090", "memory_total_bytes": 24 * GIB, "memory_free_bytes": 23 * GIB}] if gpu else []
    report = HardwareReport(
        cpu={"model": "Test CPU 3000", "cores_physical": 8, "cores_logical": 16, "architecture": "x86_64", "features": []},
        memory={"total_bytes": 32 * GIB, "available_bytes": 24 * GIB},
        gpus=gpus,
        gpu_reason="" if gpu else "NVML found no NVIDIA GPU",
        npu_reason="npu-smi not on PATH",
    )
    runtimes = [
        Runtime("cpu", True, version="0.3", devices=[{"name": "CPU", "description": "cpu", "type": "cpu", "memory_free_bytes": 0}]),
        Runtime("cuda", False, "not installed (no build in /x/cuda)", install_command="bash build-cuda.sh /x/cuda"),
        Runtime("cann", False, "not installed (no build in /x/cann)", install_command="bash build-cann.sh /x/cann"),
    ]
    return lambda: (report, runtimes)


def _window(qtbot) -> MainWindow:
    window = MainWindow(Hangar.open())
    qtbot.addWidget(window)
    return window


def _welcome(qtbot, window: MainWindow, gpu: bool = False) -> WelcomeDialog:
    dialog = show_welcome(window, detect=_machine(gpu))
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10_000)
    return dialog


def test_the_main_window_never_shows_it_by_itself(qtbot) -> None:
    window = _window(qtbot)
    window.show()
    assert window.findChildren(WelcomeDialog) == []


def test_it_is_shown_on_the_first_start_only(qtbot) -> None:
    window = _window(qtbot)
    window.show()
    dialog = show_welcome_if_first_run(window, detect=_machine())
    assert isinstance(dialog, WelcomeDialog) and dialog.isVisible()
    assert load_settings(window.ctx.paths.settings_file).first_run_done is False
    dialog.start_button.click()
    assert not dialog.isVisible()
    assert window.ctx.settings.first_run_done is True
    assert load_settings(window.ctx.paths.settings_file).first_run_done is True
    again = _window(qtbot)
    assert show_welcome_if_first_run(again) is None


def test_it_shows_the_machine_a_runtime_and_a_first_model_that_fits(qtbot) -> None:
    window = _window(qtbot)
    dialog = _welcome(qtbot, window)
    assert "Test CPU 3000" in dialog.cpu_label.text() and "8 cores" in dialog.cpu_label.text()
    assert "32.0 GiB" in dialog.memory_label.text() and "24.0 GiB" in dialog.memory_label.text()
    assert dialog.gpu_label.text() == "none found" and "NVML" in dialog.gpu_label.toolTip()
    assert dialog.runtime_label.text().startswith("CPU:")
    assert dialog.hardware_button.isHidden()
    text = dialog.model_label.text()
    assert "Qwen3 8B" in text and "Q4_K_M" in text and "bartowski/Qwen_Qwen3-8B-GGUF" in text and "It fits" in text
    assert dialog.find_button.isEnabled()


def test_the_dialog_grows_so_no_line_is_clipped(qtbot) -> None:
    window = _window(qtbot)
    window.show()
    dialog = show_welcome(window, detect=_machine(gpu=True))
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10_000)
    qtbot.waitUntil(lambda: dialog.height() >= dialog.layout().totalHeightForWidth(dialog.width()))
    for label in (dialog.model_label, dialog.runtime_label):
        assert label.height() >= label.heightForWidth(label.width()), label.text()


def test_a_gpu_without_its_runtime_is_pointed_at_the_hardware_pane(qtbot) -> None:
    window = _window(qtbot)
    dialog = _welcome(qtbot, window, gpu=True)
    assert "NVIDIA RTX 4090 (24 GiB)" in dialog.gpu_label.text()
    assert "NVIDIA CUDA" in dialog.runtime_label.text() and "not installed" in dialog.runtime_label.text()
    assert not dialog.hardware_button.isHidden()
    dialog.hardware_button.click()
    assert window.current_pane_key() == "hardware" and not dialog.isVisible()


def test_it_says_plainly_that_nothing_is_sent_without_consent(qtbot) -> None:
    dialog = _welcome(qtbot, _window(qtbot))
    note = dialog.findChild(QLabel, "privacyNote")
    assert note.text() == (
        "Nothing is sent anywhere without your consent: Hangar contacts the Hugging Face Hub only when you search it, "
        "open a repository, check a repository's license or download."
    )


def test_find_it_opens_discover_searching_for_the_model(qtbot) -> None:
    window = _window(qtbot)
    window.show_pane("settings")
    dialog = _welcome(qtbot, window)
    dialog.find_button.click()
    assert not dialog.isVisible()
    assert window.current_pane_key() == "discover"
    discover = window.pane("discover")
    assert discover.query.text() == "Qwen3-8B"
    assert discover.placeholder.title_label.text() == "bartowski/Qwen_Qwen3-8B-GGUF"


def test_the_models_folder_can_be_changed_like_in_settings(qtbot, tmp_path: Path) -> None:
    window = _window(qtbot)
    dialog = _welcome(qtbot, window)
    assert dialog.findChild(QLabel, "modelsFolder").text() == str(window.ctx.models_dir)
    target = tmp_path / "elsewhere" / "models"
    assert dialog.change_folder(str(target))
    assert target.is_dir() and window.ctx.models_dir == target
    assert Path(load_settings(window.ctx.paths.settings_file).models_dir) == target
    assert window.services.downloads.models_dir == target  # new downloads go there at once
    assert dialog.findChild(QLabel, "modelsFolder").text() == str(target)
    settings = window.pane("settings")
    window.show()
    window.show_pane("settings")
    assert settings.models_dir_edit.text() == str(target)


def test_an_unusable_folder_is_refused_with_a_message(qtbot, tmp_path: Path, monkeypatch) -> None:
    shown = []
    monkeypatch.setattr("hangar.ui.panes.settings.pane.show_error", lambda parent, title, exc: shown.append(str(exc)))
    window = _window(qtbot)
    dialog = _welcome(qtbot, window)
    before = window.ctx.models_dir
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    assert not dialog.change_folder(str(blocker / "models"))
    assert shown and "Cannot use" in shown[0]
    assert window.ctx.models_dir == before and dialog.findChild(QLabel, "modelsFolder").text() == str(before)


_START = """
import json, sys
from PySide6.QtWidgets import QApplication

def look(app):
    tops = {w.objectName(): w for w in app.topLevelWidgets() if w.isVisible()}
    window = tops["mainWindow"]
    print(json.dumps({"first_pane": window.sidebar.item(0).text(), "welcome": "welcomeDialog" in tops}))
    return 0

QApplication.exec = look  # the real start-up, up to the event loop
from hangar.ui.app import main
sys.exit(main(["hangar"]))
"""


def _start(hangar_home: Path) -> dict:
    import json
    import os
    import subprocess
    import sys

    env = {**os.environ, "HANGAR_HOME": str(hangar_home), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", _START], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_start_up_shows_the_welcome_once_and_speaks_the_chosen_language(hangar_home: Path) -> None:
    from hangar.core.config.settings import save_settings

    assert _start(hangar_home) == {"first_pane": "Discover", "welcome": True}
    settings_file = AppContext.open().paths.settings_file
    assert load_settings(settings_file).first_run_done is False  # closed by quitting, not by the user
    settings = load_settings(settings_file)
    settings.first_run_done, settings.language = True, "zh_CN"
    save_settings(settings, settings_file)
    assert _start(hangar_home) == {"first_pane": "发现", "welcome": False}
