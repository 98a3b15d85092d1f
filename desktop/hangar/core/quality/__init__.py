"""Quant quality: perplexity over a text and KL divergence against a reference (llama-perplexity's method).

text.py checks the text file, vocab.py tells whether two GGUF files share a tokenizer, store.py
keeps the measured runs; the measurement runs in the worker (engine/perplexity.py) and the
application layer (core/app/quality.py) ties them together.
"""
