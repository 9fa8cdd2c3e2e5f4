"""The one environment every comparison in bench/ runs both sides under.

Some machines here set OPENBLAS_CORETYPE (and OPENBLAS_L2_SIZE) for old OpenBLAS builds that misbehave
on their processors. Both libraries compared here are recent enough to pick their own kernel, and a
forced one changes the result: on an AVX-512 machine OPENBLAS_CORETYPE=Haswell halves either side's
SGEMM. So both variables are removed for Ruru *and* for NumPy/PyTorch, and each side reports the kernel
it then ran (Ruru's "blas" field, NumPy's threadpoolctl "architecture"). The thread variables are
removed too: the anchors' common.py sets them from BENCH_THREADS only when they are unset, and Ruru
takes --threads.
"""
import os, subprocess, sys

REMOVED = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def bench_env(**extra):
    """This process's environment without REMOVED, plus `extra` (e.g. BENCH_THREADS="2")."""
    env = {k: v for k, v in os.environ.items() if k not in REMOVED}
    env.update({k: str(v) for k, v in extra.items()})
    return env


def openmp_blas_dir():
    """The directory of Debian's OpenMP OpenBLAS (libopenblas0-openmp), or None when it is not installed."""
    try:
        files = subprocess.run(["dpkg", "-L", "libopenblas0-openmp"], capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    libs = [line for line in files.splitlines() if line.endswith("/libblas.so.3")]
    return os.path.dirname(libs[0]) if libs else None


def torch_env(threads):
    """bench_env for a PyTorch anchor at `threads`: above one thread on the OpenMP OpenBLAS, PyTorch's
    fair configuration on two cores (../shared/anchors/README.md), when it is installed."""
    env = bench_env(BENCH_THREADS=threads)
    if threads > 1:
        blas = openmp_blas_dir()
        if blas is None:
            print("bench: libopenblas0-openmp is not installed; PyTorch above 1 thread uses the default OpenBLAS", file=sys.stderr)
        else:
            env["LD_LIBRARY_PATH"] = blas + (":" + env["LD_LIBRARY_PATH"] if env.get("LD_LIBRARY_PATH") else "")
    return env
