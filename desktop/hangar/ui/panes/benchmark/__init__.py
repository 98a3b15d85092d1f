"""Benchmark: llama-bench-exact speed, energy and cost measurements."""
