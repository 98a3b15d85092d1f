"""llama.cpp's own quantiser (llama_model_quantize), run in a worker process.

Used to turn Hangar's synthetic F16 (or Q8_0) models into Q4_K_M / Q8_0 files of a real shape,
so hardware can be benchmarked before anyone downloads gigabytes.
"""

from __future__ import annotations

import os
import time

FTYPES = {"Q4_0": 2, "Q8_0": 7, "Q4_K_M": 15, "Q5_K_M": 17, "Q6_K": 18, "F16": 1}


def quantize(src: str, dst: str, kind: str) -> dict:
    import llama_cpp.llama_cpp as low

    from .model import physical_cores

    if kind not in FTYPES:
        raise SystemExit(f"unknown quantisation {kind}; choose one of {', '.join(FTYPES)}")
    params = low.llama_model_quantize_default_params()
    params.ftype = FTYPES[kind]
    params.nthread = physical_cores()
    # A synthetic Q8_0 source (synth.py writes big shapes straight as Q8_0, half of F16's disk)
    # may be requantised: the weights are random, so nothing of quality is lost by it.
    params.allow_requantize = True
    tmp = dst + ".partial"
    started = time.perf_counter()
    code = low.llama_model_quantize(src.encode(), tmp.encode(), params)
    if code != 0:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise SystemExit(f"llama_model_quantize failed with code {code}")
    os.replace(tmp, dst)
    return {"path": dst, "type": kind, "seconds": round(time.perf_counter() - started, 1), "size_bytes": os.path.getsize(dst)}
