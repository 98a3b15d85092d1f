"""Each way an endpoint fails has its own message: refused, TLS, the key, a missing model,
busy with Retry-After, a stream cut mid-way, HTML, JSON that is not JSON."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from hangar.core.endpoints import errors as E
from hangar.core.endpoints.http import Connection, fetch_models
from hangar.core.endpoints.remote import RemoteClient
from hangar.core.runner import protocol as P

from .conftest import KEY
from .fake_endpoint import Behaviour, FakeEndpoint, certificates


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def chat(conn: Connection, model: str = "qwen2.5-7b", **options) -> tuple[str, P.Done]:
    with RemoteClient(conn, model) as client:
        text, done = "", None
        for event in client.generate(P.GenerateOptions(messages=[{"role": "user", "content": "hi"}], **options)):
            if isinstance(event, P.Token):
                text += event.text
            else:
                done = event
        return text, done


def test_nothing_answers_at_the_address() -> None:
    url = f"http://127.0.0.1:{free_port()}/v1"
    with pytest.raises(E.EndpointUnreachable, match=r"Nothing answers at http://127\.0\.0\.1:\d+/v1"):
        fetch_models(Connection("gone", url))
    with pytest.raises(E.EndpointUnreachable, match="Nothing answers at"):
        chat(Connection("gone", url))


def test_an_unknown_host_is_named() -> None:
    with pytest.raises(E.EndpointUnreachable, match="no-such-host.invalid"):
        fetch_models(Connection("x", "http://no-such-host.invalid/v1"))


def test_tls_without_and_with_the_organisation_ca_bundle(tmp_path: Path) -> None:
    ca, cert, key = certificates(tmp_path)
    with FakeEndpoint(Behaviour(), tls=(cert, key)) as fake:
        with pytest.raises(E.EndpointTLSFailed) as caught:
            fetch_models(Connection("secure", fake.url))
        message = str(caught.value)
        assert "The certificate of 127.0.0.1:" in message and "could not be verified" in message
        assert "give the CA bundle of your organisation" in message
        assert fetch_models(Connection("secure", fake.url, ca_bundle=str(ca))) == fake.behaviour.models
        assert fetch_models(Connection("secure", fake.url, verify_tls=False)) == fake.behaviour.models
        text, _done = chat(Connection("secure", fake.url, ca_bundle=str(ca)))
        assert text == "Hello, remote world!"


def test_a_ca_bundle_that_is_not_one(tmp_path: Path) -> None:
    bundle = tmp_path / "bundle.pem"
    bundle.write_text("not a certificate")
    from hangar.core.common.errors import InvalidInput

    with pytest.raises(InvalidInput, match="cannot be used"):
        fetch_models(Connection("x", "https://127.0.0.1:1/v1", ca_bundle=str(bundle)))


def test_the_key_is_refused_or_missing(fake) -> None:
    with pytest.raises(E.EndpointAuthRefused, match=r"refused the API key \(HTTP 401\): Incorrect API key provided"):
        fetch_models(Connection("cluster-a", fake.url, api_key="sk-wrong-key-000000"))
    with pytest.raises(E.EndpointAuthRefused, match="asks for an API key"):
        chat(Connection("cluster-a", fake.url))
    assert fetch_models(Connection("cluster-a", fake.url, api_key=KEY)) == fake.behaviour.models
    assert fake.behaviour.auth_headers[-1] == f"Bearer {KEY}"


def test_a_model_the_endpoint_lacks_is_named_with_the_ones_it_has(fake) -> None:
    with pytest.raises(E.EndpointModelMissing) as caught:
        chat(Connection("cluster-a", fake.url, api_key=KEY), model="llama-9000")
    assert str(caught.value).startswith("The endpoint cluster-a has no model llama-9000; it has: qwen2.5-7b, Qwen/Qwen2.5-7B-Instruct.")
    assert caught.value.available == fake.behaviour.models


@pytest.mark.parametrize(("status", "retry_after", "expected"), [
    (429, "7", "busy (HTTP 429); it asks to retry after 7 s"),
    (503, "120", "busy (HTTP 503); it asks to retry after 120 s"),
    (503, None, "busy (HTTP 503); it gave no time to retry after"),
])  # fmt: skip
def test_busy_with_retry_after(status: int, retry_after: str | None, expected: str) -> None:
    with FakeEndpoint(Behaviour(chat_status=status, retry_after=retry_after, models_status=status)) as fake:
        with pytest.raises(E.EndpointBusy, match=expected.replace("(", r"\(").replace(")", r"\)")) as caught:
            chat(Connection("busy", fake.url))
        assert caught.value.retry_after_s == (float(retry_after) if retry_after else None)
        with pytest.raises(E.EndpointBusy):
            fetch_models(Connection("busy", fake.url))


def test_retry_after_as_an_http_date() -> None:
    import email.utils
    import time

    assert 50 <= E.retry_after_s(email.utils.formatdate(time.time() + 60, usegmt=True)) <= 61
    assert E.retry_after_s("soon") is None


def test_a_stream_cut_mid_way_keeps_its_count() -> None:
    with FakeEndpoint(Behaviour(cut_after=3)) as fake:
        client = RemoteClient(Connection("flaky", fake.url), "qwen2.5-7b")
        received = []
        with pytest.raises(E.EndpointStreamCut, match="closed the stream after 3 tokens; the partial reply is kept") as caught:
            for event in client.generate(P.GenerateOptions(messages=[{"role": "user", "content": "hi"}])):
                received.append(event.text)
        client.close()
        assert received == ["Hello", ",", " remote"] and caught.value.n_tokens == 3


def test_a_web_page_instead_of_the_api() -> None:
    with FakeEndpoint(Behaviour(html=True)) as fake:
        with pytest.raises(E.EndpointBadAnswer, match=r"with a web page \(HTML\), not the OpenAI API"):
            fetch_models(Connection("portal", fake.url))
        with pytest.raises(E.EndpointBadAnswer, match="web page"):
            chat(Connection("portal", fake.url))


def test_text_that_is_not_json() -> None:
    with FakeEndpoint(Behaviour(invalid_json=True)) as fake:
        with pytest.raises(E.EndpointBadAnswer, match="something that is not JSON: this is { not json"):
            fetch_models(Connection("odd", fake.url))


def test_a_stream_event_that_is_not_json() -> None:
    with FakeEndpoint(Behaviour(garbage_event_after=2)) as fake:
        with pytest.raises(E.EndpointBadAnswer, match="stream event that is not JSON after 2 tokens"):
            chat(Connection("odd", fake.url))


def test_a_wrong_base_path_is_a_404_with_its_own_message() -> None:
    with FakeEndpoint(Behaviour()) as fake:
        with pytest.raises(E.EndpointBadAnswer, match=r"has no the model list \(/v1/models\) \(HTTP 404\)|HTTP 404"):
            fetch_models(Connection("wrong", fake.url.replace("/v1", "/api/v1")))


def test_a_full_context_becomes_the_workers_code(fake) -> None:
    fake.behaviour.chat_status = 400
    fake.behaviour.error_body = {"error": {"message": "This model's maximum context length is 4096 tokens.", "code": "context_length_exceeded"}}
    with pytest.raises(E.EndpointContextFull) as caught:
        chat(Connection("cluster-a", fake.url, api_key=KEY))
    assert caught.value.code == P.E_CONTEXT_FULL


def test_every_message_has_a_template_for_the_window(fake) -> None:
    try:
        fetch_models(Connection("cluster-a", fake.url, api_key="sk-wrong-key-000000"))
    except E.EndpointAuthRefused as exc:
        assert exc.message.template.startswith("The endpoint {name} refused the API key")
