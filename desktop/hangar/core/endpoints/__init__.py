"""Remote endpoints: any OpenAI-compatible server (vLLM, vLLM-Ascend, MindIE, TGI,
llama-server, Ollama, another Hangar) whose models Chat and the serving benchmark use
beside the local ones.

registry.py  the endpoints (name, base URL ending in /v1, CA bundle, verify TLS, whether a key
             is stored, the model list and when it was read): ``endpoints.json`` in the data folder
keys.py      each endpoint's API key, in the OS keyring only (never the file, the database or a log)
http.py      the HTTP client for one endpoint (TLS, the key header), GET /v1/models, status checks
errors.py    every way an endpoint can fail, each with its own message
remote.py    RemoteClient: EngineClient's generate() surface over /v1/chat/completions (SSE)
licensing.py the license policy applied to a remote model by its name or repo

No Qt here; the application layer's face is core/app/endpoints.py (``app.endpoints``).
"""
