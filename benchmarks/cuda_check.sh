#!/usr/bin/env bash
# On a machine with an NVIDIA GPU and nvcc: build Hangar's CUDA runtime with the recipe,
# show the worker running on it, and measure it. Results land in $OUT (default /tmp/cuda-check).
#
#   HANGAR_PYTHON=python3 SDIST=llama_cpp_python-X.tar.gz bash benchmarks/cuda_check.sh
set -uo pipefail
out=${OUT:-/tmp/cuda-check}
mkdir -p "$out"
export HANGAR_HOME=${HANGAR_HOME:-/tmp/hangar-cuda-home}
py=${HANGAR_PYTHON:-python3}
rt=$HANGAR_HOME/runtimes/cuda
started=$(date +%s)
if ! CUDA_ARCHS=${CUDA_ARCHS:-90} bash installers/backends/build-cuda.sh "$rt" > "$out/build.log" 2>&1; then
  tail -40 "$out/build.log"; exit 1
fi
echo "build: $(( $(date +%s) - started )) s"
$py -m hangar.cli hardware --json > "$out/hardware.json"
$py -m hangar.cli hardware
$py -m hangar.cli synth /tmp/script.gguf --preset script --force
$py -m hangar.cli run /tmp/script.gguf --runtime cuda --no-fallback --prompt é --max-tokens 30 --temperature 0 --json | tee "$out/run-script.json"
$py -m hangar.cli synth /tmp/1b.gguf --preset 1b --f16 --force
$py -m hangar.cli run /tmp/1b.gguf --runtime cuda --no-fallback --prompt Hello --max-tokens 128 --json > "$out/run-1b.json"
cat "$out/run-1b.json"
LLAMA_CPP_LIB_PATH=$rt/lib $py benchmarks/worker_vs_direct.py --model /tmp/1b.gguf --ngl -1 --tokens 256 --reps 5 | tee "$out/worker_vs_direct.txt"
"$rt/lib/llama-bench" -m /tmp/1b.gguf -p 512 -n 128 -o json > "$out/llama-bench-1b.json" 2> "$out/llama-bench.log"
"$rt/lib/llama-bench" -m /tmp/1b.gguf -p 512 -n 128 2>/dev/null | tee "$out/llama-bench-1b.md"
echo "total: $(( $(date +%s) - started )) s"
