"""Chat: conversations with a local model."""
