"""Settings: folders, performance defaults, language and theme."""
