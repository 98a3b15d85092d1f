"""The Hugging Face Hub as Hangar uses it: search, repo details, GGUF files and tokens."""
