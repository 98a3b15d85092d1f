"""Hangar: run open-weight GGUF language models on your own machines."""

__version__ = "0.1.0"
