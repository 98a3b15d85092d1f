"""Every way an endpoint can let a benchmark down, each with its own message: before the first level the
run stops with it; during a level it is the request's error, a level none of whose requests finished is
failed with it, and the other levels keep their numbers."""

from __future__ import annotations

import socket
import time
from pathlib import Path

import pytest

from hangar.core.loadgen.errors import EndpointAnswerError, EndpointAuthError, EndpointBusy, EndpointTLSError, EndpointUnreachable, ModelNotServed

from .conftest import bench
from .fake_endpoint import Behaviour, FakeEndpoint


def _during_levels(fake: FakeEndpoint, **changes):
    """An on_status that changes the fake's behaviour once calibration is over and level 1 starts."""

    def on_status(text: str) -> None:
        if text.startswith("level 1/"):
            for name, value in changes.items():
                setattr(fake.behaviour, name, value)
        elif text.startswith("level 2/"):
            fake.behaviour.mode, fake.behaviour.ttft_s = "ok", 0.0

    return on_status


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_nothing_listening_is_refused_with_its_own_message() -> None:
    port = _free_port()
    with pytest.raises(EndpointUnreachable) as caught:
        bench(f"http://127.0.0.1:{port}")
    assert f"Nothing answers at http://127.0.0.1:{port}/v1" in caught.value.message and "running" in caught.value.hint


def test_https_to_a_plain_http_server_is_a_tls_failure(fake) -> None:
    with pytest.raises(EndpointTLSError) as caught:
        bench(fake.url.replace("http://", "https://"))
    assert "The TLS connection to https://127.0.0.1" in caught.value.message and "--ca-bundle" in caught.value.hint


def _self_signed(folder: Path) -> tuple[Path, Path]:
    crypto = pytest.importorskip("cryptography")
    del crypto
    import datetime
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1)).not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))  # fmt: skip
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    return cert_file, key_file


def test_a_private_certificate_fails_verification_until_its_ca_bundle_is_given(tmp_path: Path) -> None:
    cert, key = _self_signed(tmp_path)
    with FakeEndpoint(Behaviour(ttft_s=0, per_token_s=0), ssl_certfile=str(cert), ssl_keyfile=str(key)) as server:
        with pytest.raises(EndpointTLSError) as caught:
            bench(server.url)
        assert "certificate" in caught.value.message.lower()
        document = bench(server.url, ca_bundle=cert, requests=2)
    assert document["target"]["base_url"].startswith("https://") and document["levels"][0]["completed"] == 2


def test_a_refused_key_says_how_to_give_one_and_never_shows_it(fake) -> None:
    fake.behaviour.api_key = "right-key-0123456789"
    with pytest.raises(EndpointAuthError) as caught:
        bench(fake.url)
    assert "HTTP 401" in caught.value.message and "--api-key-file" in caught.value.hint and "HANGAR_API_KEY" in caught.value.hint
    with pytest.raises(EndpointAuthError) as caught:
        bench(fake.url, api_key="wrong-key-abcdefghij")
    assert "wrong-key-abcdefghij" not in str(caught.value)
    document = bench(fake.url, api_key="right-key-0123456789", requests=2)
    assert document["levels"][0]["completed"] == 2
    assert fake.behaviour.headers_seen[-1]["authorization"] == "Bearer right-key-0123456789"
    assert "right-key-0123456789" not in str(document)


def test_an_unknown_model_names_the_models_the_endpoint_lists(fake) -> None:
    with pytest.raises(ModelNotServed) as caught:
        bench(fake.url, model="no-such-model")
    assert "does not serve a model named no-such-model; it lists: fake-model, other-model" in caught.value.message


def test_an_unknown_model_on_an_endpoint_without_a_model_list_is_its_404(fake) -> None:
    fake.behaviour.mode = "no_models"
    with pytest.raises(ModelNotServed) as caught:
        bench(fake.url, model="no-such-model")
    assert "does not serve a model named no-such-model (HTTP 404)" in caught.value.message
    assert bench(fake.url, requests=1)["target"]["engine"] is None  # nothing said what it is


def test_without_a_model_named_the_first_listed_is_used_and_its_engine_recorded(fake) -> None:
    document = bench(fake.url, model=None, requests=1)
    assert document["target"]["model"] == "fake-model" and document["target"]["engine"] == "fake-engine"


def test_busy_answers_are_waited_out_as_retry_after_asks(fake) -> None:
    fake.behaviour.mode, fake.behaviour.busy_times, fake.behaviour.retry_after = "busy", 2, "0.3"
    started = time.monotonic()
    document = bench(fake.url, requests=2)
    assert time.monotonic() - started >= 0.6  # two refusals, each waited for as asked
    assert document["levels"][0]["status"] == "ok" and document["levels"][0]["completed"] == 2


@pytest.mark.parametrize("status", [429, 503])
def test_an_endpoint_that_stays_busy_fails_the_level_after_a_bounded_wait(fake, status: int) -> None:
    fake.behaviour.busy_status, fake.behaviour.retry_after = status, "0.1"
    document = bench(fake.url, concurrency=(1, 2), requests=2, on_status=_during_levels(fake, mode="busy_always"))
    first, second = document["levels"]
    assert first["status"] == "failed" and f"stayed busy (HTTP {status}) through 3 tries" in first["error"] and "Retry-After: 0.1" in first["error"]
    assert first["completed"] == 0 and first["failed"] == 2 and first["mean_ttft_ms"] is None and len(first["samples"]) == 2
    assert second["status"] == "ok" and second["completed"] == 2 and second["mean_ttft_ms"] is not None  # the other level keeps its numbers


def test_busy_without_retry_after_backs_off_and_gives_up(fake) -> None:
    fake.behaviour.retry_after = None
    with pytest.raises(EndpointBusy) as caught:
        bench(fake.url, on_status=lambda text: text.startswith("calibrating ") and setattr(fake.behaviour, "mode", "busy_always"))
    assert "no Retry-After" in caught.value.message


def test_a_web_page_instead_of_the_api(fake) -> None:
    fake.behaviour.mode = "html"
    with pytest.raises(EndpointAnswerError) as caught:
        bench(fake.url)
    assert "web page (HTML)" in caught.value.message and "/v1" in caught.value.hint


def test_a_web_page_instead_of_a_stream_fails_the_level(fake) -> None:
    document = bench(fake.url, concurrency=(1, 2), requests=2, on_status=_during_levels(fake, mode="gen_html"))
    assert document["levels"][0]["status"] == "failed" and "web page (HTML)" in document["levels"][0]["error"]
    assert document["levels"][1]["status"] == "ok"


def test_invalid_json_is_named_and_quoted(fake) -> None:
    fake.behaviour.mode = "invalid_json"
    with pytest.raises(EndpointAnswerError) as caught:
        bench(fake.url)
    assert "not valid JSON" in caught.value.message and '{"object": "list", "data": [' in caught.value.message


@pytest.mark.parametrize(("mode", "message"), [
    ("garbage_sse", "is not a Server-Sent Event: this is not an event"),
    ("cut", "closed the connection before its answer was complete"),
    ("mid_error", "reported an error in the middle of the stream: CUDA out of memory"),
    ("json_not_stream", "one JSON document instead of a stream"),
    ("ignore_max_tokens", "asked for 8 tokens, got 40: the endpoint at"),
])  # fmt: skip
def test_a_broken_stream_fails_its_level_with_its_reason_and_the_next_level_keeps_its_numbers(fake, mode: str, message: str) -> None:
    document = bench(fake.url, concurrency=(1, 2), requests=3, on_status=_during_levels(fake, mode=mode))
    broken, fine = document["levels"]
    assert broken["status"] == "failed" and message in broken["error"], broken["error"]
    assert all(not s["ok"] and message in s["error"] for s in broken["samples"]) and len(broken["samples"]) == 3
    assert fine["status"] == "ok" and fine["completed"] == 3 and fine["output_throughput"] > 0


def test_a_level_where_only_some_requests_fail_keeps_its_numbers_and_says_how_many_failed(fake) -> None:
    flips = {"n": 0}

    def on_progress(progress) -> None:
        flips["n"] += 1
        if flips["n"] == 2:
            fake.behaviour.mode = "garbage_sse"

    document = bench(fake.url, requests=4, on_progress=on_progress)
    level = document["levels"][0]
    assert level["status"] == "ok" and level["completed"] == 2 and level["failed"] == 2
    assert level["error"].startswith("2 of 4 requests failed; the most common reason: Line ")


def test_no_usage_counts_chunks_and_flags_the_counts_as_estimated(fake) -> None:
    fake.behaviour.mode = "no_usage"
    notes: list[str] = []
    document = bench(fake.url, requests=2, on_status=notes.append)
    level = document["levels"][0]
    assert level["status"] == "ok" and level["tokens_estimated"] is True
    assert [s["output_tokens"] for s in level["samples"]] == [8, 8]  # eight content chunks each
    assert any("sends no token counts" in note and "estimated" in note for note in notes)


def test_a_request_past_the_timeout_fails_but_a_slow_first_token_within_it_is_measured(fake) -> None:
    document = bench(fake.url, concurrency=(1, 2), requests=1, timeout_s=0.5, on_status=_during_levels(fake, ttft_s=1.5))
    timed_out, fine = document["levels"]
    assert timed_out["status"] == "failed" and "sent nothing for 0.5 s (the per-request timeout)" in timed_out["error"]
    assert fine["status"] == "ok"


@pytest.mark.slow
def test_a_ten_second_first_token_is_measured_not_an_error(fake) -> None:
    document = bench(fake.url, requests=1, timeout_s=30, on_status=_during_levels(fake, ttft_s=10.0, per_token_s=0.01))
    level = document["levels"][0]
    assert level["status"] == "ok" and level["completed"] == 1
    assert level["median_ttft_ms"] == pytest.approx(10_000, rel=0.05)
