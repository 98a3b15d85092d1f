"""Talking HTTP to the Hub for what huggingface_hub does not offer: ranges and raw files.

The client is httpx2 (what huggingface_hub 2 itself uses). Redirects are followed, and
httpx drops the Authorization header when a redirect leaves the Hub's host, so a token
never reaches a CDN.
"""

from __future__ import annotations

from urllib.parse import quote

import httpx2 as httpx

from ..common.errors import GatedRepo, HubError, NotFoundOnHub
from ..common.i18n import QT_TR_NOOP
from ..common.secrets import redact_str, remember
from ..gguf.header import GGUFHeader, TruncatedHeader, parse_header
from .calls import guarded, hooks, shown

USER_AGENT = "hangar-desktop"
HEADER_LIMIT = 64 * 1024 * 1024  # no sane GGUF header is larger; vocabularies are a few MB


def endpoint() -> str:
    """The Hub's address (Settings' Hub endpoint, else HF_ENDPOINT, else huggingface.co): network.py."""
    from .network import endpoint as configured

    return configured()


def resolve_url(repo_id: str, revision: str, filename: str, base: str | None = None) -> str:
    return f"{base or endpoint()}/{repo_id}/resolve/{quote(revision, safe='')}/{quote(filename)}"


def auth_headers(token: str | None) -> dict[str, str]:
    headers = {"User-Agent": USER_AGENT}
    if token:
        remember(token)  # whatever the Hub echoes of it is masked
        headers["Authorization"] = f"Bearer {token}"
    return headers


_SHARED: httpx.Client | None = None


def client() -> httpx.Client:
    """One client per process: connections are reused and TLS set up once (about 35 ms each).

    httpx clients are thread-safe; callers pass their own timeout per request. A call made
    inside ``calls.bounded`` is also held to its deadline and page cap by the hooks.
    """
    global _SHARED
    if _SHARED is None or _SHARED.is_closed:
        from .network import client_options

        _SHARED = httpx.Client(follow_redirects=True, max_redirects=10, timeout=httpx.Timeout(30.0, connect=15.0), event_hooks=hooks(), **client_options())
    return _SHARED


def reset_client() -> None:
    """The network settings changed: the next ``client()`` is built with them."""
    global _SHARED
    shared, _SHARED = _SHARED, None
    if shared is not None:
        shared.close()


def timeout(read_s: float) -> httpx.Timeout:
    return httpx.Timeout(read_s, connect=15.0)


def raise_for_hub_status(response: httpx.Response, what: str) -> None:
    """Hub error codes (X-Error-Code) turned into messages a person can act on."""
    if response.status_code < 400:
        return
    code = response.headers.get("X-Error-Code", "")
    message = redact_str(response.headers.get("X-Error-Message", ""))[:500]  # the server's words: never a token
    if code == "GatedRepo" or (response.status_code in (401, 403) and "gated" in message.lower()):
        raise GatedRepo(
            QT_TR_NOOP("{what} is in a gated repository: its authors require you to accept their terms first.", what=what),
            hint=QT_TR_NOOP("Accept the terms on the model's Hub page, then enter a Hugging Face access token in Settings."),
        )
    if code in ("RepoNotFound", "EntryNotFound", "RevisionNotFound") or response.status_code == 404:
        if code == "RepoNotFound":
            raise NotFoundOnHub(QT_TR_NOOP("The Hub has no such repository: {what}.", what=what))
        if code == "RevisionNotFound":
            raise NotFoundOnHub(QT_TR_NOOP("The Hub has no such revision: {what}.", what=what))
        if code == "EntryNotFound":
            raise NotFoundOnHub(QT_TR_NOOP("The Hub has no such file: {what}.", what=what))
        raise NotFoundOnHub(QT_TR_NOOP("The Hub has no such item: {what}.", what=what))
    if response.status_code == 401:
        raise GatedRepo(QT_TR_NOOP("The Hub refused access to {what} (401).", what=what), hint=QT_TR_NOOP("Check your Hugging Face token in Settings."))
    raise HubError(QT_TR_NOOP("The Hub answered {status} for {what}: {message}", status=response.status_code, what=what, message=message or response.reason_phrase))


class RangeReader:
    """Sequential reads served by HTTP Range requests of ``chunk`` bytes."""

    def __init__(self, http: httpx.Client, url: str, headers: dict[str, str], chunk: int = 1024 * 1024) -> None:
        self.http, self.url, self.headers, self.chunk = http, url, headers, chunk
        self._buffer = b""
        self._fetched = 0
        self._eof = False

    def _fetch(self) -> None:
        if self._fetched >= HEADER_LIMIT:
            raise TruncatedHeader(QT_TR_NOOP("the GGUF header is larger than {mib} MiB", mib=HEADER_LIMIT // 2**20))
        end = self._fetched + self.chunk - 1
        response = self.http.get(self.url, headers={**self.headers, "Range": f"bytes={self._fetched}-{end}"})
        if response.status_code == 416:
            self._eof = True
            return
        raise_for_hub_status(response, self.url.rsplit("/", 1)[-1])
        data = response.content
        if response.status_code == 200:  # the server ignored Range: take what we asked for
            data = data[self._fetched : end + 1]
        self._buffer += data
        self._fetched += len(data)
        self._eof = len(data) < self.chunk

    def read(self, size: int) -> bytes:
        while len(self._buffer) < size and not self._eof:
            self._fetch()
        out, self._buffer = self._buffer[:size], self._buffer[size:]
        return out


HEADER_DEADLINE_S = 120.0  # a header with a large vocabulary is a few MB, read by 1 MiB ranges


def read_remote_header(repo_id: str, revision: str, filename: str, token: str | None, base: str | None = None) -> GGUFHeader:
    with guarded(filename, base or endpoint(), HEADER_DEADLINE_S):  # network failures said by calls.failure
        reader = RangeReader(client(), resolve_url(repo_id, revision, filename, base), auth_headers(token))
        return parse_header(reader.read)


def fetch_text(repo_id: str, revision: str, filename: str, token: str | None, limit: int = 1024 * 1024, base: str | None = None) -> str:
    """A small text file (the model card), cut at ``limit`` bytes."""
    with guarded(f"{repo_id}/{filename}", base or endpoint()):
        response = client().get(resolve_url(repo_id, revision, filename, base), headers={**auth_headers(token), "Range": f"bytes=0-{limit - 1}"})
        raise_for_hub_status(response, f"{repo_id}/{filename}")
        return response.content[:limit].decode("utf-8", errors="replace")


def repo_files(repo_id: str, revision: str | None, token: str | None, base: str | None = None) -> tuple[str, str, list[tuple[str, int, str | None]], dict]:
    """(repo id, commit, [(file, size, LFS sha256)], card data) from one ``/api/models`` call.

    The download path uses this rather than ``HfApi.model_info``: importing
    huggingface_hub costs about 0.35 s, a quarter of a 256 MiB download on a fast link,
    and ``hangar-cli download`` is run from scripts over and over.
    """
    base = base or endpoint()
    path = f"{base}/api/models/{repo_id}" + (f"/revision/{quote(revision, safe='')}" if revision else "")
    what = QT_TR_NOOP("repository {repo}", repo=shown(repo_id))
    with guarded(what, base):  # a deadline; not JSON, the wrong JSON, a redirect loop: each said
        response = client().get(path, params={"blobs": "true"}, headers=auth_headers(token))
        raise_for_hub_status(response, what)
        info = response.json()
        files = [(s["rfilename"], int(s.get("size") or 0), (s.get("lfs") or {}).get("sha256")) for s in info.get("siblings", []) if isinstance(s, dict) and "rfilename" in s]
        card = info.get("cardData") if isinstance(info.get("cardData"), dict) else {}
        sha = info["sha"]
        if not isinstance(sha, str):
            raise TypeError(f"sha is {type(sha).__name__}")
        return info.get("id", repo_id), sha, files, card


def card_license(card: dict) -> str | None:
    value = card.get("license_name") or card.get("license")
    return value if isinstance(value, str) else None


def card_base_models(card: dict) -> list[str]:
    """The card's ``base_model`` as a list of names (it may be one string or a list), at most 8."""
    value = card.get("base_model")
    values = value if isinstance(value, list) else [value]
    return [v.strip()[:200] for v in values[:8] if isinstance(v, str) and v.strip()]
