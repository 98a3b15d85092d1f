"""Resumable, verified downloads and the persistent queue that runs them."""
