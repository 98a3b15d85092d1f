"""Library: the models on this machine."""
