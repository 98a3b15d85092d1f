"""Discover: search the Hugging Face Hub for GGUF models."""
