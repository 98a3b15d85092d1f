"""The copyable examples: curl and the ``openai`` Python client, with the real address and model."""

from __future__ import annotations

import json


def curl_example(url: str, model: str, needs_key: bool) -> str:
    body = json.dumps({"model": model, "messages": [{"role": "user", "content": "Hello!"}]}, ensure_ascii=False)
    lines = [f"curl {url}/v1/chat/completions", '  -H "Content-Type: application/json"']
    if needs_key:
        lines.append('  -H "Authorization: Bearer $HANGAR_API_KEY"')
    lines.append(f"  -d '{body}'")
    return " \\\n".join(lines) + "\n"


def python_example(url: str, model: str, needs_key: bool) -> str:
    key = 'os.environ["HANGAR_API_KEY"]' if needs_key else '"none"  # no API key is set'
    head = "import os\n\n" if needs_key else ""
    return (
        f"{head}from openai import OpenAI\n\n"
        f'client = OpenAI(base_url="{url}/v1", api_key={key})\n'
        f"reply = client.chat.completions.create(\n"
        f"    model={json.dumps(model, ensure_ascii=False)},\n"
        f'    messages=[{{"role": "user", "content": "Hello!"}}],\n'
        f")\n"
        f"print(reply.choices[0].message.content)\n"
    )
