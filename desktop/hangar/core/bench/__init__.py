"""Benchmarks: running and storing them, llama-bench-named exports, cost per million tokens."""
