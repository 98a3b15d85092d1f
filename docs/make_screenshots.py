"""Take the screenshots in docs/images from the real window on an X display (Xvfb).

    Xvfb :99 -screen 0 1280x800x24 & DISPLAY=:99 .venv/bin/python docs/make_screenshots.py

It serves the demo Hub (synthetic models under real-looking names) on 127.0.0.1, opens
Hangar's main window with a fresh data folder, drives it the way a person would (search,
pick a repo, download), and captures the screen with ImageMagick's ``import``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "images"
sys.path.insert(0, str(ROOT))


def main() -> int:
    if not os.environ.get("DISPLAY"):
        print("needs an X display: run under Xvfb (see the docstring)", file=sys.stderr)
        return 1
    home = Path(tempfile.mkdtemp(prefix="hangar-shots-"))
    os.environ["HANGAR_HOME"] = str(home)
    os.environ["HF_HUB_DISABLE_TELEMETRY"] = "1"
    from tests.fixtures.demo_hub import build_repos
    from tests.fixtures.hub_server import HubServer

    hub = HubServer().start()
    for repo in build_repos(Path(tempfile.mkdtemp())):
        hub.add_repo(repo)
    os.environ["HF_ENDPOINT"] = hub.endpoint

    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from hangar.core.context import AppContext
    from hangar.core.resources import resource
    from hangar.ui.main_window import MainWindow

    app = QApplication(sys.argv)
    app.setWindowIcon(QIcon(str(resource("icons", "hangar.svg"))))
    window = MainWindow(AppContext.open())
    window.resize(1180, 760)
    window.move(0, 0)
    window.show()

    def wait(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def until(check, timeout_ms: int = 30_000) -> None:
        waited = 0
        while not check() and waited < timeout_ms:
            wait(100)
            waited += 100

    def shot(name: str) -> None:
        wait(400)
        geometry = window.frameGeometry()
        target = OUT / f"{name}.png"
        subprocess.run(["import", "-window", "root", "-crop", f"{geometry.width()}x{geometry.height()}+{geometry.x()}+{geometry.y()}", str(target)], check=True)
        print("wrote", target.relative_to(ROOT))

    discover = window.pane("discover")
    window.show_pane("discover")
    discover.search()
    until(lambda: discover.results.rowCount() > 0)
    shot("discover-results")

    discover.query.setText("Llama-3.1")
    discover.search()
    until(lambda: discover.results.rowCount() == 1)
    discover.table.selectRow(0)
    until(lambda: discover.repo_view.isVisible())
    shot("discover-quants")

    hub.set_faults(bytes_per_second=2_500_000)
    discover.open_repo("Qwen/Qwen3-8B-GGUF")
    until(lambda: discover.repo_view.isVisible() and discover.repo_view.title.text() == "Qwen/Qwen3-8B-GGUF")
    for row in (0, 1):
        discover.repo_view.files_table.selectRow(row)
        discover.repo_view.download_button.click()
        wait(300)
    library = window.pane("library")
    window.show_pane("library")
    until(lambda: library.downloads.model.rowCount() >= 1 and library.downloads.model.record(0)["downloaded_bytes"] > 3_000_000)
    shot("downloads")
    hub.clear_faults()
    until(lambda: library.model.rowCount() == 2, 60_000)
    from hangar.core.library import Library
    from hangar.core.synth import write_synthetic

    Library(window.ctx.database).add_file(write_synthetic(home / "imported" / "Hangar-1B-shape-F16.gguf", "small", f16=True))
    library.reload()
    shot("library")

    window.show_pane("hardware")
    hardware = window.pane("hardware")
    until(lambda: hardware.report is not None)
    shot("hardware")
    window.show_pane("settings")
    shot("settings")

    bench = window.pane("benchmark")
    window.show_pane("benchmark")
    until(lambda: bench.controls.runtime.count() > 0)
    controls = bench.controls
    controls.model.setCurrentIndex(controls.model.findData("synthetic:small:F16"))
    controls.reps.setValue(3)
    controls.price_per_hour.setValue(0.9)
    controls.kwh.setValue(0.25)
    controls.watts.setValue(65)
    bench.run_button.click()
    until(lambda: bench.history.rowCount() == 1, 300_000)
    shot("benchmark-results")
    controls.threads.setValue(1)
    bench.run_button.click()
    until(lambda: bench.history.rowCount() == 2, 300_000)
    bench.history_table.selectAll()
    shot("benchmark-compare")
    window.services.close()
    hub.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
