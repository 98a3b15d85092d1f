"""One masking function for every text that leaves the process or reaches the disk:
messages keep their template, errors can never hold a token, stored messages neither."""

from __future__ import annotations

import logging

import pytest

from hangar.core.common import secrets
from hangar.core.common.errors import HangarError, HubError
from hangar.core.common.i18n import QT_TR_NOOP, Text, from_stored, to_stored
from hangar.core.common.secrets import redact, redact_str, remember

TOKEN = "hf_localtestTOKENabcdefghijklmnop"


@pytest.fixture(autouse=True)
def _forget_tokens(monkeypatch):
    monkeypatch.setattr(secrets, "_known", set())


@pytest.mark.parametrize(
    "said",
    [
        f"you sent Authorization: Bearer {TOKEN}",
        f"headers={{'authorization': 'Bearer {TOKEN}'}}",
        f'{{"Authorization": "Bearer {TOKEN}"}}',
        f"token {TOKEN} is not valid",
        f"https://hub.example/api?access_token={TOKEN}",
        "authorization=Bearer eyJhbGciOiJIUzI1NiJ9.abc.def",
    ],
)
def test_tokens_and_authorization_values_are_masked(said: str) -> None:
    cleaned = redact_str(said)
    assert TOKEN not in cleaned and "eyJhbGciOiJIUzI1NiJ9" not in cleaned
    assert "***" in cleaned


def test_ordinary_words_are_left_alone() -> None:
    for text in ("authorization: required", "the bearer of bad news", "hf_transfer is off", "Bearer: none", "token expired"):
        assert redact_str(text) == text


def test_the_tokens_this_process_holds_are_masked_whatever_their_shape(monkeypatch) -> None:
    remember("s3cr3t-not-hf-shaped")
    monkeypatch.setenv("HF_TOKEN", "another-env-secret-42")
    cleaned = redact_str("echo: s3cr3t-not-hf-shaped and another-env-secret-42")
    assert cleaned == "echo: *** and ***"
    remember("short")  # too short to be a token: ordinary words stay
    assert redact_str("a short note") == "a short note"


def test_a_message_keeps_its_template_and_its_other_fields() -> None:
    text = QT_TR_NOOP("The Hub answered {status} for {what}: {message}", status=400, what=QT_TR_NOOP("repository {repo}", repo="a/b"),
                      message=f"Authorization: Bearer {TOKEN}")  # fmt: skip
    masked = redact(text)
    assert isinstance(masked, Text) and masked.template == text.template
    assert masked.fields["status"] == 400 and masked.fields["what"].template == "repository {repo}"
    assert TOKEN not in masked and masked.endswith("Authorization: Bearer ***")
    clean = QT_TR_NOOP("{size:,} bytes", size=1234)
    assert redact(clean) is clean
    assert redact(None) is None


def test_an_error_never_holds_a_token_in_any_of_its_forms() -> None:
    exc = HubError(QT_TR_NOOP("The Hub could not answer for {what}: {error}", what="model search", error=f"echo {TOKEN}"),
                   hint=f"Bearer {TOKEN}")  # fmt: skip
    for form in (exc.message, exc.hint, str(exc), repr(exc), exc.args[0], str(exc.to_dict())):
        assert TOKEN not in form
    assert exc.message.template == "The Hub could not answer for {what}: {error}"
    exc.hint = f"set later: {TOKEN}"  # the CLI adds hints after the fact
    assert TOKEN not in exc.hint and TOKEN not in str(exc)
    plain = HangarError(f"plain {TOKEN}")
    assert TOKEN not in str(plain)


def test_a_stored_message_holds_no_token_and_an_old_row_is_masked_when_read() -> None:
    text = QT_TR_NOOP("The download of {file} kept failing ({problem}).", file="m.gguf", problem=f"Authorization: Bearer {TOKEN}")
    stored = to_stored(text)
    assert TOKEN not in stored and '"template": "The download of {file} kept failing ({problem})."' in stored
    assert TOKEN not in to_stored(f"plain {TOKEN}")
    old = '{"template": "{problem}", "fields": {"problem": "Bearer ' + TOKEN + '"}}'
    assert TOKEN not in from_stored(old) and TOKEN not in from_stored(f"old plain row {TOKEN}")


def test_the_log_masks_a_token_it_could_not_recognise_by_shape(tmp_path, monkeypatch) -> None:
    from hangar.core.config.logs import setup_logging

    remember("keyring-secret-value-9")
    log_file = tmp_path / "hangar.log"
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        setup_logging(log_file)
        logging.getLogger("hangar.test").warning("the Hub said keyring-secret-value-9 back")
        for handler in root.handlers:
            handler.flush()
        assert "keyring-secret-value-9" not in log_file.read_text() and "the Hub said *** back" in log_file.read_text()
    finally:
        for handler in root.handlers[:]:
            if handler not in before:
                root.removeHandler(handler)
                handler.close()


def test_the_keyring_token_is_remembered_when_read(memory_keyring) -> None:
    from hangar.core.hub import tokens

    tokens.set_token(TOKEN.replace("TOKEN", "KEYRING"))
    secrets._known.clear()
    assert tokens.get_token() == TOKEN.replace("TOKEN", "KEYRING")
    assert redact_str("x " + TOKEN.replace("TOKEN", "KEYRING")) == "x hf_***"
    assert TOKEN.replace("TOKEN", "KEYRING") in secrets._known
