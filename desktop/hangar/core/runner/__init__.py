"""Running a model: the worker protocol and client, runtimes (CPU/CUDA/CANN), memory fit, placement.

Kept free of imports here: the worker process imports runner.protocol and must not load the rest."""
