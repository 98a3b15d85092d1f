"""hangar-cli serve: an OpenAI-compatible HTTP server over the library's models.

Runs until Ctrl-C (or SIGTERM). The address, the models and the examples go to stderr;
with --json, one JSON line on stdout says where it listens as soon as it does (a script
can read the port when it asked for port 0), and the summary follows when it stops.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from ..core.app import Hangar
from ..core.app.api_keys import key_file_secrets
from ..core.app.pool_terms import ServeOptions
from ..core.runner.runtimes import KINDS
from ..server.runner import DEFAULT_HOST, DEFAULT_PORT, ServerRunner, ServerSettings
from .framework import Result

NAME = "serve"
HELP = "serve the library's models over an OpenAI-compatible HTTP API (127.0.0.1 unless an API key exists)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("models", metavar="MODEL", nargs="*", help="library models to load at start (id, alias, name); others load on first request")
    parser.add_argument("--host", default=DEFAULT_HOST, help=f"address to listen on (default {DEFAULT_HOST}; any other needs an API key)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT}; 0 picks a free one)")
    parser.add_argument("--parallel", type=int, default=1, metavar="N", help="requests decoded together per model (default 1)")
    parser.add_argument("--queue", type=int, default=None, metavar="N", help="requests that may wait behind them per model (default 4 x --parallel); past it: 503")
    parser.add_argument("--ctx", type=int, default=4096, metavar="N", help="context size in tokens per model worker (default 4096)")
    parser.add_argument("--api-key-file", type=Path, default=None, metavar="F", help="a file of API keys (one a line) accepted besides `hangar-cli keys`")
    parser.add_argument("--runtime", choices=KINDS, default=None, help="llama.cpp build (default: the best on this machine)")
    parser.add_argument("--keep-alive", type=float, default=300.0, metavar="S", help="unload a model after S seconds without a request (0: never; default 300)")
    parser.add_argument("--cors-origin", action="append", default=[], metavar="ORIGIN", help="allow browser pages from ORIGIN (repeatable; default: no CORS)")
    parser.add_argument("--log-prompts", action="store_true", help="keep prompt text in the request log (off by default)")


def _examples(url: str, model: str, needs_key: bool) -> str:
    auth = ' -H "Authorization: Bearer $HANGAR_API_KEY"' if needs_key else ""
    key = 'os.environ["HANGAR_API_KEY"]' if needs_key else '"none"'
    return (f"  curl {url}/v1/chat/completions{auth} -H 'Content-Type: application/json' \\\n"
            f"       -d '{{\"model\": \"{model}\", \"messages\": [{{\"role\": \"user\", \"content\": \"Hello\"}}]}}'\n"
            f"  python: OpenAI(base_url=\"{url}/v1\", api_key={key}).chat.completions.create(model=\"{model}\", messages=[...])")  # fmt: skip


def run(args: argparse.Namespace, app: Hangar) -> Result:
    say = args.out.progress
    secrets = key_file_secrets(args.api_key_file) if args.api_key_file else []
    serve = ServeOptions(n_parallel=args.parallel, n_ctx=args.ctx, runtime=args.runtime, keep_alive_s=args.keep_alive,
                         queue_size=args.queue, log_prompts=args.log_prompts)  # fmt: skip
    settings = ServerSettings(host=args.host, port=args.port, serve=serve, api_key_secrets=secrets, cors_origins=args.cors_origin)
    runner = ServerRunner(app, settings)
    app.serving.configure(serve)
    for name in args.models:  # an unknown or blocked model stops here, before the port opens
        app.serving.find(name)
    runner.start()
    started = time.time()
    try:
        for name in args.models:
            say(f"loading {name} ...")
            entry = app.serving.preload(name)
            say(f"{entry.alias} ready on {entry.loaded.placement.summary() if entry.loaded else '?'}")
        entries = app.serving.models()
        info = {"url": runner.url, "host": settings.host, "port": runner.port, "api_key_required": runner.auth.required,
                "parallel": serve.n_parallel, "models": [e.to_dict() for e in entries]}  # fmt: skip
        if args.json:
            print(json.dumps({"event": "listening", **info}, ensure_ascii=False), flush=True)
        else:
            say(f"serving on {runner.url} (OpenAI API at {runner.url}/v1); Ctrl-C stops")
            say("models: " + (", ".join(f"{e.alias} (id {e.id})" for e in entries) or "none in the library yet"))
            if entries:
                say("examples:\n" + _examples(runner.url, entries[0].alias, runner.auth.required))
        while runner.running:
            runner.wait(0.5)
    except KeyboardInterrupt:
        say("stopping ...")
    finally:
        runner.stop()
    log = [r.to_dict() for r in app.serving.log]
    data = {"url": runner.url, "served_s": round(time.time() - started, 1), "requests": len(log),
            "ok": sum(1 for r in log if r["status"] == "ok")}  # fmt: skip
    return Result(data, f"served {data['requests']} requests in {data['served_s']} s" if not args.json else None)


