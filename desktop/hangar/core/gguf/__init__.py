"""GGUF files: the header parser (local and HTTP Range), ggml type tables, synthetic models."""
