"""Conversations: stored in SQLite as they stream, run through the inference worker."""
