"""Messages from core/ (and the worker's, engine/) stay translatable: literal templates, fields that fill them, storable."""

from __future__ import annotations

import ast
from pathlib import Path

from hangar.core.common.i18n import QT_TR_NOOP, Text, from_stored, to_stored

CORE = Path(__file__).resolve().parents[2] / "desktop" / "hangar" / "core"
ENGINE = CORE.parent / "engine"  # the worker's messages cross the pipe as templates too


def test_every_message_template_is_a_literal_whose_fields_are_given() -> None:
    problems = []
    for path in sorted([*CORE.rglob("*.py"), *ENGINE.rglob("*.py")]):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "QT_TR_NOOP":
                where = f"{path.relative_to(CORE.parent)}:{node.lineno}"
                template = node.args[0] if node.args else None
                if not (isinstance(template, ast.Constant) and isinstance(template.value, str)):
                    problems.append(f"{where}: the template must be a plain string literal (lupdate reads it; an f-string is already filled in)")
                    continue
                named = {k.arg for k in node.keywords}
                if None in named:
                    continue  # **fields: checked when it runs
                import string

                wanted = {field.split(".")[0].split("[")[0] for _, field, _, _ in string.Formatter().parse(template.value) if field}
                if wanted != named:
                    problems.append(f"{where}: template fields {sorted(wanted)} but given {sorted(named)}")
    assert not problems, "\n".join(problems)


def test_a_message_reads_as_english_and_survives_storage() -> None:
    text = QT_TR_NOOP("{file} has {actual:,} bytes; {why}", file="m.gguf", actual=1234567, why=QT_TR_NOOP("no data for {seconds:.0f} s", seconds=30.0))
    assert text == "m.gguf has 1,234,567 bytes; no data for 30 s"
    again = from_stored(to_stored(text))
    assert isinstance(again, Text) and again == text and again.fields["why"].template == "no data for {seconds:.0f} s"
    assert from_stored("an old plain message") == "an old plain message"
    assert from_stored('{"template": broken') == '{"template": broken'


def test_a_message_survives_copying_as_dataclasses_and_pickle_do() -> None:
    import copy
    import pickle

    text = QT_TR_NOOP("Loading on the CPU instead: {reason}", reason=QT_TR_NOOP("no data for {seconds:.0f} s", seconds=30.0))
    for again in (copy.copy(text), copy.deepcopy(text), pickle.loads(pickle.dumps(text))):
        assert again == text and isinstance(again, Text) and again.template == text.template
        assert again.fields["reason"].template == "no data for {seconds:.0f} s"
