"""Messages from core/ that the window can show in the user's language, without Qt here.

core/ has no Qt, so it cannot translate. A message is written as

    QT_TR_NOOP("The disk holding {folder} is full.", folder=path.parent)

which is the English text (a ``str``: what the CLI and the log print) that also keeps
its template and fields. pyside6-lupdate finds these calls by their name (that is why
the function has Qt's macro name; an alias would hide them), resources/translations/
update.sh scans core/ as well as ui/, and the window translates the template and then
fills in the fields (``hangar.ui.i18n.localise``). A template must be a plain literal,
never an f-string (tests/core/test_i18n_messages.py checks), and a translation must keep
the template's ``{fields}`` (tests/ui/test_i18n.py checks).
"""

from __future__ import annotations

import json


class Text(str):
    """English text that remembers the template and fields it was made from."""

    template: str
    fields: dict

    def __new__(cls, template: str, fields: dict) -> "Text":
        text = super().__new__(cls, template.format(**fields) if fields else template)
        text.template, text.fields = template, fields
        return text

    def __reduce__(self):  # copy, deepcopy (dataclasses.asdict) and pickle keep the template
        return (Text, (self.template, self.fields))


def QT_TR_NOOP(template: str, **fields: object) -> Text:  # noqa: N802 - the name lupdate looks for
    return Text(template, fields)


def joined(parts: list, separator: str = " ") -> Text:
    """Messages put one after another, each still translated on its own (a template of
    fields only: no translation is looked up for it, so it reads the same in any language)."""
    names = [f"p{i}" for i in range(len(parts))]
    glue = separator.replace("{", "{{").replace("}", "}}")
    return Text(glue.join("{" + n + "}" for n in names), dict(zip(names, parts)))


class Translated(str):
    """English text from data that ships its own translations (the license knowledge
    base's ``*_zh_CN`` fields): the window shows the one for its language."""

    translations: dict

    def __new__(cls, english: str, translations: dict[str, str]) -> "Translated":
        text = super().__new__(cls, english)
        text.translations = {k: v for k, v in translations.items() if v}
        return text

    def __reduce__(self):
        return (Translated, (str(self), self.translations))



# -- storing a message (a failed download's error in SQLite) ------------------------------------
def to_stored(text: str | None) -> str | None:
    """A Text as JSON (template and fields), so a window can still translate it after a restart.

    Secrets are masked first (secrets.redact): what is stored is on disk for good."""
    from .secrets import redact

    text = redact(text)
    if not isinstance(text, Text):
        return text
    return json.dumps(_pack(text), ensure_ascii=False)


def from_stored(stored: str | None) -> str | None:
    """What ``to_stored`` wrote, as a Text again; any other string as it is (a row written
    before secrets were masked is masked as it is read)."""
    from .secrets import redact

    if not stored or not stored.startswith('{"template"'):
        return redact(stored)
    try:
        return redact(_unpack(json.loads(stored)))
    except (ValueError, KeyError, TypeError, IndexError):
        return redact(stored)


def _pack(text: Text) -> dict:
    fields = {}
    for name, value in text.fields.items():
        if isinstance(value, Text):
            fields[name] = _pack(value)
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            fields[name] = value  # numbers stay numbers: templates format them ({size:,})
        else:
            fields[name] = str(value)
    return {"template": text.template, "fields": fields}


def _unpack(data: dict) -> Text:
    fields = {k: _unpack(v) if isinstance(v, dict) else v for k, v in data["fields"].items()}
    return Text(str(data["template"]), fields)


__all__ = ["QT_TR_NOOP", "Text", "Translated", "from_stored", "joined", "to_stored"]
