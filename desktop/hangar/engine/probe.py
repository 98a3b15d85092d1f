"""What the llama.cpp build loaded in this process can do: its devices and features.

Asked of the library itself (ggml's device registry through ctypes), so that a CUDA
build with no driver shows no GPU instead of pretending. Used by the worker's hello
event and by ``python -m hangar.engine --probe`` for the runtime registry.
"""

from __future__ import annotations

import ctypes
from importlib import metadata
from pathlib import Path

_DEVICE_TYPES = {0: "cpu", 1: "gpu", 2: "igpu", 3: "accel", 4: "meta"}


def library_dir(llama_cpp_module) -> Path:
    return Path(llama_cpp_module._lib._name).resolve().parent


def devices(lib_dir: Path) -> list[dict]:
    """Every device ggml registered, with its memory."""
    found = []
    try:
        ggml = ctypes.CDLL(str(lib_dir / "libggml.so"))
        base = ctypes.CDLL(str(lib_dir / "libggml-base.so"))
    except OSError:
        return found
    ggml.ggml_backend_dev_count.restype = ctypes.c_size_t
    ggml.ggml_backend_dev_get.restype = ctypes.c_void_p
    ggml.ggml_backend_dev_get.argtypes = [ctypes.c_size_t]
    for name in ("ggml_backend_dev_name", "ggml_backend_dev_description"):
        getattr(base, name).restype = ctypes.c_char_p
        getattr(base, name).argtypes = [ctypes.c_void_p]
    base.ggml_backend_dev_type.restype = ctypes.c_int
    base.ggml_backend_dev_type.argtypes = [ctypes.c_void_p]
    base.ggml_backend_dev_memory.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_size_t), ctypes.POINTER(ctypes.c_size_t)]
    for index in range(ggml.ggml_backend_dev_count()):
        dev = ggml.ggml_backend_dev_get(index)
        free, total = ctypes.c_size_t(0), ctypes.c_size_t(0)
        base.ggml_backend_dev_memory(dev, ctypes.byref(free), ctypes.byref(total))
        found.append(
            {
                "name": (base.ggml_backend_dev_name(dev) or b"").decode(),
                "description": (base.ggml_backend_dev_description(dev) or b"").decode(),
                "type": _DEVICE_TYPES.get(base.ggml_backend_dev_type(dev), "other"),
                "memory_free_bytes": free.value,
                "memory_total_bytes": total.value,
            }
        )
    return found


def probe() -> dict:
    import llama_cpp

    lib_dir = library_dir(llama_cpp.llama_cpp)
    llama_cpp.llama_backend_init()
    info = llama_cpp.llama_print_system_info()
    return {
        "llama_cpp_python": getattr(llama_cpp, "__version__", None) or metadata.version("llama-cpp-python"),
        "library_path": str(lib_dir),
        "gpu_offload": bool(llama_cpp.llama_supports_gpu_offload()),
        "system_info": info.decode(errors="replace").strip() if isinstance(info, bytes) else str(info),
        "devices": devices(lib_dir),
    }
