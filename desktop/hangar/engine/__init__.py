"""The inference worker: a child process per loaded model that runs llama.cpp.

Run as ``python -m hangar.engine``. A segfault, an out-of-memory kill or a runaway
generation here cannot take the window or the chat history down with it, and the
llama.cpp build (CPU, CUDA, CANN) is chosen per process with ``LLAMA_CPP_LIB_PATH``.
"""
