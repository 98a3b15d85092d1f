"""hangar-cli chat: talk to a local model in the terminal; conversations are saved."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..core import engine_protocol as P
from ..core.context import AppContext
from .framework import Result


class Chat:
    NAME = "chat"
    HELP = "chat with a model in the terminal (or one turn with --prompt); saved to the history unless --no-save"

    @staticmethod
    def add_arguments(parser: argparse.ArgumentParser) -> None:
        from ..core.runtimes import KINDS

        parser.add_argument("model", help="a GGUF file or a library model (id, name, repo)")
        parser.add_argument("--system", default="", help="system prompt")
        parser.add_argument("--conversation", type=int, help="continue this conversation id")
        parser.add_argument("--prompt", help="send one message, print the reply, and exit")
        parser.add_argument("--no-save", action="store_true", help="keep nothing in the history")
        parser.add_argument("--runtime", choices=KINDS, default="cpu")
        parser.add_argument("--ctx", type=int, default=4096)
        parser.add_argument("--max-tokens", type=int, default=512)
        parser.add_argument("--temperature", type=float, default=0.7)
        parser.add_argument("--seed", type=int)

    @staticmethod
    def run(args: argparse.Namespace, ctx: AppContext) -> Result:
        from ..core.chat.session import ChatSession
        from ..core.chat.store import ChatStore
        from ..core.inference import start_model
        from ..core.library import Library
        from ..core.runtimes import detect_runtime
        from ..core.store import Database

        path = Path(args.model)
        if not path.is_file():
            path = Path(Library(ctx.database).get(args.model).path)
        store = ChatStore(Database(Path(":memory:")) if args.no_save else ctx.database)
        runtime = detect_runtime(args.runtime, ctx.paths.runtimes_dir)
        if args.conversation and not args.no_save:
            conversation = store.get(args.conversation)
        else:
            title = (args.prompt or "Terminal chat")[:60]
            conversation = store.create(title, system_prompt=args.system, model_path=str(path), model_name=path.name, runtime=runtime.name,
                                        params={"temperature": args.temperature, "max_tokens": args.max_tokens, "n_ctx": args.ctx})  # fmt: skip
        client, placement = start_model(
            P.LoadOptions(path=str(path.resolve()), n_ctx=args.ctx, n_threads=ctx.settings.threads), runtime,
            allow_fallback=ctx.settings.gpu_fallback_to_cpu, runtimes_dir=ctx.paths.runtimes_dir, on_status=args.out.progress,
        )  # fmt: skip
        args.out.progress(f"{path.name} on {placement.summary()}; conversation {conversation.id}")
        options = P.GenerateOptions(max_tokens=args.max_tokens, temperature=args.temperature, seed=args.seed)
        session = ChatSession(store, client, conversation.id)
        echo = (lambda text: (sys.stdout.write(text), sys.stdout.flush())) if not args.json else None
        replies = []
        try:
            prompts = [args.prompt] if args.prompt is not None else _interactive()
            for prompt in prompts:
                reply = session.send(prompt, options, echo)
                replies.append(reply)
                if echo:
                    sys.stdout.write("\n")
                if reply.dropped_turns:
                    args.out.progress(f"(the oldest {reply.dropped_turns} turn(s) no longer fit the context and were left out)")
        finally:
            client.close()
        data = {"conversation": None if args.no_save else conversation.id, "replies": [r.__dict__ for r in replies], "placement": placement.to_dict()}
        return Result(data, None)


def _interactive():
    print("Type a message and press Enter; /exit or Ctrl+D ends the chat.", file=sys.stderr)
    while True:
        try:
            line = input("> ")
        except EOFError:
            return
        if line.strip() in ("/exit", "/quit"):
            return
        if line.strip():
            yield line
