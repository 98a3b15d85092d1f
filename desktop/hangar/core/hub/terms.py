"""Search vocabulary shared by the catalog, the CLI and the Discover pane (no imports)."""

SORTS = {"downloads": "downloads", "likes": "likes", "trending": "trending_score", "recent": "last_modified"}
# Family chip -> the substring that finds its repositories.
FAMILIES = {
    "Qwen": "qwen", "DeepSeek": "deepseek", "openPangu": "pangu", "Hunyuan": "hunyuan",
    "Llama": "llama", "Gemma": "gemma", "Mistral": "mistral", "Phi": "phi",
}  # fmt: skip
