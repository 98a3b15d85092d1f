#!/usr/bin/env bash
# Issue 17's GPU acceptance, on a machine with an NVIDIA GPU, ~60 GB of disk and Hangar's CUDA
# runtime built (benchmarks/cuda_check.sh builds it into $HANGAR_HOME/runtimes/cuda):
#   1. a synthetic Qwen3-30B-A3B-shaped model written straight as Q8_0 (32 GB; no 61 GB F16 first),
#      requantised to Q4_K_M by llama.cpp's own quantiser (18.6 GB), the Q8_0 then removed;
#   2. hangar-cli bench with the automatic plan restricted to 8 GB of VRAM (--vram-limit 8
#      --n-cpu-moe auto): the plan picks how many layers keep their experts in RAM, the JSON says K;
#   3. llama-bench from the same build with -ncmoe K on the same file, for the t/s beside it.
# Results land in $OUT (default /tmp/moe-gpu); the last lines print both and their ratio.
#
#   HANGAR_PYTHON=.venv/bin/python bash benchmarks/moe_gpu_acceptance.sh
set -euo pipefail
out=${OUT:-/tmp/moe-gpu}
work=${WORK:-/tmp/moe-gpu-models}
py=${HANGAR_PYTHON:-python3}
export HANGAR_HOME=${HANGAR_HOME:-/tmp/hangar-cuda-home}
rt=$HANGAR_HOME/runtimes/cuda
mkdir -p "$out" "$work"
started=$(date +%s)
q4="$work/qwen3-30b-a3b-Q4_K_M.gguf"
if [ ! -f "$q4" ]; then
  $py -m hangar.cli synth "$work/qwen3-30b-a3b-Q8_0.gguf" --preset qwen3-30b-a3b --q8-0 --large --force
  echo "written: $(( $(date +%s) - started )) s"
  LLAMA_CPP_LIB_PATH=$rt/lib $py -m hangar.engine --quantize "$work/qwen3-30b-a3b-Q8_0.gguf" "$q4" Q4_K_M | tee "$out/quantize.json"
  rm -f "$work/qwen3-30b-a3b-Q8_0.gguf"
fi
$py -m hangar.cli bench "$q4" --runtime cuda --n-cpu-moe auto --vram-limit 8 -p 512 -n 128 -r 3 --json > "$out/hangar-bench.json"
k=$($py -c 'import json,sys; print(json.load(open(sys.argv[1]))["n_cpu_moe"] or 0)' "$out/hangar-bench.json")
echo "the plan for 8 GB keeps the experts of $k layers in RAM"
"$rt/lib/llama-bench" -m "$q4" -p 512 -n 128 -r 3 -ncmoe "$k" -o json > "$out/llama-bench.json" 2> "$out/llama-bench.log"
$py - "$out/hangar-bench.json" "$out/llama-bench.json" <<'PY'
import json, sys
hangar, reference = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
def speeds(rows):
    return {("pp" if r["n_prompt"] else "tg"): r["avg_ts"] for r in rows}
h, r = speeds(hangar["results"]), speeds(reference)
for test in ("pp", "tg"):
    print(f"{test}: hangar {h[test]:.1f} t/s, llama-bench {r[test]:.1f} t/s, ratio {h[test] / r[test]:.3f}")
PY
echo "total: $(( $(date +%s) - started )) s"
