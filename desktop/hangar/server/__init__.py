"""The server face: an OpenAI-compatible HTTP API over the application layer (core/app/serving.py)."""
