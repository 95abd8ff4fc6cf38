"""The matrix library the language model multiplies with.

spaCy's English model spends most of a parse multiplying small matrices (a few hundred rows by
96 to 288 columns) through thinc, by default with BLIS. The BLIS wheel picks its kernels by CPU
model when it loads and falls back to its generic C kernel on a CPU it does not know: on an AMD
EPYC with AVX-512 it chose the generic kernel, and the model's parse took 1.35 times as long
as with NumPy's OpenBLAS, which picks its kernels by instruction set (200 generated articles,
one process: 30.6 against 22.3 ms of CPU an article). Which is faster depends on the machine,
so ``blas_choice`` times one multiplication of the model's shape with both, once per process,
and ``load_model`` builds the model's layers on the faster. The parse is the same with either:
the same entities, tags, heads, labels and sentences on 2,146 articles compared, and the same
analysis of each (``tests/analysis/test_matrices.py`` compares the samples).

OpenBLAS is held to one thread in the processes that parse: matrices this small gain nothing
from a second thread and cost the handing over (measured: two threads used 1.9 times the CPU
for the same wall time), and ingest already runs one process per core.

``$ALIGNMENT_BLAS`` set to ``blis`` or ``numpy`` skips the timing; ``auto`` (the default) times.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

BLAS_ENV = "ALIGNMENT_BLAS"
CHOICES = ("blis", "numpy")
SHAPE = (128, 288, 288)
"""Rows, inner and output width of the timed product: a window of three 96-wide token vectors
into a 96-wide layer of three pieces, the shape of the model's token-to-vector layers."""
MARGIN = 0.8
"""NumPy is chosen only when it takes less than this share of BLIS's time, so that noise in
the timing never swaps libraries on a machine where both are about as fast."""
REPEATS = 9


class BlasError(ValueError):
    """``$ALIGNMENT_BLAS`` names no library (one-line message for the user)."""


def _best_of(fn: Callable[[], object], repeats: int = REPEATS) -> float:
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def one_thread() -> None:
    """Hold the BLAS libraries loaded in this process to one thread each."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")


def requested() -> str:
    """The library ``$ALIGNMENT_BLAS`` asks for: ``blis``, ``numpy`` or ``auto``."""
    value = os.environ.get(BLAS_ENV, "auto").strip().lower() or "auto"
    if value not in (*CHOICES, "auto"):
        raise BlasError(f"{BLAS_ENV} must be blis, numpy or auto, not {value!r}")
    return value


def time_both() -> dict[str, float]:
    """Seconds of one product of ``SHAPE`` with BLIS and with NumPy, best of ``REPEATS``."""
    import blis.py
    import numpy as np

    rows, inner, width = SHAPE
    rng = np.random.default_rng(0)
    x = rng.standard_normal((rows, inner), dtype=np.float32)
    w = rng.standard_normal((width, inner), dtype=np.float32)
    out = np.empty((rows, width), dtype=np.float32)
    # Both once first: the first call of each pays for its library's set-up.
    blis.py.gemm(x, w, trans2=True, out=out)
    np.dot(x, w.T, out=out)
    return {
        "blis": _best_of(lambda: blis.py.gemm(x, w, trans2=True, out=out)),
        "numpy": _best_of(lambda: np.dot(x, w.T, out=out)),
    }


def faster(seconds: dict[str, float]) -> str:
    """The library to use given each one's time: NumPy only by a clear margin."""
    return "numpy" if seconds["numpy"] < MARGIN * seconds["blis"] else "blis"


@lru_cache(maxsize=1)
def blas_choice() -> str:
    """The library this process's model multiplies with: the one ``$ALIGNMENT_BLAS`` names,
    else the faster here. BLAS is held to one thread first."""
    wanted = requested()
    one_thread()
    return wanted if wanted != "auto" else faster(time_both())


def load_model(name: str, *, library: str | None = None) -> Language:
    """``spacy.load(name)`` with its layers built on ``library`` (default: ``blas_choice()``)."""
    import spacy
    from thinc.api import use_ops

    library = library or blas_choice()
    if library not in CHOICES:
        raise BlasError(f"no matrix library {library!r}; choose blis or numpy")
    with use_ops("numpy", use_blis=library == "blis"):
        return spacy.load(name)
