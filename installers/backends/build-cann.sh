#!/usr/bin/env bash
# Add the Huawei Ascend (CANN) runtime to Hangar.
#
#   bash build-cann.sh [TARGET_DIR]
#
# Needs Linux on x86-64 or aarch64 with CANN >= 8.0.RC2 (the Ascend toolkit). The SoC is
# read from npu-smi; on a build machine without an NPU set SOC_TYPE (e.g. Ascend910B3,
# Ascend310P3). CANN runs F16, Q8_0 and Q4_0 weights: prefer those quantisations.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
target=${1:-${HANGAR_HOME:-${XDG_DATA_HOME:-$HOME/.local/share}/Hangar}/runtimes/cann}
toolkit=${ASCEND_TOOLKIT_HOME:-/usr/local/Ascend/ascend-toolkit/latest}
for env_script in "$toolkit/../set_env.sh" "$toolkit/set_env.sh" /usr/local/Ascend/ascend-toolkit/set_env.sh; do
  if [ -f "$env_script" ]; then
    # shellcheck disable=SC1090
    source "$env_script"
    break
  fi
done
[ -n "${ASCEND_TOOLKIT_HOME:-}" ] || { echo "error: the CANN toolkit was not found (looked in $toolkit); install it or set ASCEND_TOOLKIT_HOME" >&2; exit 1; }
args=(-DGGML_CANN=ON)
if [ -n "${SOC_TYPE:-}" ]; then
  args+=("-DSOC_TYPE=$SOC_TYPE")
elif ! command -v npu-smi >/dev/null; then
  echo "error: no npu-smi here to read the SoC from: set SOC_TYPE, e.g. SOC_TYPE=Ascend910B3" >&2; exit 1
fi
# build-runtime.sh fails if libggml-cann.so did not land (a known llama-cpp-python packaging slip).
exec bash "$here/build-runtime.sh" cann "$target" "${args[@]}"
