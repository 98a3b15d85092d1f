"""A fake OpenAI-compatible endpoint on 127.0.0.1: Starlette + uvicorn on a thread, told how to behave.

Every failure a real one can show is a switch here: a key it wants, a status it answers
(429/503 with Retry-After, 404 for a model it lacks), HTML or text that is not JSON, a stream
that stops mid-way, an event that is not JSON, no usage, a reply that ignores ``stream``,
a slow first token. It records each request (body and Authorization header) and whether a
client left mid-stream.
"""

from __future__ import annotations

import asyncio
import datetime
import ipaddress
import json
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response, StreamingResponse
from starlette.routing import Route


@dataclass
class Behaviour:
    models: list[str] = field(default_factory=lambda: ["qwen2.5-7b", "Qwen/Qwen2.5-7B-Instruct"])
    api_key: str | None = None  # the key it wants (None: any or none)
    tokens: list[str] = field(default_factory=lambda: ["Hello", ",", " remote", " world", "!"])
    ttft_s: float = 0.0
    token_delay_s: float = 0.0
    cut_after: int | None = None  # close the connection after this many tokens
    chat_status: int | None = None  # answer the chat request with this status
    models_status: int | None = None
    retry_after: str | None = None
    error_body: dict | None = None
    html: bool = False  # a web page instead of the API (a proxy's login, a web UI)
    invalid_json: bool = False  # text that is not JSON where JSON belongs
    garbage_event_after: int | None = None  # a data: line that is not JSON after this many tokens
    garbage_lines: bool = False  # SSE lines that are no field at all, and comments, between the events
    usage: bool = True
    prompt_tokens: int = 11
    completion_tokens: int | None = None  # what usage says (default: the tokens sent)
    ignore_stream: bool = False  # one chat.completion JSON instead of SSE
    echo_key: bool = False  # a careless server: its 401 repeats the key it was given
    requests: list[dict] = field(default_factory=list)
    auth_headers: list[str] = field(default_factory=list)
    left_early: threading.Event = field(default_factory=threading.Event)


def _html() -> Response:
    return Response("<!DOCTYPE html><html><head><title>Sign in</title></head><body>Please sign in</body></html>", media_type="text/html")


def build_app(b: Behaviour) -> Starlette:
    def refused(request: Request) -> Response | None:
        b.auth_headers.append(request.headers.get("authorization", ""))
        if b.html:
            return _html()
        if b.api_key is not None and request.headers.get("authorization") != f"Bearer {b.api_key}":
            said = f"Incorrect API key provided: {request.headers.get('authorization', '')}" if b.echo_key else "Incorrect API key provided"
            return JSONResponse({"error": {"message": said, "type": "authentication_error", "code": "invalid_api_key"}}, 401)
        return None

    async def models(request: Request) -> Response:
        answer = refused(request)
        if answer is not None:
            return answer
        if b.invalid_json:
            return PlainTextResponse("this is { not json", media_type="application/json")
        if b.models_status is not None:
            headers = {"Retry-After": b.retry_after} if b.retry_after else {}
            return JSONResponse(b.error_body or {"error": {"message": "overloaded"}}, b.models_status, headers=headers)
        return JSONResponse({"object": "list", "data": [{"id": m, "object": "model", "created": 0, "owned_by": "fake"} for m in b.models]})

    async def chat(request: Request) -> Response:
        answer = refused(request)
        if answer is not None:
            return answer
        body = await request.json()
        b.requests.append(body)
        if b.chat_status is not None:
            headers = {"Retry-After": b.retry_after} if b.retry_after else {}
            return JSONResponse(b.error_body or {"error": {"message": "try later"}}, b.chat_status, headers=headers)
        if body.get("model") not in b.models:
            return JSONResponse({"error": {"message": f"The model `{body.get('model')}` does not exist.", "type": "NotFoundError", "code": "model_not_found"}}, 404)
        tokens = b.tokens[: body.get("max_tokens") or len(b.tokens)]
        usage = {"prompt_tokens": b.prompt_tokens, "completion_tokens": b.completion_tokens if b.completion_tokens is not None else len(tokens),
                 "total_tokens": b.prompt_tokens + len(tokens)}  # fmt: skip
        if b.ignore_stream:
            return JSONResponse({"id": "c1", "object": "chat.completion", "model": body["model"], "usage": usage,
                                 "choices": [{"index": 0, "message": {"role": "assistant", "content": "".join(tokens)}, "finish_reason": "stop"}]})  # fmt: skip

        async def events():
            def chunk(delta: dict, finish: str | None = None) -> str:
                return "data: " + json.dumps({"id": "c1", "object": "chat.completion.chunk", "model": body["model"],
                                              "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}) + "\n\n"  # fmt: skip

            finished = False
            try:
                await asyncio.sleep(b.ttft_s)
                yield chunk({"role": "assistant", "content": ""})
                for i, token in enumerate(tokens):
                    if b.cut_after is not None and i >= b.cut_after:
                        raise ConnectionAbortedError("the fake endpoint drops the stream")
                    if b.garbage_event_after is not None and i >= b.garbage_event_after:
                        yield "data: {this is not json\n\n"
                    if b.garbage_lines:
                        yield ": keep-alive\n\ngarbage line without a colon\nevent: ping\n\n"
                    if i:
                        await asyncio.sleep(b.token_delay_s)
                    yield chunk({"content": token})
                yield chunk({}, "length" if len(tokens) == body.get("max_tokens") else "stop")
                if b.usage:
                    yield "data: " + json.dumps({"id": "c1", "object": "chat.completion.chunk", "choices": [], "usage": usage}) + "\n\n"
                yield "data: [DONE]\n\n"
                finished = True
            finally:
                if not finished and b.cut_after is None:
                    b.left_early.set()

        return StreamingResponse(events(), media_type="text/event-stream")

    async def page(request: Request) -> Response:
        return _html()

    return Starlette(routes=[Route("/v1/models", models), Route("/v1/chat/completions", chat, methods=["POST"]), Route("/", page)])


class FakeEndpoint:
    """``with FakeEndpoint() as fake:`` serves on ``fake.url`` (http://127.0.0.1:PORT/v1)."""

    def __init__(self, behaviour: Behaviour | None = None, *, tls: tuple[Path, Path] | None = None) -> None:
        self.behaviour = behaviour or Behaviour()
        self._tls = tls
        self.port = 0

    @property
    def url(self) -> str:
        return f"{'https' if self._tls else 'http'}://127.0.0.1:{self.port}/v1"

    def __enter__(self) -> "FakeEndpoint":
        extra = {"ssl_certfile": str(self._tls[0]), "ssl_keyfile": str(self._tls[1])} if self._tls else {}
        config = uvicorn.Config(build_app(self.behaviour), host="127.0.0.1", port=0, log_level="critical", access_log=False, lifespan="off",
                                timeout_graceful_shutdown=1, **extra)  # fmt: skip
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=lambda: asyncio.run(self._server.serve()), name="fake-endpoint", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 20
        while not self._server.started and time.monotonic() < deadline:
            time.sleep(0.02)
        assert self._server.started, "the fake endpoint did not start"
        self.port = self._server.servers[0].sockets[0].getsockname()[1]
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)


def certificates(folder: Path) -> tuple[Path, Path, Path]:
    """A private CA and a certificate it signed for 127.0.0.1: (ca.pem, cert.pem, key.pem)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = datetime.datetime.now(datetime.timezone.utc)
    ca_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Hangar Test Organisation CA")])
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key()).serial_number(1)
          .not_valid_before(now - datetime.timedelta(days=1)).not_valid_after(now + datetime.timedelta(days=30))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .add_extension(x509.KeyUsage(digital_signature=True, key_cert_sign=True, crl_sign=True, content_commitment=False, key_encipherment=False,
                                       data_encipherment=False, key_agreement=False, encipher_only=False, decipher_only=False), critical=True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
          .sign(ca_key, hashes.SHA256()))  # fmt: skip
    leaf = (x509.CertificateBuilder().subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])).issuer_name(ca_name)
            .public_key(key.public_key()).serial_number(2)
            .not_valid_before(now - datetime.timedelta(days=1)).not_valid_after(now + datetime.timedelta(days=30))
            .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
            .add_extension(x509.ExtendedKeyUsage([x509.oid.ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
            .sign(ca_key, hashes.SHA256()))  # fmt: skip
    paths = folder / "ca.pem", folder / "cert.pem", folder / "key.pem"
    paths[0].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    paths[1].write_bytes(leaf.public_bytes(serialization.Encoding.PEM))
    paths[2].write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    return paths
