"""Inspecting a repository through the layer: the context asked for is the one the fit and the sentence use."""

from __future__ import annotations

from hangar.core.app import Hangar


def test_the_recommendation_names_the_context_it_was_judged_at(hub, monkeypatch) -> None:
    monkeypatch.setenv("HF_ENDPOINT", hub.endpoint)
    app = Hangar.open()
    small = app.hub.inspect("hangar-test/tiny-llama-GGUF", n_ctx=4096, with_license=False)
    large = app.hub.inspect("hangar-test/tiny-llama-GGUF", n_ctx=32768, with_license=False)
    assert "4,096-token context" in small.reason
    assert "32,768-token context" in large.reason and "4,096" not in large.reason
    needed = lambda inspection: next(iter(inspection.details.files[0].fit.values()))["needed_bytes"]  # noqa: E731
    assert needed(large) > needed(small), "the larger context needs more memory (KV cache)"
    app.close()
