#!/usr/bin/env bash
# Add the NVIDIA CUDA runtime to Hangar.
#
#   bash build-cuda.sh [TARGET_DIR]
#
# Needs the CUDA toolkit (nvcc) and an NVIDIA driver. TARGET_DIR defaults to Hangar's
# runtimes folder (hangar-cli info shows the data folder). CUDA_ARCHS limits the GPU
# architectures compiled (e.g. CUDA_ARCHS=90 for H100/H200, 89 for L40S/RTX 40xx; much
# faster to build); by default llama.cpp compiles for the GPUs it finds, or a common set.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
target=${1:-${HANGAR_HOME:-${XDG_DATA_HOME:-$HOME/.local/share}/Hangar}/runtimes/cuda}
command -v nvcc >/dev/null || [ -x /usr/local/cuda/bin/nvcc ] || {
  echo "error: nvcc not found: install the CUDA toolkit (https://developer.nvidia.com/cuda-downloads)" >&2; exit 1; }
export PATH="$PATH:/usr/local/cuda/bin"
args=(-DGGML_CUDA=ON)
[ -n "${CUDA_ARCHS:-}" ] && args+=("-DCMAKE_CUDA_ARCHITECTURES=$CUDA_ARCHS")
exec bash "$here/build-runtime.sh" cuda "$target" "${args[@]}"
