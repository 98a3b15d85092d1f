"""How the Chat pane holds up while a long reply streams into it.

Streams a reply of N tokens (default 4,000) from a synthetic model through the real
worker into the real Chat pane and measures, in the same run:

- the GUI event-loop stall: a 10 ms heartbeat timer records how late each tick fires;
  p50/p99/max of the lateness in ms (target: p99 under 50 ms);
- the cost of appending streamed text, per token, over the first and the last 10% of
  the reply, and their ratio (target: near 1, no growth with length);
- the one-time Markdown redraw when the reply ends.

The model is the synthetic ``script`` model: it writes '中日한🙂é' forever, one byte per
token, so every character spans several tokens (the multi-byte path) and the reply is
one long paragraph with no line breaks (the layout's worst case). End-of-sequence is
ignored so the reply really has N tokens.

With ``--history N`` (default 6) the conversation already holds N earlier exchanges, so
the view scrolls from the first token as it does in a real conversation; with
``--history 0`` the first screenful costs less than the rest (nothing to scroll yet),
which shows up in the ratio without being growth with length.

    .venv/bin/python benchmarks/chat_stream.py [--tokens 4000] [--shape script|tiny] [--history 4]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "desktop"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))] if ordered else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tokens", type=int, default=4000)
    parser.add_argument("--history", type=int, default=6, help="earlier exchanges already in the conversation")
    parser.add_argument("--shape", default="script", help="synthetic model shape (script: multi-byte text, no line breaks)")
    args = parser.parse_args()

    home = Path(tempfile.mkdtemp(prefix="hangar-chat-bench-"))
    os.environ["HANGAR_HOME"] = str(home)

    import llama_cpp  # noqa: F401  - before numpy (see worker_vs_direct.py)
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from hangar.core.app import Hangar, conversation
    from hangar.core.config.context import AppContext
    from hangar.core.gguf.synth import write_synthetic
    from hangar.core.library.models import Library
    from hangar.ui.panes.chat import pane as pane_module
    from hangar.ui.services import UiServices

    app = QApplication([])
    model = home / f"{args.shape}.gguf"
    write_synthetic(model, args.shape)
    ctx = AppContext.open()
    Library(ctx.database).add_file(model)

    # The pane's own options, with end-of-sequence ignored so the reply has every token.
    original = conversation.generate_options
    conversation.generate_options = lambda params: replace(original(params), ignore_eos=True)
    pane = pane_module.ChatPane(UiServices(Hangar(ctx)))
    pane.resize(1100, 750)
    pane.show()
    pane.params.fields["n_ctx"].setValue(args.tokens + 1536)  # room for the history too (these models spend a token per byte)
    pane.params.fields["max_tokens"].setValue(args.tokens)
    pane.params.fields["temperature"].setValue(0.0)
    pane.load_model()
    deadline = time.monotonic() + 120
    while (pane.client is None or pane.loading) and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    if pane.client is None:
        print("the model did not load:", pane.status.text())
        return 1

    appends: list[tuple[int, float]] = []  # (tokens in the batch, seconds spent appending it)
    real_append = pane.transcript.append_stream
    last_count = [0]

    def timed_append(text: str) -> None:
        started = time.perf_counter()
        real_append(text)  # the insert and the layout it causes (painting shows in the stall numbers)
        n = pane.controller.reply.n_generated - last_count[0]
        last_count[0] = pane.controller.reply.n_generated
        appends.append((max(n, 1), time.perf_counter() - started))

    pane.transcript.append_stream = timed_append
    redraw_s: list[float] = []
    real_redraw = pane.redraw

    def timed_redraw() -> None:
        started = time.perf_counter()
        real_redraw()
        redraw_s.append(time.perf_counter() - started)

    pane.redraw = timed_redraw

    lateness: list[float] = []
    clock = QElapsedTimer()
    heartbeat = QTimer(interval=10)
    previous = [0]

    def beat() -> None:
        now = clock.elapsed()
        if previous[0]:
            lateness.append(max(0, now - previous[0] - 10))
        previous[0] = now

    heartbeat.timeout.connect(beat)
    if args.history:
        pane.new_conversation()
        for turn in range(args.history):
            pane.store.add(pane.conversation_id, "user", f"Question {turn}: what does paragraph {turn} say?")
            pane.store.add(pane.conversation_id, "assistant", f"## Answer {turn}\n\n" + "It says a good deal. " * 4 + "\n\n```python\nprint('x')\n```")
        pane.open_conversation(pane.conversation_id)
    pane.input.setPlainText("Write the script, at length.")
    clock.start()
    heartbeat.start()
    started = time.perf_counter()
    pane.send()
    while pane.streaming:
        app.processEvents()
        time.sleep(0.001)
    heartbeat.stop()
    elapsed = time.perf_counter() - started
    for _ in range(5):
        app.processEvents()

    generated = pane.controller.reply.n_generated
    total = sum(n for n, _ in appends)
    tenth = max(1, total // 10)

    head, tail, seen = [], [], 0
    for n, s in appends:
        if seen < tenth:
            head.append((n, s))
        if seen >= total - tenth:
            tail.append((n, s))
        seen += n

    def describe(batches: list[tuple[int, float]]) -> tuple[float, float, float]:
        """Median ms per append, median tokens per append, and µs per token over those batches."""
        ms = statistics.median(s for _, s in batches) * 1000
        tokens = statistics.median(n for n, _ in batches)
        return ms, tokens, sum(s for _, s in batches) / sum(n for n, _ in batches) * 1e6

    (start_ms, start_n, start_us), (end_ms, end_n, end_us) = describe(head), describe(tail)
    print(f"history: {args.history} earlier exchanges; model shape {args.shape}")
    print(f"reply: {generated} tokens in {elapsed:.2f} s ({generated / elapsed:.0f} tokens/s), {len(appends)} appends, "
          f"{len(pane.transcript.toPlainText())} characters on screen")  # fmt: skip
    print(f"event-loop stall (10 ms heartbeat, {len(lateness)} ticks): p50 {percentile(lateness, 0.5):.1f} ms, "
          f"p99 {percentile(lateness, 0.99):.1f} ms, max {max(lateness, default=0):.1f} ms")  # fmt: skip
    print(f"first 10% of the reply: {start_ms:.2f} ms per append, {start_n:.0f} tokens per append, {start_us:.1f} µs per token")
    print(f"last 10% of the reply:  {end_ms:.2f} ms per append, {end_n:.0f} tokens per append, {end_us:.1f} µs per token")
    ratio = end_ms / start_ms
    print(f"append cost ratio end/start: {ratio:.2f} (per token {end_us / start_us:.2f}: the model writes fewer tokens per "
          f"50 ms batch as its context fills, so each batch's fixed cost is shared by fewer tokens)")  # fmt: skip
    deciles = [appends[i * len(appends) // 10 : (i + 1) * len(appends) // 10] for i in range(10)]
    print("median ms per append by tenth of the reply:", " ".join(f"{statistics.median(s for _, s in d) * 1000:.2f}" for d in deciles if d))
    if redraw_s:
        print(f"final Markdown redraw: {redraw_s[-1] * 1000:.1f} ms (once per reply)")
    ok = percentile(lateness, 0.99) < 50 and ratio < 1.5 and generated >= args.tokens
    print("PASS" if ok else "FAIL", "(targets: stall p99 < 50 ms; append cost end/start near 1, here < 1.5)")
    pane.client.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
