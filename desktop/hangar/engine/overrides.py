"""Tensor buffer overrides: the expert tensors of the first N layers kept in RAM (llama.cpp's --n-cpu-moe).

llama-cpp-python 0.3.36 marks ``llama_model_params.tensor_buft_overrides`` unused and never
sets it from ``Llama()``, so the worker fills it itself: a NULL-terminated array of
``llama_model_tensor_buft_override {pattern, buft}``, one pattern per layer as llama.cpp's
``llm_add_n_cpu_ffn_overrides`` builds them, each with the CPU buffer type. The buffer type is
asked of the libggml this process loaded (``LLAMA_CPP_LIB_PATH`` may point at a CUDA or
CANN build, whose libggml is not llama_cpp/lib's), through the CPU device. llama.cpp reads
the array while it loads; the caller keeps the returned object alive for the model's lifetime
anyway, so nothing it points to can be freed under it.

What llama.cpp then did is read back from its log (``describe_overrides``): one line per
tensor moved, "tensor blk.0.ffn_up_exps.weight (3 MiB f16) buffer type overridden to CPU".
"""

from __future__ import annotations

import ctypes
import re
from pathlib import Path

from ..core.runner.protocol import EXPERTS_REGEX

_OVERRIDDEN = re.compile(r"tensor (\S+) \((\d+) MiB \S+\) buffer type overridden to (\S+)")
GGML_BACKEND_DEVICE_TYPE_CPU = 0


class Override(ctypes.Structure):
    _fields_ = [("pattern", ctypes.c_char_p), ("buft", ctypes.c_void_p)]


def expert_patterns(n_cpu_moe: int) -> list[str]:
    """``blk\\.i\\.ffn_(up|down|gate|gate_up)_(ch|)exps`` for the first ``n_cpu_moe`` layers, as llama.cpp writes them."""
    return [f"blk\\.{i}{EXPERTS_REGEX}" for i in range(n_cpu_moe)]


def cpu_buffer_type(lib_dir: Path) -> int:
    """``ggml_backend_dev_buffer_type(ggml_backend_dev_by_type(CPU))`` of the loaded build (an address)."""
    ggml = ctypes.CDLL(str(lib_dir / "libggml.so"))
    base = ctypes.CDLL(str(lib_dir / "libggml-base.so"))
    ggml.ggml_backend_dev_by_type.restype = ctypes.c_void_p
    ggml.ggml_backend_dev_by_type.argtypes = [ctypes.c_int]
    base.ggml_backend_dev_buffer_type.restype = ctypes.c_void_p
    base.ggml_backend_dev_buffer_type.argtypes = [ctypes.c_void_p]
    device = ggml.ggml_backend_dev_by_type(GGML_BACKEND_DEVICE_TYPE_CPU)
    if not device:
        raise RuntimeError("llama.cpp has no CPU device")
    return base.ggml_backend_dev_buffer_type(device)


class BufferOverrides:
    """The NULL-terminated override array and everything it points to, alive as long as this object."""

    def __init__(self, patterns: list[str], buft: int) -> None:
        self.patterns = [p.encode() for p in patterns]
        self.array = (Override * (len(patterns) + 1))()
        for slot, pattern in zip(self.array, self.patterns):
            slot.pattern, slot.buft = pattern, buft
        self.array[len(patterns)].pattern, self.array[len(patterns)].buft = None, None

    @property
    def address(self) -> int:
        return ctypes.addressof(self.array)


def expert_overrides(low, n_cpu_moe: int) -> BufferOverrides | None:  # noqa: ANN001 - llama_cpp.llama_cpp
    """The overrides that keep the first ``n_cpu_moe`` layers' experts in RAM, or None for 0."""
    if n_cpu_moe <= 0:
        return None
    from .probe import library_dir

    return BufferOverrides(expert_patterns(n_cpu_moe), cpu_buffer_type(library_dir(low)))


def describe_overrides(lines: list[str]) -> tuple[int, float]:
    """(tensors moved, their MiB) from llama.cpp's log lines."""
    moved = _OVERRIDDEN.findall("\n".join(lines))
    return len(moved), float(sum(int(mib) for _name, mib, _buft in moved))
