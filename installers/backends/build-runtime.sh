#!/usr/bin/env bash
# Build a llama.cpp runtime (CUDA, CANN, or a CPU variant) that Hangar's worker loads
# through LLAMA_CPP_LIB_PATH, from the same llama.cpp source as Hangar's llama-cpp-python.
#
#   build-runtime.sh NAME TARGET_DIR [extra cmake arguments...]
#
# Environment:
#   HANGAR_PYTHON              the Python that runs Hangar (default: ../../.venv/bin/python, then python3)
#   LLAMA_CPP_PYTHON_VERSION   the llama-cpp-python version to match (default: asked of HANGAR_PYTHON)
#   SDIST                      a llama_cpp_python-VERSION.tar.gz already on disk (offline machines);
#                              otherwise it is downloaded from PyPI with pip
#   JOBS                       parallel compile jobs (default: all cores)
#
# The result: TARGET_DIR/lib/{libllama.so, libggml*.so}, llama.cpp's own measuring tools from
# the same build in TARGET_DIR/lib (llama-bench, llama-batched-bench, llama-perplexity; the
# benchmarks/ scripts compare Hangar with them) and TARGET_DIR/manifest.json. Hangar shows the
# runtime in the Hardware pane once it loads.
set -euo pipefail

name=${1:?usage: build-runtime.sh NAME TARGET_DIR [cmake args...]}
target=${2:?usage: build-runtime.sh NAME TARGET_DIR [cmake args...]}
shift 2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)

python=${HANGAR_PYTHON:-}
if [ -z "$python" ]; then
  if [ -x "$repo/.venv/bin/python" ]; then python="$repo/.venv/bin/python"; else python=python3; fi
fi
version=${LLAMA_CPP_PYTHON_VERSION:-$("$python" -c 'import importlib.metadata as m; print(m.version("llama-cpp-python"))' 2>/dev/null || true)}
if [ -z "$version" ]; then  # inside a PyInstaller bundle (installers/hangar.spec): its own metadata
  meta=$(ls -d "$repo"/llama_cpp_python-*.dist-info 2>/dev/null | head -n 1)
  if [ -n "$meta" ]; then version=${meta##*/llama_cpp_python-}; version=${version%.dist-info}; fi
fi
if [ -z "$version" ]; then
  echo "error: cannot tell which llama-cpp-python Hangar uses; set HANGAR_PYTHON or LLAMA_CPP_PYTHON_VERSION" >&2
  exit 1
fi
command -v cmake >/dev/null || { echo "error: cmake is needed (apt-get install cmake, or pip install cmake)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/hangar-runtime-$name.XXXXXX")
trap 'rm -rf "$work"' EXIT
if [ -z "${SDIST:-}" ]; then
  echo "downloading the llama-cpp-python $version source..."
  "$python" -m pip download --quiet --no-deps --no-binary :all: "llama-cpp-python==$version" -d "$work"
  SDIST=$(ls "$work"/llama_cpp_python-*.tar.gz)
fi
echo "unpacking $SDIST"
tar -xzf "$SDIST" -C "$work"
src=$(ls -d "$work"/llama_cpp_python-*/vendor/llama.cpp)

echo "configuring llama.cpp for $name: $*"
cmake -S "$src" -B "$work/build" -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=ON \
  -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_SERVER=OFF -DLLAMA_BUILD_TOOLS=ON \
  -DLLAMA_CURL=OFF -DLLAMA_OPENSSL=OFF \
  -DCMAKE_BUILD_WITH_INSTALL_RPATH=ON -DCMAKE_INSTALL_RPATH='$ORIGIN' "$@"
tools=(llama-bench llama-batched-bench llama-perplexity)  # CMake targets under tools/ of the vendored llama.cpp
cmake --build "$work/build" --config Release -j "${JOBS:-$(nproc 2>/dev/null || echo 4)}" --target llama "${tools[@]}"

mkdir -p "$target/lib"
find "$work/build" -name 'lib*.so*' \( -type f -o -type l \) -exec cp -P {} "$target/lib/" \;
for tool in "${tools[@]}"; do cp "$work/build/bin/$tool" "$target/lib/"; done
echo "installed into $target/lib:"
ls "$target/lib"

backend_lib=""
case "$name" in
  cuda) backend_lib=libggml-cuda.so ;;
  cann) backend_lib=libggml-cann.so ;;
esac
if [ -n "$backend_lib" ] && [ ! -e "$target/lib/$backend_lib" ]; then
  echo "error: $backend_lib was not built; check the cmake output above" >&2
  exit 1
fi

commit=$(grep -o '"[0-9a-f]\{40\}"' "$src/../../llama_cpp/__init__.py" 2>/dev/null | head -1 | tr -d '"' || true)
cat > "$target/manifest.json" <<JSON
{
  "name": "$name",
  "llama_cpp_python": "$version",
  "lib_dir": "lib",
  "built_at": "$(date -u +%Y-%m-%dT%H:%M:%SZ)",
  "cmake_args": "$*",
  "llama_cpp_commit": "${commit:-unknown}"
}
JSON
echo "done: $name runtime for llama-cpp-python $version in $target"
