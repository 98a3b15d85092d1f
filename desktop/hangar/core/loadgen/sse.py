"""Reading an OpenAI stream: Server-Sent Events, strictly.

A benchmark that skipped what it could not read would count garbage as tokens or time a stream
that never was one, so here a line that is no SSE field, data that is not JSON, and an error
object inside the stream each end the request with their own message. Comment lines (``:``,
the keep-alive pings some servers send) and the ``event``/``id``/``retry`` fields are read as the
SSE specification says; the data lines of one event are joined with a newline and the event is
dispatched at the blank line that ends it.
"""

from __future__ import annotations

import json
from typing import Any

from ..common.i18n import QT_TR_NOOP
from .errors import EndpointAnswerError, EndpointError, shown

DONE = "[DONE]"
_FIELDS = ("event", "id", "retry")


class SseReader:
    def __init__(self, url: str) -> None:
        self.url = url
        self.line_no = 0
        self._data: list[str] = []

    def feed(self, line: str) -> Any:
        """One line without its newline: the payload of the event it ends (a dict, or DONE), else None."""
        self.line_no += 1
        line = line.rstrip("\r")
        if not line:
            return self._dispatch()
        if line.startswith(":"):
            return None
        name, colon, value = line.partition(":")
        if not colon:
            self._garbage(line)
        value = value[1:] if value.startswith(" ") else value
        if name == "data":
            self._data.append(value)
            return None
        if name in _FIELDS:
            return None
        self._garbage(line)
        return None

    def close(self) -> Any:
        """The end of the stream: an event whose blank line never came is still dispatched."""
        return self._dispatch()

    def _garbage(self, line: str) -> None:
        raise EndpointAnswerError(QT_TR_NOOP("Line {line} of the stream from {url} is not a Server-Sent Event: {text}", line=self.line_no, url=self.url, text=shown(line)),
                                  hint=QT_TR_NOOP("A proxy between here and the endpoint may be rewriting the stream, or the address is not the OpenAI API."))  # fmt: skip

    def _dispatch(self) -> Any:
        if not self._data:
            return None
        data, self._data = "\n".join(self._data), []
        if data.strip() == DONE:
            return DONE
        try:
            payload = json.loads(data)
        except ValueError:
            raise EndpointAnswerError(QT_TR_NOOP("The stream from {url} sent data that is not JSON (line {line}): {text}", url=self.url, line=self.line_no, text=shown(data))) from None
        if not isinstance(payload, dict):
            raise EndpointAnswerError(QT_TR_NOOP("The stream from {url} sent data that is not a JSON object (line {line}): {text}", url=self.url, line=self.line_no, text=shown(data)))
        error = payload.get("error")
        if error:
            message = error.get("message") if isinstance(error, dict) else error
            raise EndpointError(QT_TR_NOOP("The endpoint at {url} reported an error in the middle of the stream: {message}", url=self.url, message=shown(str(message))))
        return payload
