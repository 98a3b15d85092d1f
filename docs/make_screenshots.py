"""Take the screenshots in docs/images from the real window on an X display (Xvfb).

    Xvfb :99 -screen 0 1280x800x24 & DISPLAY=:99 .venv/bin/python docs/make_screenshots.py
    DISPLAY=:99 .venv/bin/python docs/make_screenshots.py first-run   # only the welcome and About shots
    DISPLAY=:99 .venv/bin/python docs/make_screenshots.py chat        # chat-markdown, -streaming, -stopped
    DISPLAY=:99 .venv/bin/python docs/make_screenshots.py licenses    # discover-license-card, licenses-pane
    DISPLAY=:99 .venv/bin/python docs/make_screenshots.py server      # the Server pane with requests in its log
    DISPLAY=:99 .venv/bin/python docs/make_screenshots.py quality     # the Library's Quality column and Measured quality table
    DISPLAY=:99 .venv/bin/python docs/make_screenshots.py evals       # Benchmark › Evaluate: a shipped suite over two models

It serves the demo Hub (synthetic models under real-looking names) on 127.0.0.1, opens
Hangar's main window with a fresh data folder, drives it the way a person would (search,
pick a repo, download), and captures the screen with ImageMagick's ``import``. The
``first-run`` shots open the window as a first start does (the welcome dialog over it),
in English and in Simplified Chinese, and the About dialog.
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


def wait(ms: int) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def until(check, timeout_ms: int = 30_000) -> None:
    waited = 0
    while not check() and waited < timeout_ms:
        wait(100)
        waited += 100


def grab(name: str, widget=None) -> None:
    """The whole screen, or ``widget``'s part of it."""
    wait(400)
    command = ["import", "-window", "root"]
    if widget is not None:
        geometry = widget.frameGeometry()
        command += ["-crop", f"{geometry.width()}x{geometry.height()}+{geometry.x()}+{geometry.y()}"]
    target = OUT / f"{name}.png"
    subprocess.run([*command, str(target)], check=True)
    print("wrote", target.relative_to(ROOT))


def first_run_shots() -> int:
    """first-run-en.png and first-run-zh_CN.png (a fresh data folder, so the welcome shows), about.png."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from hangar.core.config.context import AppContext
    from hangar.core.config.resources import resource
    from hangar.ui.i18n import install_translations
    from hangar.core.app import Hangar
    from hangar.ui.main_window import MainWindow
    from hangar.ui.startup import show_welcome_if_first_run

    app = QApplication(sys.argv)
    app.setWindowIcon(QIcon(str(resource("icons", "hangar.svg"))))
    for language in ("en", "zh_CN"):
        os.environ["HANGAR_HOME"] = tempfile.mkdtemp(prefix=f"hangar-first-run-{language}-")
        install_translations(language)  # before the window: widgets translate when built
        window = MainWindow(Hangar.open())
        window.resize(1180, 760)
        window.move(0, 0)
        window.show()
        welcome = show_welcome_if_first_run(window)
        until(lambda: welcome.plan is not None, 60_000)
        grab(f"first-run-{language}", window)
        welcome.accept()
        if language == "en":
            about = window.show_about()
            until(lambda: "asking" not in about.build_label.text(), 60_000)
            grab("about", about)
            about.accept()
        window.close()
        window.services.close()
    return 0


def _demo_hub():
    from tests.fixtures.demo_hub import build_repos
    from tests.fixtures.hub_server import HubServer

    hub = HubServer().start()
    for repo in build_repos(Path(tempfile.mkdtemp())):
        hub.add_repo(repo)
    os.environ["HF_ENDPOINT"] = hub.endpoint
    return hub


def _window(ctx):
    from hangar.core.app import Hangar
    from hangar.ui.main_window import MainWindow

    ctx.settings.first_run_done = True
    window = MainWindow(Hangar(ctx))
    window.resize(1280, 780)
    window.move(0, 0)
    window.show()
    return window


def chat_shots() -> int:
    """A conversation with Markdown and code, a reply streaming (Stop), and one stopped (Regenerate).

    The synthetic model's replies are random tokens, so the Markdown reply in the first
    picture is put in the conversation's history here, as text; the streaming and stopped
    replies in the other two are the model's own."""
    import llama_cpp  # noqa: F401 - before numpy (see benchmarks/worker_vs_direct.py)
    from PySide6.QtWidgets import QApplication

    from hangar.core.config.context import AppContext
    from hangar.core.gguf.synth import write_synthetic
    from hangar.core.library.models import Library

    home = Path(tempfile.mkdtemp(prefix="hangar-shots-chat-"))
    os.environ["HANGAR_HOME"] = str(home)
    app = QApplication(sys.argv)  # noqa: F841 - kept alive for the window
    ctx = AppContext.open()
    Library(ctx.database).add_file(write_synthetic(home / "models" / "Qwen3-0.6B-Q8_0-synthetic.gguf", "medium"))
    window = _window(ctx)
    chat = window.pane("chat")
    window.show_pane("chat")
    chat.reload_models()
    chat.load_model()
    until(lambda: chat.client is not None and not chat.loading)
    conversation = chat.store.create("Parse a CSV of invoices", system_prompt="You are a careful senior Python engineer.")
    chat.store.add(conversation.id, "user", "How do I sum the amount column of invoices.csv in Python, skipping bad rows?")
    chat.store.add(conversation.id, "assistant", CHAT_REPLY)
    chat.conversations.reload()
    chat.open_conversation(conversation.id)
    grab("chat-markdown", window)
    chat.params.fields["max_tokens"].setValue(3000)
    chat.input.setPlainText("And how would I do the same with pandas?")
    chat.send()
    until(lambda: chat.controller.reply is not None and len(chat.controller.reply.pieces) > 150)
    grab("chat-streaming", window)
    chat.stop()
    until(lambda: not chat.streaming)
    grab("chat-stopped", window)
    chat.client.close()
    return 0


CHAT_REPLY = """Use the **csv** module and skip rows whose amount does not parse:

```python
import csv
from decimal import Decimal, InvalidOperation

def total(path: str) -> Decimal:
    \"\"\"Sum the amount column; rows that do not parse are skipped.\"\"\"
    result = Decimal(0)
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            try:
                result += Decimal(row["amount"])
            except (KeyError, InvalidOperation):
                continue  # a bad row: count it if you need to report it
    return result
```

Notes:

1. `Decimal` avoids floating-point rounding on money.
2. `newline=""` is what the *csv* docs ask for.
"""


def license_shots() -> int:
    """The license card in Discover (a model the policy blocks) and the Licenses pane."""
    from PySide6.QtWidgets import QApplication

    from hangar.core.config.context import AppContext
    from hangar.core.library.models import Library
    from hangar.core.licenses.audit import save_policy
    from hangar.core.licenses.policy import Policy

    os.environ["HANGAR_HOME"] = tempfile.mkdtemp(prefix="hangar-shots-licenses-")
    hub = _demo_hub()
    app = QApplication(sys.argv)  # noqa: F841 - kept alive for the window
    ctx = AppContext.open()
    save_policy(ctx, Policy(name="Acme EU products", territories=["EU", "GB"], max_monthly_users=2_000_000))
    window = _window(ctx)
    discover = window.pane("discover")
    window.show_pane("discover")
    discover.open_repo("tencent/Hunyuan-7B-Instruct-GGUF")
    until(lambda: discover.repo_view.isVisible() and discover.repo_view.license_audit is not None)
    grab("discover-license-card", window)
    for repo, name in (("Qwen/Qwen3-8B-GGUF", "Qwen3-8B-Q4_K_M.gguf"), ("bartowski/Llama-3.1-8B-Instruct-GGUF", "Llama-3.1-8B-Instruct-Q4_K_M.gguf"),
                       ("tencent/Hunyuan-7B-Instruct-GGUF", "Hunyuan-7B-Instruct-Q4_K_M.gguf"),
                       ("FreedomIntelligence/openPangu-Embedded-7B-GGUF", "openPangu-Embedded-7B-Q4_K_M.gguf")):  # fmt: skip
        window.services.downloads.queue(repo, name)
    until(lambda: len(Library(ctx.database).list()) == 4, 120_000)
    licenses = window.pane("licenses")
    window.show_pane("licenses")
    until(lambda: licenses.model.rowCount() >= 4)
    licenses.repo.setText("unsloth/DeepSeek-R1-Distill-Qwen-7B-GGUF")
    licenses.check_repo()
    until(lambda: licenses.model.rowCount() >= 5)
    licenses.select_subject(next(a.subject for a in licenses.audits if "Hunyuan" in a.subject))
    grab("licenses-pane", window)
    window.services.close()
    hub.stop()
    return 0


def server_shots() -> int:
    """server.png: the Server pane serving a synthetic model, two requests in its log, one API key."""
    import json
    import threading
    import urllib.request

    from PySide6.QtWidgets import QApplication

    from hangar.core.config.context import AppContext
    from hangar.core.gguf.synth import write_synthetic

    home = Path(tempfile.mkdtemp(prefix="hangar-shots-server-"))
    os.environ["HANGAR_HOME"] = str(home)
    app = QApplication(sys.argv)  # noqa: F841 - kept alive for the window
    ctx = AppContext.open()
    window = _window(ctx)
    window.app.library.add_file(write_synthetic(home / "models" / "Qwen3-0.6B-Q8_0-synthetic.gguf", "tiny"))
    window.show_pane("server")
    pane = window.pane("server")
    pane.port.setValue(8181)
    pane.parallel.setValue(4)
    pane.start()
    until(lambda: pane.control.running)
    url, model = pane.control.url, pane.models.record(0)["alias"]

    def ask(question: str, max_tokens: int) -> None:
        body = {"model": model, "messages": [{"role": "user", "content": question}], "max_tokens": max_tokens}
        request = urllib.request.Request(f"{url}/v1/chat/completions", json.dumps(body).encode(), {"Content-Type": "application/json"})
        urllib.request.urlopen(request, timeout=120).read()

    asked = threading.Thread(target=lambda: [ask("Summarise this invoice.", 48), ask("And in one line?", 16)])
    asked.start()
    until(lambda: pane.log_model.rowCount() >= 2, 120_000)
    asked.join()
    pane.key_name.setText("ci-pipeline")
    dialog = pane.create_key()
    if dialog is not None:
        dialog.reject()
    pane.models_table.selectRow(0)
    grab("server", window)
    window.close()
    return 0


def governance_shots() -> int:
    """audit.png: the Audit view after a day's work (downloads, a load, an override with its reason, a
    server session); licenses-managed.png: the Licenses pane under an administrator's managed policy."""
    import json

    from PySide6.QtWidgets import QApplication

    from hangar.core.app.hosting import LoadRequest
    from hangar.core.audit.trail import AuditEvent
    from hangar.core.config.context import AppContext
    from hangar.core.library.models import Library

    home = Path(tempfile.mkdtemp(prefix="hangar-shots-governance-"))
    os.environ["HANGAR_HOME"] = str(home)
    managed = home / "etc-hangar-policy.json"
    managed.write_text(json.dumps({"format": "hangar-managed-policy", "version": 1,
                                   "policy": {"name": "Acme corporate (managed)", "territories": ["FR", "DE"], "max_monthly_users": 500_000},
                                   "require_override_reason": True, "forbid_blocked_downloads": True}))  # fmt: skip
    os.environ["HANGAR_MANAGED_POLICY"] = str(managed)
    hub = _demo_hub()
    app = QApplication(sys.argv)  # noqa: F841 - kept alive for the window
    ctx = AppContext.open()
    window = _window(ctx)
    core = window.app
    core.downloads.download_now("Qwen/Qwen3-8B-GGUF", "Qwen3-8B-Q4_K_M.gguf")
    core.downloads.download_now("bartowski/Llama-3.1-8B-Instruct-GGUF", "Llama-3.1-8B-Instruct-Q4_K_M.gguf",
                                reason="Internal assistant pilot, 40 users; legal ticket LEG-112")  # fmt: skip
    try:
        core.downloads.download_now("tencent/Hunyuan-7B-Instruct-GGUF", "Hunyuan-7B-Instruct-Q4_K_M.gguf")
    except Exception as exc:  # blocked for FR/DE: the refusal is what the picture shows
        print("refused as expected:", type(exc).__name__)
    qwen = next(m for m in Library(ctx.database).list() if m.repo == "Qwen/Qwen3-8B-GGUF")
    core.models.load(LoadRequest(qwen.id, n_ctx=1024, runtime="cpu")).close()
    from hangar.core.gguf.synth import write_synthetic

    unlabelled = core.library.add_file(write_synthetic(home / "models" / "vendor-drop-7b-Q4_0.gguf", "tiny"))  # no license anywhere: review
    core.models.load(LoadRequest(unlabelled.id, n_ctx=512, runtime="cpu", override_reason="Vendor evaluation under NDA-2291; legal approved, ticket LEG-118")).close()
    core.audit.record(AuditEvent.SERVER_SESSION, phase="stop", address="http://127.0.0.1:8181", duration_s=3605.2, requests=412,
                      prompt_tokens=188_240, completion_tokens=61_977, failed=2, cancelled=5)  # fmt: skip
    audit = window.pane("audit")
    window.show_pane("audit")
    until(lambda: audit.model.rowCount() >= 6)
    audit.verify()
    overrides = [i for i in range(audit.model.rowCount()) if audit.model.record(i)["event"] == "license_override"]
    audit.table.selectRow(overrides[0] if overrides else 0)
    grab("audit", window)
    licenses = window.pane("licenses")
    window.show_pane("licenses")
    until(lambda: licenses.model.rowCount() >= 3)
    grab("licenses-managed", window)
    window.services.close()
    hub.stop()
    return 0


def eval_shots() -> int:
    """eval-comparison.png: Benchmark › Evaluate after the shipped English suite ran over two synthetic
    models: one whose weights walk "\nB" (it answers B to everything), and random weights. Their
    answers mean nothing; the picture shows the accuracy, the 95 % intervals and the paired verdict."""
    import dataclasses

    from PySide6.QtWidgets import QApplication

    from hangar.core.config.context import AppContext
    from hangar.core.gguf import synth
    from hangar.core.library.models import Library

    home = Path(tempfile.mkdtemp(prefix="hangar-shots-evals-"))
    os.environ["HANGAR_HOME"] = str(home)
    app = QApplication(sys.argv)  # noqa: F841 - kept alive for the window
    ctx = AppContext.open()
    synth.PRESETS["answer-b"] = dataclasses.replace(synth.PRESETS["script"], name="answer-b", script="\nB")
    library = Library(ctx.database)
    library.add_file(synth.write_synthetic(home / "models" / "synthetic-answers-B.gguf", "answer-b"))
    library.add_file(synth.write_synthetic(home / "models" / "synthetic-random-small.gguf", "small"))
    window = _window(ctx)
    bench = window.pane("benchmark")
    window.show_pane("benchmark")
    tab = bench.eval_tab
    bench.tabs.setCurrentWidget(tab)
    until(lambda: tab.suite.count() >= 3, 120_000)
    tab.suite.setCurrentIndex(next(i for i in range(tab.suite.count()) if tab.suite.itemData(i)[0].endswith("instructions-en.jsonl")))
    tab.checklist.set_checked({m.id for m in tab.checklist.models})
    tab.max_tokens.setValue(24)
    tab.n_ctx.setValue(1024)
    tab.start()
    until(lambda: tab.run is None, 600_000)
    tab.results_table.selectRow(0)
    tab.views.setCurrentWidget(tab.chart)
    grab("eval-comparison", window)
    window.services.close()
    return 0


def quality_shots() -> int:
    """library-quality.png: the Library after two quants of the small synthetic shape (Q8_0, Q4_0) were
    measured against its F16 over the English sample (app.quality, as hangar-cli ppl does): the Quality
    column and the Measured quality table. Random weights: the figures show the table, not a model."""
    from PySide6.QtWidgets import QApplication

    from hangar.core.bench.runs import synthetic_model
    from hangar.core.config.context import AppContext
    from hangar.core.config.resources import resource

    home = Path(tempfile.mkdtemp(prefix="hangar-shots-quality-"))
    os.environ["HANGAR_HOME"] = str(home)
    app = QApplication(sys.argv)  # noqa: F841 - kept alive for the window
    ctx = AppContext.open()
    window = _window(ctx)
    hangar = window.services.app
    models = {quant: synthetic_model("small", quant, ctx.paths.cache) for quant in ("F16", "Q8_0", "Q4_0")}
    for quant in ("Q8_0", "Q4_0"):
        hangar.library.add_file(models[quant])
        hangar.quality.run(str(models[quant]), resource("eval", "sample-en.txt"), ctx=512, chunks=8, reference=str(models["F16"]))
    library = window.pane("library")
    window.show_pane("library")
    until(lambda: library.quality_table.isVisible() and library.quality_table.model.rowCount() == 2, 10_000)
    grab("library-quality", window)
    window.services.close()
    return 0


def main() -> int:
    if not os.environ.get("DISPLAY"):
        print("needs an X display: run under Xvfb (see the docstring)", file=sys.stderr)
        return 1
    modes = {"first-run": first_run_shots, "chat": chat_shots, "licenses": license_shots, "server": server_shots, "governance": governance_shots, "evals": eval_shots, "quality": quality_shots}
    if sys.argv[1:2] and sys.argv[1] in modes:
        return modes[sys.argv[1]]()
    home = Path(tempfile.mkdtemp(prefix="hangar-shots-"))
    os.environ["HANGAR_HOME"] = str(home)
    os.environ["HF_HUB_DISABLE_TELEMETRY"] = "1"
    from tests.fixtures.demo_hub import build_repos
    from tests.fixtures.hub_server import HubServer

    hub = HubServer().start()
    for repo in build_repos(Path(tempfile.mkdtemp())):
        hub.add_repo(repo)
    os.environ["HF_ENDPOINT"] = hub.endpoint

    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from hangar.core.config.context import AppContext
    from hangar.core.config.resources import resource
    from hangar.core.app import Hangar
    from hangar.ui.main_window import MainWindow

    app = QApplication(sys.argv)
    app.setWindowIcon(QIcon(str(resource("icons", "hangar.svg"))))
    window = MainWindow(Hangar.open())
    window.resize(1180, 760)
    window.move(0, 0)
    window.show()

    def shot(name: str) -> None:
        grab(name, window)

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
    from hangar.core.gguf.synth import write_synthetic
    from hangar.core.library.models import Library

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
