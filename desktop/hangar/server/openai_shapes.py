"""The OpenAI API's shapes: requests checked and turned into the worker's options, answers
and SSE chunks built, errors as ``{"error": {"message", "type", "param", "code"}}``.

Nothing here touches the network or a model, so each rule is testable on its own. A field
the worker cannot honour is refused with a 400 that says so, never silently ignored
(``n`` > 1, tools, logprobs; JSON output until the worker takes a grammar). The presence and
frequency penalties reach llama.cpp's penalties sampler with OpenAI's meaning and range.
"""

from __future__ import annotations

import dataclasses
import json
import math
import secrets
import time
from dataclasses import dataclass, field
from typing import Any

from ..core.runner import protocol as P

MAX_BODY_BYTES = 4 * 1024 * 1024  # a long prompt is a few hundred KB
MAX_TOKENS_LIMIT = 32_768  # max_tokens past this is refused (the context bounds it further)
MAX_STOPS = 4
MAX_MESSAGES = 4096
ROLES = ("system", "user", "assistant", "developer")


class ApiError(Exception):
    """An error answer: the HTTP status and the OpenAI error object."""

    def __init__(self, status: int, message: str, *, type: str = "invalid_request_error", param: str | None = None,
                 code: str | None = None, headers: dict[str, str] | None = None) -> None:  # fmt: skip
        super().__init__(message)
        self.status, self.message, self.type, self.param, self.code = status, str(message), type, param, code
        self.headers = headers or {}

    def body(self) -> dict:
        return {"error": {"message": self.message, "type": self.type, "param": self.param, "code": self.code}}


def bad(message: str, param: str | None = None, code: str | None = None) -> ApiError:
    return ApiError(400, message, param=param, code=code or "invalid_value")


def not_found(message: str, code: str = "model_not_found", param: str | None = "model") -> ApiError:
    return ApiError(404, message, type="not_found_error", param=param, code=code)


def busy(message: str, retry_after_s: int) -> ApiError:
    return ApiError(503, message, type="server_error", code="server_busy", headers={"Retry-After": str(retry_after_s)})


def unauthorized() -> ApiError:
    return ApiError(401, "Invalid or missing API key. Send it as 'Authorization: Bearer <key>'.", type="authentication_error",
                    code="invalid_api_key", headers={"WWW-Authenticate": "Bearer"})  # fmt: skip


# -- the request body -------------------------------------------------------------------------
def parse_body(raw: bytes) -> dict:
    if len(raw) > MAX_BODY_BYTES:
        raise ApiError(400, f"The request body is {len(raw):,} bytes; at most {MAX_BODY_BYTES:,} are accepted.", code="request_too_large")
    try:
        body = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise ApiError(400, f"The request body is not valid JSON: {exc}", code="invalid_json") from None
    if not isinstance(body, dict):
        raise ApiError(400, f"The request body must be a JSON object, not {type(body).__name__}.", code="invalid_type")
    return body


def _number(body: dict, name: str, low: float, high: float, default: float | None) -> float | None:
    value = body.get(name)
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise bad(f"'{name}' must be a number, not {json.dumps(value)[:40]}.", name, "invalid_type")
    if not low <= value <= high:
        raise bad(f"'{name}' must be from {low} to {high}, not {value}.", name)
    return float(value)


def _whole(body: dict, name: str, low: int, high: int) -> int | None:
    value = body.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise bad(f"'{name}' must be a whole number, not {json.dumps(value)[:40]}.", name, "invalid_type")
    if not low <= value <= high:
        raise bad(f"'{name}' must be from {low:,} to {high:,}, not {value:,}.", name)
    return value


def _stops(body: dict) -> list[str]:
    stop = body.get("stop")
    if stop is None:
        return []
    if isinstance(stop, str):
        stop = [stop]
    if not isinstance(stop, list) or not all(isinstance(s, str) and s for s in stop):
        raise bad("'stop' must be a text or a list of texts.", "stop", "invalid_type")
    if len(stop) > MAX_STOPS:
        raise bad(f"'stop' takes at most {MAX_STOPS} texts, not {len(stop)}.", "stop")
    return stop


def _unsupported(body: dict) -> None:
    n = body.get("n")
    if n is not None and n != 1:
        raise bad("'n' other than 1 is not supported: send one request per choice.", "n", "unsupported_parameter")
    for name in ("tools", "functions", "tool_choice", "function_call"):
        if body.get(name):
            raise bad(f"'{name}' is not supported by this server yet.", name, "unsupported_parameter")
    if body.get("logprobs") or body.get("top_logprobs"):
        raise bad("'logprobs' is not supported by this server yet.", "logprobs", "unsupported_parameter")
    if body.get("echo") or body.get("suffix") or body.get("best_of") not in (None, 1):
        raise bad("'echo', 'suffix' and 'best_of' are not supported.", None, "unsupported_parameter")


@dataclass
class Parsed:
    """A checked request: the model asked for, the worker's options, how to answer."""

    model: str
    options: P.GenerateOptions
    stream: bool = False
    include_usage: bool = False
    prompt_text: str = ""  # for the request log, only when prompts are logged
    extra: dict = field(default_factory=dict)


def _model(body: dict) -> str:
    model = body.get("model")
    if not isinstance(model, str) or not model.strip():
        raise bad("'model' must name a model (GET /v1/models lists them).", "model", "invalid_type" if model is not None else "missing_required_parameter")
    return model.strip()


def _sampling(body: dict, max_tokens_default: int, max_tokens_limit: int) -> dict[str, Any]:
    _unsupported(body)
    max_tokens = _whole(body, "max_completion_tokens", 1, max_tokens_limit)
    if max_tokens is None:
        max_tokens = _whole(body, "max_tokens", 1, max_tokens_limit)
    seed = body.get("seed")
    if seed is not None:
        if isinstance(seed, bool) or not isinstance(seed, int):
            raise bad("'seed' must be a whole number.", "seed", "invalid_type")
        seed %= P.MAX_SEED + 1  # the OpenAI API takes any 64-bit seed; llama.cpp keeps 32 bits
    return {
        "max_tokens": min(max_tokens or max_tokens_default, max_tokens_limit),
        "temperature": _number(body, "temperature", 0.0, 2.0, 1.0),
        "top_p": _number(body, "top_p", 0.0, 1.0, 1.0),
        "top_k": 0,  # the OpenAI API samples from temperature and top_p only
        "min_p": 0.0,
        "repeat_penalty": 1.0,
        "presence_penalty": _number(body, "presence_penalty", -P.MAX_PENALTY, P.MAX_PENALTY, 0.0),
        "frequency_penalty": _number(body, "frequency_penalty", -P.MAX_PENALTY, P.MAX_PENALTY, 0.0),
        "seed": seed,
        "stop": _stops(body),
    }


def _stream_flags(body: dict) -> tuple[bool, bool]:
    stream = body.get("stream", False)
    if stream is None:
        stream = False
    if not isinstance(stream, bool):
        raise bad("'stream' must be true or false.", "stream", "invalid_type")
    options = body.get("stream_options")
    include_usage = False
    if options is not None:
        if not isinstance(options, dict):
            raise bad("'stream_options' must be an object.", "stream_options", "invalid_type")
        include_usage = options.get("include_usage", False)
        if not isinstance(include_usage, bool):
            raise bad("'stream_options.include_usage' must be true or false.", "stream_options.include_usage", "invalid_type")
    return stream, include_usage


def _content(message: dict, index: int) -> str:
    content = message.get("content")
    if content is None and message.get("role") == "assistant":
        return ""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        parts = []
        for part in content:
            if not isinstance(part, dict) or part.get("type") != "text" or not isinstance(part.get("text"), str):
                raise bad(f"messages[{index}].content: only text parts are supported.", f"messages[{index}].content", "invalid_type")
            parts.append(part["text"])
        return "".join(parts)
    raise bad(f"messages[{index}].content must be a text or a list of text parts.", f"messages[{index}].content", "invalid_type")


def _messages(body: dict) -> list[dict[str, str]]:
    messages = body.get("messages")
    if messages is None:
        raise bad("'messages' is required.", "messages", "missing_required_parameter")
    if not isinstance(messages, list):
        raise bad("'messages' must be a list of messages.", "messages", "invalid_type")
    if not messages:
        raise bad("'messages' must hold at least one message.", "messages", "empty_array")
    if len(messages) > MAX_MESSAGES:
        raise bad(f"'messages' holds more than {MAX_MESSAGES} messages.", "messages")
    out = []
    for i, message in enumerate(messages):
        if not isinstance(message, dict):
            raise bad(f"messages[{i}] must be an object with 'role' and 'content'.", f"messages[{i}]", "invalid_type")
        role = message.get("role")
        if role not in ROLES:
            raise bad(f"messages[{i}].role must be one of system, user, assistant, not {json.dumps(role)[:40]}.", f"messages[{i}].role", "invalid_value")
        out.append({"role": "system" if role == "developer" else role, "content": _content(message, i)})
    return out


def grammar_for(response_format: Any, supported: bool) -> str | None:
    """The GBNF grammar that enforces ``response_format`` (None for plain text); ApiError if it is invalid
    or the worker cannot take a grammar yet."""
    if response_format is None:
        return None
    if not isinstance(response_format, dict):
        raise bad("'response_format' must be an object.", "response_format", "invalid_type")
    kind = response_format.get("type")
    if kind == "text":
        return None
    if kind not in ("json_object", "json_schema"):
        raise bad("'response_format.type' must be text, json_object or json_schema.", "response_format.type")
    schema_text = None
    if kind == "json_schema":
        spec = response_format.get("json_schema")
        if not isinstance(spec, dict):
            raise bad("'response_format.json_schema' must be an object with 'name' and 'schema'.", "response_format.json_schema", "invalid_type")
        name = spec.get("name")
        if not isinstance(name, str) or not name or len(name) > 64 or not all(c.isalnum() or c in "_-" for c in name):
            raise bad("'response_format.json_schema.name' must be 1 to 64 letters, digits, _ or -.", "response_format.json_schema.name")
        schema = spec.get("schema", {})
        if not isinstance(schema, dict):
            raise bad("'response_format.json_schema.schema' must be a JSON Schema object.", "response_format.json_schema.schema", "invalid_type")
        _check_schema(schema, "response_format.json_schema.schema")
        schema_text = json.dumps(schema)
    if not supported:
        raise bad("response_format json_object and json_schema are not supported yet: this Hangar's worker cannot enforce a grammar.",
                  "response_format", "unsupported_parameter")  # fmt: skip
    from llama_cpp.llama_grammar import JSON_GBNF, json_schema_to_gbnf

    if schema_text is None:
        return JSON_GBNF
    try:
        return json_schema_to_gbnf(schema_text)
    except Exception as exc:  # the converter raises plain exceptions for what it cannot express
        raise bad(f"The JSON schema cannot be enforced: {exc}", "response_format.json_schema.schema") from None


_SCHEMA_TYPES = {"object", "array", "string", "number", "integer", "boolean", "null"}


def _check_schema(schema: Any, where: str, depth: int = 0) -> None:
    """A structural check of a JSON Schema: the mistakes a client makes (a type that is no type,
    properties that are not an object), before the grammar converter sees it."""
    if depth > 32:
        raise bad("The JSON schema is nested more than 32 levels deep.", where)
    if isinstance(schema, bool):
        return
    if not isinstance(schema, dict):
        raise bad(f"{where} must be a JSON Schema object.", where, "invalid_type")
    kind = schema.get("type")
    kinds = kind if isinstance(kind, list) else [kind] if kind is not None else []
    if not all(isinstance(k, str) and k in _SCHEMA_TYPES for k in kinds):
        raise bad(f"{where}.type must be one of {', '.join(sorted(_SCHEMA_TYPES))}, not {json.dumps(kind)[:40]}.", f"{where}.type")
    properties = schema.get("properties")
    if properties is not None:
        if not isinstance(properties, dict):
            raise bad(f"{where}.properties must be an object.", f"{where}.properties", "invalid_type")
        for key, sub in properties.items():
            _check_schema(sub, f"{where}.properties.{key}", depth + 1)
    required = schema.get("required")
    if required is not None and not (isinstance(required, list) and all(isinstance(r, str) for r in required)):
        raise bad(f"{where}.required must be a list of property names.", f"{where}.required", "invalid_type")
    if "items" in schema:
        _check_schema(schema["items"], f"{where}.items", depth + 1)
    for name in ("anyOf", "oneOf", "allOf"):
        if name in schema:
            if not isinstance(schema[name], list):
                raise bad(f"{where}.{name} must be a list of schemas.", f"{where}.{name}", "invalid_type")
            for i, sub in enumerate(schema[name]):
                _check_schema(sub, f"{where}.{name}[{i}]", depth + 1)
    if "enum" in schema and not isinstance(schema["enum"], list):
        raise bad(f"{where}.enum must be a list.", f"{where}.enum", "invalid_type")


def grammar_supported() -> bool:
    return "grammar" in {f.name for f in dataclasses.fields(P.GenerateOptions)}


def parse_chat(body: dict, *, max_tokens_limit: int = MAX_TOKENS_LIMIT) -> Parsed:
    model = _model(body)
    messages = _messages(body)
    sampling = _sampling(body, max_tokens_default=max_tokens_limit, max_tokens_limit=max_tokens_limit)
    stream, include_usage = _stream_flags(body)
    grammar = grammar_for(body.get("response_format"), grammar_supported())
    options = P.GenerateOptions(messages=messages, **sampling)
    if grammar is not None:
        options.grammar = grammar  # type: ignore[attr-defined]
    return Parsed(model, options, stream, include_usage, prompt_text="\n".join(m["content"] for m in messages))


def parse_completion(body: dict, *, max_tokens_limit: int = MAX_TOKENS_LIMIT) -> Parsed:
    model = _model(body)
    prompt = body.get("prompt")
    if isinstance(prompt, list) and len(prompt) == 1 and isinstance(prompt[0], str):
        prompt = prompt[0]
    if not isinstance(prompt, str):
        raise bad("'prompt' must be a text (one prompt per request).", "prompt", "invalid_type" if prompt is not None else "missing_required_parameter")
    sampling = _sampling(body, max_tokens_default=16, max_tokens_limit=max_tokens_limit)  # the OpenAI API's default for completions
    stream, include_usage = _stream_flags(body)
    return Parsed(model, P.GenerateOptions(prompt=prompt, **sampling), stream, include_usage, prompt_text=prompt)


@dataclass
class EmbeddingsRequest:
    """A checked embeddings request: the model, its inputs (texts or token arrays) and the answer's form."""

    model: str
    inputs: list[str | list[int]]
    encoding_format: str = "float"
    dimensions: int | None = None


ENCODINGS = ("float", "base64")


def _is_tokens(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(t, int) and not isinstance(t, bool) for t in value)


def parse_embeddings(body: dict) -> EmbeddingsRequest:
    """``input`` as the OpenAI API takes it: a text, a list of texts, a token array or a list of token arrays."""
    model = _model(body)
    value = body.get("input")
    if value is None:
        raise bad("'input' is required: a text or a list of texts.", "input", "missing_required_parameter")
    if isinstance(value, str) or (_is_tokens(value) and value):
        inputs = [value]
    elif isinstance(value, list):
        inputs = value
    else:
        raise bad(f"'input' must be a text or a list of texts, not {json.dumps(value)[:40]}.", "input", "invalid_type")
    if not inputs:
        raise bad("'input' must hold at least one text.", "input", "empty_array")
    if len(inputs) > P.MAX_EMBED_INPUTS:
        raise bad(f"'input' holds {len(inputs):,} items; at most {P.MAX_EMBED_INPUTS:,} are embedded in one request.", "input", "too_many_inputs")
    for i, item in enumerate(inputs):
        if not (isinstance(item, str) or _is_tokens(item)):
            raise bad(f"input[{i}] must be a text (or an array of token ids), not {json.dumps(item)[:40]}.", "input", "invalid_type")
        if not item:
            raise bad(f"input[{i}] is empty: every input needs some text.", "input", "empty_input")
        if not isinstance(item, str) and any(not 0 <= t <= P.MAX_EMBED_TOKEN_ID for t in item):
            raise bad(f"input[{i}] holds a token id outside 0 to {P.MAX_EMBED_TOKEN_ID:,}.", "input")
    encoding = body.get("encoding_format")
    if encoding is not None and encoding not in ENCODINGS:
        raise bad(f"'encoding_format' must be float or base64, not {json.dumps(encoding)[:40]}.", "encoding_format")
    dimensions = _whole(body, "dimensions", 1, 1 << 20)
    return EmbeddingsRequest(model, inputs, encoding or "float", dimensions)


def check_dimensions(parsed: EmbeddingsRequest, model: str, size: int | None) -> None:
    """``dimensions`` may only repeat the model's own size: llama.cpp's vectors are not shortened."""
    if parsed.dimensions is not None and size is not None and parsed.dimensions != size:
        raise bad(f"'dimensions' must be {size} for {model} (its embeddings have {size} dimensions and are not shortened), or left out; "
                  f"not {parsed.dimensions}.", "dimensions", "unsupported_dimensions")  # fmt: skip


def embeddings_list(model: str, result: P.Embeddings, encoding_format: str = "float") -> dict:
    """The answer: one ``embedding`` per input in its index order; usage counts the worker's tokens."""
    data = [{"object": "embedding", "index": i, "embedding": result.data[i] if encoding_format == "base64" else result.vector(i)}
            for i in range(len(result.data))]  # fmt: skip
    tokens = sum(result.n_tokens)
    return {"object": "list", "data": data, "model": model, "usage": {"prompt_tokens": tokens, "total_tokens": tokens}}


# -- answers ----------------------------------------------------------------------------------
FINISH = {P.StopReason.STOP: "stop", P.StopReason.LENGTH: "length", P.StopReason.CONTEXT_FULL: "length", P.StopReason.CANCELLED: "stop"}


def new_id(prefix: str) -> str:
    return f"{prefix}-{secrets.token_hex(12)}"


def usage(done: P.Done) -> dict:
    return {"prompt_tokens": done.n_prompt, "completion_tokens": done.n_generated, "total_tokens": done.n_prompt + done.n_generated}


def chat_completion(rid: str, model: str, text: str, done: P.Done, created: int | None = None) -> dict:
    return {"id": rid, "object": "chat.completion", "created": created or int(time.time()), "model": model, "system_fingerprint": "hangar",
            "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "logprobs": None, "finish_reason": FINISH[done.stop_reason]}],
            "usage": usage(done)}  # fmt: skip


def chat_chunk(rid: str, model: str, created: int, *, delta: dict | None = None, finish: str | None = None, usage_of: P.Done | None = None) -> dict:
    chunk: dict[str, Any] = {"id": rid, "object": "chat.completion.chunk", "created": created, "model": model, "system_fingerprint": "hangar"}
    if usage_of is not None:
        chunk["choices"], chunk["usage"] = [], usage(usage_of)
    else:
        chunk["choices"] = [{"index": 0, "delta": delta or {}, "logprobs": None, "finish_reason": finish}]
    return chunk


def completion(rid: str, model: str, text: str, done: P.Done, created: int | None = None) -> dict:
    return {"id": rid, "object": "text_completion", "created": created or int(time.time()), "model": model, "system_fingerprint": "hangar",
            "choices": [{"index": 0, "text": text, "logprobs": None, "finish_reason": FINISH[done.stop_reason]}], "usage": usage(done)}  # fmt: skip


def completion_chunk(rid: str, model: str, created: int, *, text: str = "", finish: str | None = None, usage_of: P.Done | None = None) -> dict:
    chunk: dict[str, Any] = {"id": rid, "object": "text_completion", "created": created, "model": model, "system_fingerprint": "hangar"}
    if usage_of is not None:
        chunk["choices"], chunk["usage"] = [], usage(usage_of)
    else:
        chunk["choices"] = [{"index": 0, "text": text, "logprobs": None, "finish_reason": finish}]
    return chunk


def sse(data: dict | str) -> bytes:
    payload = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False)
    return f"data: {payload}\n\n".encode("utf-8")


_TEXT_SLOT = "\x00hangar-text\x00"  # a text no model writes into a chunk: where the piece's text goes


class PieceWriter:
    """The SSE event of one stream's content pieces, ``sse(chunker(..., text))`` byte for byte, made
    from a prefix and a suffix serialised once per request: per token only the text is encoded
    (a piece's whole chunk dict through json.dumps cost a tenth of the server's time at 8 streams)."""

    def __init__(self, endpoint: str, rid: str, model: str, created: int) -> None:
        if endpoint == "chat":
            chunk = chat_chunk(rid, model, created, delta={"content": _TEXT_SLOT})
        else:
            chunk = completion_chunk(rid, model, created, text=_TEXT_SLOT)
        prefix, slot, suffix = sse(chunk).partition(json.dumps(_TEXT_SLOT, ensure_ascii=False).encode("utf-8"))
        assert slot, "the text's place is found in the chunk"
        self.prefix, self.suffix = prefix, suffix
        self._encode = json.JSONEncoder(ensure_ascii=False).encode

    def __call__(self, text: str) -> bytes:
        return self.prefix + self._encode(text).encode("utf-8") + self.suffix

    def many(self, texts: list[str]) -> bytes:
        """Several pieces' events in one write (each still its own ``data:`` event, as clients expect)."""
        prefix, suffix, encode = self.prefix, self.suffix, self._encode
        return b"".join(prefix + encode(text).encode("utf-8") + suffix for text in texts)


def models_list(entries: list[dict]) -> dict:
    return {"object": "list", "data": entries}


def model_entry(model_id: str, created: int, owned_by: str = "hangar", **extra: Any) -> dict:
    return {"id": model_id, "object": "model", "created": created, "owned_by": owned_by, **extra}
