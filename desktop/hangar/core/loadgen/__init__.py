"""The serving benchmark: many concurrent streamed requests against an OpenAI-compatible endpoint.

Hangar's own server or any other (vLLM, vLLM-Ascend, MindIE, llama-server, Ollama, TGI) is
measured the way vLLM's ``vllm bench serve`` measures one, with its field names:

- ``target``   the endpoint: base URL, API key, CA bundle, the models it lists, its engine
- ``workload`` the prompts: random words calibrated to an exact token count, or a prompt file
- ``client``   one streamed request, timed (TTFT, every inter-token gap, end-to-end)
- ``sse``      reading a Server-Sent Events stream strictly (garbage is an error, not a token)
- ``sweep``    the load: per concurrency level, closed loop or Poisson/gamma arrivals; cancel
- ``metrics``  a level's numbers from its samples (throughput, percentiles, goodput)
- ``document`` the versioned run document (``hangar.run/1``, kind ``bench-serve``)
- ``errors``   every way an endpoint can fail, each with its own message

No Qt and no worker here: the application layer (core/app/serve_bench.py) runs it for the
window and the CLI. docs/serving-benchmark.md writes the method down.
"""
