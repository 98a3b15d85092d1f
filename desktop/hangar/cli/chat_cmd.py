"""hangar-cli chat: talk to a local model in the terminal; conversations are saved."""

from __future__ import annotations

import argparse
import sys

from ..core.app import Hangar, LoadRequest
from ..core.chat.params import generate_options, normalise
from ..core.common.errors import ModelTooLarge
from .framework import Result
from .terminal import terminal_safe


class Chat:
    NAME = "chat"
    HELP = "chat with a model in the terminal (or one turn with --prompt); saved to the history unless --no-save"

    @staticmethod
    def add_arguments(parser: argparse.ArgumentParser) -> None:
        from ..core.runner.runtimes import KINDS

        parser.add_argument("model", help="a GGUF file, a library model (id, name, repo), or a remote endpoint's model as ENDPOINT:MODEL")
        parser.add_argument("--endpoint", metavar="NAME", help="the model is one of this remote endpoint's (hangar-cli endpoints list)")
        parser.add_argument("--system", default="", help="system prompt")
        parser.add_argument("--conversation", type=int, help="continue this conversation id")
        parser.add_argument("--prompt", help="send one message, print the reply, and exit")
        parser.add_argument("--no-save", action="store_true", help="keep nothing in the history")
        parser.add_argument("--runtime", choices=KINDS, default="cpu")
        parser.add_argument("--ctx", type=int, default=4096)
        parser.add_argument("--max-tokens", type=int, default=512)
        parser.add_argument("--temperature", type=float, default=0.7)
        parser.add_argument("--seed", type=int)
        parser.add_argument("--force", action="store_true", help="load even if the memory estimate says it does not fit")

    @staticmethod
    def run(args: argparse.Namespace, app: Hangar) -> Result:
        remote = f"remote:{args.endpoint}:{args.model}" if args.endpoint else args.model if app.endpoints.parse_ref(args.model) else None
        path = None if remote else app.models.resolve(args.model)[0]
        store = app.chats.scratch_store() if args.no_save else app.chats.store
        # A conversation to continue is found before anything loads; a new one is made only
        # once the model is loaded, so a refused load leaves no empty conversation behind.
        conversation = store.get(args.conversation) if args.conversation and not args.no_save else None
        if remote:  # the policy, the license verdict by the model's name, and the endpoint's model list, checked now
            loaded = app.endpoints.open_model(remote, args.ctx, on_status=args.out.progress)
            for warning in loaded.warnings:
                args.out.progress(f"warning: {warning}")
            args.out.progress(f"Prompts and replies to this model leave this machine and go to {loaded.remote.base_url}.")
        else:
            try:  # the one load path: the numbers, the fit check, the runtime, the fallback (as in the window)
                loaded = app.models.load(LoadRequest(str(path), n_ctx=args.ctx, runtime=args.runtime, force=args.force),
                                         on_status=args.out.progress, on_warning=lambda text: args.out.progress(f"warning: {text}"))  # fmt: skip
            except ModelTooLarge as exc:
                exc.hint = "Use a smaller quantisation or context (--ctx), or pass --force to try anyway."
                raise
        client, placement = loaded.client, loaded.placement
        replies = []
        try:  # Ctrl-C, SIGTERM and SIGHUP end here too: the worker is closed, the reply saved as interrupted
            params = normalise({"temperature": args.temperature, "max_tokens": args.max_tokens, "n_ctx": args.ctx, "seed": -1 if args.seed is None else args.seed})
            if conversation is None:  # named by its first message, as in the window (ChatSession.add_user)
                conversation = store.create(system_prompt=args.system, model_path=loaded.path, model_name=loaded.name, runtime=placement.runtime, params=params)
            args.out.progress(f"{loaded.name} on {placement.summary()}; conversation {conversation.id}")
            options = generate_options(params)
            session = app.chats.session(conversation.id, client, store)
            echo = (lambda text: (sys.stdout.write(terminal_safe(text)), sys.stdout.flush())) if not args.json else None  # a reply may hold escape codes
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
