"""The network a closed organisation gives Hangar: its Hub mirror, its proxy, its CA.

An internal mirror (an Artifactory or Nexus Hugging Face proxy) replaces the Hub's address,
an HTTP(S) proxy carries every request, and a CA bundle of the organisation's own
certificates is trusted (a TLS-inspecting proxy re-signs every site with it). All three come
from Settings (``hub_endpoint``, ``http_proxy``, ``ca_bundle``) and reach every Hub call and
every download: both HTTP clients (core/hub/remote.py's and the one huggingface_hub uses,
core/hub/calls.py) are built with ``client_options()``. ``HF_ENDPOINT`` still works when the
setting is empty, and the usual ``HTTPS_PROXY``/``SSL_CERT_FILE`` variables when these are.
"""

from __future__ import annotations

import os
import ssl
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from ..common.errors import InvalidInput
from ..common.i18n import QT_TR_NOOP


@dataclass(frozen=True)
class Network:
    endpoint: str = ""  # empty: HF_ENDPOINT, then huggingface.co
    proxy: str = ""  # empty: the environment's proxy variables
    ca_bundle: str = ""  # empty: the system's certificates


_lock = threading.Lock()
_current = Network()


def current() -> Network:
    return _current


def check(network: Network) -> Network:
    """The settings cleaned up, or InvalidInput saying which one is wrong and why."""
    endpoint, proxy, bundle = network.endpoint.strip().rstrip("/"), network.proxy.strip(), network.ca_bundle.strip()
    if endpoint:
        parts = urlsplit(endpoint)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise InvalidInput(QT_TR_NOOP("The Hub endpoint must be an http(s) address such as https://hf-mirror.example.com, not {value}", value=endpoint[:200]))
    if proxy:
        parts = urlsplit(proxy)
        if parts.scheme not in ("http", "https", "socks5", "socks5h") or not parts.netloc:
            raise InvalidInput(QT_TR_NOOP("The proxy must be an address such as http://proxy.example.com:3128, not {value}", value=proxy[:200]))
    if bundle:
        path = Path(bundle).expanduser()
        if not path.is_file():
            raise InvalidInput(QT_TR_NOOP("The CA bundle {path} is not a file.", path=bundle))
        try:
            ssl.create_default_context(cafile=str(path))
        except (ssl.SSLError, OSError, ValueError) as exc:
            raise InvalidInput(QT_TR_NOOP("The CA bundle {path} holds no certificate Hangar can use ({problem}); it should be PEM text.", path=bundle,
                                          problem=type(exc).__name__))  # fmt: skip
        bundle = str(path)
    return Network(endpoint, proxy, bundle)


def configure(network: Network) -> Network:
    """Use these settings from now on (checked first); the shared clients are rebuilt."""
    global _current
    network = check(network)
    with _lock:
        if network == _current:
            return network
        _current = network
    _rebuild_clients()
    return network


def endpoint() -> str:
    """The Hub's address: the setting, else HF_ENDPOINT, else huggingface_hub's default."""
    if _current.endpoint:
        return _current.endpoint
    from huggingface_hub import constants

    return os.environ.get("HF_ENDPOINT", "").rstrip("/") or constants.ENDPOINT.rstrip("/")


def client_options() -> dict:
    """What every HTTP client that talks to the Hub or downloads is built with."""
    options: dict = {}
    if _current.proxy:
        options["proxy"] = _current.proxy
    if _current.ca_bundle:
        options["verify"] = ssl.create_default_context(cafile=_current.ca_bundle)
    return options


def _rebuild_clients() -> None:
    from . import remote

    remote.reset_client()
    try:
        from huggingface_hub.utils import close_session

        close_session()  # the next call builds one through our factory (calls.install), with the new options
    except Exception:  # an older huggingface_hub: its session is rebuilt at the next start
        pass
