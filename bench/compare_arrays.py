#!/usr/bin/python3
"""Issue 2's array benchmarks: Ruru beside NumPy on this machine, in one session, as a Markdown table.

Runs `ruru bench ... --json` and the NumPy anchor scripts of ../shared/anchors alternately, ROUNDS
times, takes each figure's best round (the least disturbed by other load on a shared machine) and
prints figures and ratios. Usage, from the repository root after `./ruru --version` has built the jar:
    /usr/bin/python3 bench/compare_arrays.py [ROUNDS]
"""
import json, os, subprocess, sys

from benchenv import bench_env

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ANCHORS = os.path.join(ROOT, "..", "shared", "anchors")
ROUNDS = int(sys.argv[1]) if len(sys.argv) > 1 else 3
SUM_SNIPPET = """
import statistics, time, json, os
import numpy as np
x = np.random.default_rng(0).standard_normal(16 * 1024 * 1024, dtype=np.float32)
for _ in range(3): x.sum()
ts = []
for _ in range(11):
    t0 = time.perf_counter(); x.sum(); ts.append(time.perf_counter() - t0)
t = statistics.median(ts)
print("RESULT " + json.dumps({"op": "sum16M", "threads": int(os.environ["BENCH_THREADS"]), "gbps": 4 * x.size / t / 1e9}))
"""


# The JVM's heap is capped at 1 GB for these runs unless RURU_JAVA_OPTS says otherwise. With the default
# cap (a quarter of the memory, 6 GB here) the JVM answers each fresh 64 MB result by growing its heap
# into memory it has never touched, and on this VM a first touch costs about 14 µs per 4 KB page: x + y
# into a new array then runs at 0.9 GB/s. NumPy's allocator hands the pages of the last result straight
# back to the next one; a capped heap does the same (27 GB/s).
RURU_JAVA_OPTS = os.environ.get("RURU_JAVA_OPTS", "-Xmx1g")


def ruru(threads):
    out = subprocess.run([os.path.join(ROOT, "ruru"), "bench", "--threads", str(threads), "--json"],
                         env=bench_env(RURU_JAVA_OPTS=RURU_JAVA_OPTS), capture_output=True, text=True, check=True).stdout
    figures = {}
    for line in out.splitlines():
        r = json.loads(line)
        if r["workload"] == "autodiff":
            continue
        KERNELS["Ruru"] = r.get("blas", KERNELS.get("Ruru"))
        key = (r["workload"], r["variant"], r["size"])
        figures[key] = r.get("gflops", r.get("gbps"))
    return figures


def numpy(threads):
    env = bench_env(BENCH_THREADS=threads)
    lines = []
    for args in (["sgemm.py", "numpy", "512", "1024", "2048"], ["elementwise.py", "numpy"]):
        lines += subprocess.run(["/usr/bin/python3", *args], cwd=ANCHORS, env=env, capture_output=True, text=True, check=True).stdout.splitlines()
    lines += subprocess.run(["/usr/bin/python3", "-c", SUM_SNIPPET], env=env, capture_output=True, text=True, check=True).stdout.splitlines()
    figures = {}
    for line in lines:
        if line.startswith("# numpy") and "architecture" in line:
            KERNELS["NumPy"] = line[2:].split(" [")[0] + ", OpenBLAS " + line.split("'version': '")[1].split("'")[0] \
                + " (" + line.split("'architecture': '")[1].split("'")[0] + ")"
        if line.startswith("RESULT "):
            r = json.loads(line[7:])
            key = ("gemm", r["n"]) if "n" in r else r["op"]
            figures[key] = r.get("gflops", r.get("gbps"))
    return figures


# (label, ruru key, numpy key, target ratio)
# GEMM compares like with like: NumPy's script multiplies into an existing C (out=c), so Ruru's row is
# its sgemm variant; its matmul variant (a new C each call) is printed beside it.
ROWS = [(f"SGEMM n={n} (GFLOPS)", ("gemm", "sgemm", n), ("gemm", n), 0.95) for n in (512, 1024, 2048)] + [
    (f"a.matmul(b) n={n}, new C (GFLOPS)", ("gemm", "matmul", n), ("gemm", n), 0.95) for n in (512, 1024, 2048)] + [
    ("x + y 16M, new array (GB/s)", ("elementwise", "new", 16777216), "add16M_alloc", 1.0),
    ("x + y 16M, existing array (GB/s)", ("elementwise", "into", 16777216), "add16M", 1.0),
    ("(4096×4096) + (4096,) into existing (GB/s)", ("broadcast", "into", 4096), "bcast_row", 1.0),
    ("full sum 16M (GB/s)", ("reduce", "sum", 16777216), "sum16M", 0.9),
]


KERNELS = {}  # the BLAS build and kernel each side reported


def best(rounds):
    merged = {}
    for figures in rounds:
        for key, value in figures.items():
            merged[key] = max(merged.get(key, 0), value)
    return merged


def main():
    print(f"| workload | threads | Ruru | NumPy | ratio | target |")
    print("|---|---|---|---|---|---|")
    for threads in (1, 2):
        ours, theirs = [], []
        for _ in range(ROUNDS):
            ours.append(ruru(threads))
            theirs.append(numpy(threads))
        r, n = best(ours), best(theirs)
        for label, rkey, nkey, target in ROWS:
            if rkey in r and nkey in n:
                ratio = r[rkey] / n[nkey]
                print(f"| {label} | {threads} | {r[rkey]:.1f} | {n[nkey]:.1f} | {ratio:.2f} | ≥ {target} {'✓' if ratio >= target else '✗'} |")
    print()
    print("; ".join(f"{side}: {kernel}" for side, kernel in KERNELS.items()) + f"; Ruru's JVM options: {RURU_JAVA_OPTS}")


if __name__ == "__main__":
    main()
