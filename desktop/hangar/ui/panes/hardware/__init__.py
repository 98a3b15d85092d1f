"""Hardware: CPUs, GPUs, NPUs and the llama.cpp runtimes that can use them."""
