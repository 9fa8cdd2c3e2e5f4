"""The one environment every comparison in bench/ runs both sides under.

Some machines here set OPENBLAS_CORETYPE (and OPENBLAS_L2_SIZE) for old OpenBLAS builds that misbehave
on their processors. Both libraries compared here are recent enough to pick their own kernel, and a
forced one changes the result: on an AVX-512 machine OPENBLAS_CORETYPE=Haswell halves either side's
SGEMM. So both variables are removed for Ruru *and* for NumPy/PyTorch, and each side reports the kernel
it then ran (Ruru's "blas" field, NumPy's threadpoolctl "architecture"). The thread variables are
removed too: the anchors' common.py sets them from BENCH_THREADS only when they are unset, and Ruru
takes --threads.
"""
import os

REMOVED = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def bench_env(**extra):
    """This process's environment without REMOVED, plus `extra` (e.g. BENCH_THREADS="2")."""
    env = {k: v for k, v in os.environ.items() if k not in REMOVED}
    env.update({k: str(v) for k, v in extra.items()})
    return env
