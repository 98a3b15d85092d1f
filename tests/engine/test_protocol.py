"""The worker protocol without a worker: every event survives the pipe as its own type,
messages keep their templates, and one options type describes a benchmark."""

from __future__ import annotations

import json

import pytest

from hangar.core.common.i18n import QT_TR_NOOP, Text
from hangar.core.runner import protocol as P


def _through_the_pipe(event: P.Event) -> P.Event:
    line = event.to_line()
    assert "\n" not in line, "one event, one line"
    return P.parse_event(json.loads(line))


TEST = P.BenchTest(test="tg16", n_prompt=0, n_gen=16, avg_ns=2000, stddev_ns=10, avg_ts=8.0, stddev_ts=0.1, samples_ns=[2000], samples_ts=[8.0])
MODEL = P.ModelInfo(path="/m/中文.gguf", n_ctx=512, synthetic=True, layers_total=4, buffers_mib={"CPU": 1.5})
EVENTS = [
    P.Hello(pid=7, llama_cpp_python="0.3", devices=[{"name": "CPU", "type": "cpu"}]),
    P.Progress(id=1, stage="load", fraction=0.5),
    P.Loaded(id=1, load_ms=12.5, model=MODEL),
    P.Token(id=2, text="中日한🙂", n=3, n_prompt=9),
    P.Done(id=2, stop_reason=P.StopReason.CONTEXT_FULL, n_generated=3, gen_tps=9.5),
    P.Error(id=2, code=P.E_CONTEXT_FULL, message="plain", log_tail=["a line"]),
    P.Embeddings(id=2, data=[P.floats_to_base64([0.5, -0.5])], n_tokens=[4], n_embd=2, total_ms=3.0),
    P.Unloaded(id=3),
    P.Stats(id=4, rss_bytes=1 << 20, model=MODEL),
    P.Stats(id=5),
    P.Bench(id=6, results=[TEST], energy_reason="none here", model_type="llama 1B"),
    P.BenchResult(id=6, stage=QT_TR_NOOP("{test}: repetition {rep} of {reps}", test="tg16", rep=1, reps=1), fraction=1.0, result=TEST),
    P.Bye(),
]


@pytest.mark.parametrize("event", EVENTS, ids=lambda e: e.EVENT)
def test_every_event_comes_back_as_itself(event: P.Event) -> None:
    again = _through_the_pipe(event)
    assert type(again) is type(event) and again == event


def test_nested_records_and_the_stop_reason_are_typed_again() -> None:
    loaded = _through_the_pipe(P.Loaded(id=1, load_ms=1.0, model=MODEL))
    assert isinstance(loaded.model, P.ModelInfo) and loaded.model.buffers_mib == {"CPU": 1.5}
    bench = _through_the_pipe(P.Bench(id=1, results=[TEST]))
    assert isinstance(bench.results[0], P.BenchTest) and bench.results[0].samples_ts == [8.0]
    done = _through_the_pipe(P.Done(id=1, stop_reason=P.StopReason.CANCELLED))
    assert done.stop_reason is P.StopReason.CANCELLED


def test_the_stop_reason_is_still_the_string_json_and_the_database_know() -> None:
    reason = P.StopReason.CANCELLED
    assert reason == "cancelled" and f"{reason}" == "cancelled" and str(reason) == "cancelled"
    assert json.dumps({"r": reason}) == '{"r": "cancelled"}'
    assert {"cancelled": 1}.get(reason) == 1


def test_a_message_crosses_the_pipe_with_its_template() -> None:
    """The worker writes QT_TR_NOOP; the window can still translate what arrives."""
    reason = QT_TR_NOOP("no RAPL energy counters ({folder} has no intel-rapl zones: a VM or a CPU without RAPL)", folder="/sys/x")
    error = P.Error(id=1, code=P.E_LOAD_FAILED, message=QT_TR_NOOP("{file} is incomplete or damaged ({size:,} bytes): {detail}",
                                                                   file="m.gguf", size=1234567, detail="truncated"))  # fmt: skip
    wire = json.loads(error.to_line())
    assert wire["message"] == {"template": error.message.template, "fields": {"file": "m.gguf", "size": 1234567, "detail": "truncated"}}
    again = _through_the_pipe(error)
    assert isinstance(again.message, Text) and again.message == "m.gguf is incomplete or damaged (1,234,567 bytes): truncated"
    assert again.message.template == error.message.template
    for event, name in ((P.Bench(id=1, results=[], energy_reason=reason), "energy_reason"),
                        (P.Progress(id=1, stage=QT_TR_NOOP("{test} warm-up", test="pp64")), "stage")):  # fmt: skip
        value = getattr(_through_the_pipe(event), name)
        assert isinstance(value, Text) and value == getattr(event, name) and value.template == getattr(event, name).template


def test_a_newer_peer_s_extra_fields_are_ignored_and_junk_is_refused() -> None:
    event = P.parse_event({"event": "token", "id": 1, "text": "x", "n": 1, "n_prompt": 2, "logprob": -0.5})
    assert event == P.Token(id=1, text="x", n=1, n_prompt=2)
    for junk in ({"event": "teleport"}, {"no": "event"}, [1, 2], {"event": "loaded", "id": 1}):
        with pytest.raises(ValueError):
            P.parse_event(junk)


def test_one_bench_options_type_from_the_user_to_the_worker() -> None:
    options = P.BenchOptions(model="m.gguf", n_prompt=64, n_gen=16)
    assert options.tests() == [("pp64", 64, 0), ("tg16", 0, 16)] and options.context_needed() == 64
    suite = P.BenchOptions(model="m.gguf", suite="localscore", shapes=[(32, 8), (64, 16)])
    again = P.BenchOptions.from_dict(json.loads(json.dumps(suite.to_request(9))))
    assert again == suite and again.tests() == [("pp32+tg8", 32, 8), ("pp64+tg16", 64, 16)] and again.context_needed() == 80
    default_suite = P.BenchOptions(suite="localscore")
    assert len(default_suite.tests()) == len(P.LOCALSCORE_SHAPES) and default_suite.context_needed() == 1280 + 3072
    assert P.BenchOptions(n_prompt=0, n_gen=0).tests() == []
