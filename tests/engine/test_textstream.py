"""Hold-back of split UTF-8 characters and stop strings, byte by byte."""

from __future__ import annotations

from hangar.engine.textstream import StopMatcher, Utf8Stream


def test_characters_split_across_tokens_come_out_whole() -> None:
    text = "中日한🙂é, Grüße 👋🏽"
    stream = Utf8Stream()
    pieces = [stream.feed(bytes([b])) for b in text.encode("utf-8")]
    assert "".join(pieces) + stream.flush() == text
    assert all("\ufffd" not in piece for piece in pieces)
    assert pieces[0] == "" and pieces[2] == "中"  # nothing shown until the third byte


def test_invalid_bytes_become_replacement_characters_not_errors() -> None:
    stream = Utf8Stream()
    assert stream.feed(b"a\xffb") == "a\ufffdb"
    assert stream.feed(b"\xe4\xb8") == ""
    assert stream.flush() == "\ufffd"


def test_stop_string_split_across_pieces_is_never_shown() -> None:
    matcher = StopMatcher(["<|im_end|>"])
    shown = [matcher.feed(p) for p in ["Hello <|", "im_", "end|> after"]]
    assert "".join(shown) == "Hello "
    assert matcher.stopped and matcher.flush() == ""


def test_a_false_alarm_is_released() -> None:
    matcher = StopMatcher(["STOP"])
    assert matcher.feed("ST") == ""
    assert matcher.feed("ART") == "START"
    assert matcher.feed("S") == ""
    assert matcher.flush() == "S"
