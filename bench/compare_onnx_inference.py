#!/usr/bin/python3
"""Inference speed of imported ONNX models: Ruru beside ONNX Runtime (Microsoft's Java package) in one JVM.

Builds ruru-onnx's test classes (where ONNX Runtime is, at test scope), then runs
dev.ruru.onnx.bench.InferenceBench at 1 and then 2 threads on the PyTorch exports of the test fixtures
(the W3 CNN with BatchNorm, the small ResNet, the LSTM classifier), Ruru and ONNX Runtime taking turns block
by block (so that other load slows both alike), and prints throughput at batch 64 and latency at batch 1
with Ruru/ONNX Runtime ratios as a Markdown table, and at 1 thread the same in the calling thread's CPU time
(where both run then); the raw result lines go to stderr.
Targets (issue 21): throughput >= 1.0x ONNX Runtime's, latency <= 1.5x. Usage, from the repository root:
    python3 bench/compare_onnx_inference.py [SECONDS]     # seconds per measurement, default 2 (3 gives the JIT time)
"""
import json, os, subprocess, sys

from benchenv import bench_env

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SECONDS = sys.argv[1] if len(sys.argv) > 1 else "2"
FIXTURES = os.path.join(ROOT, "ruru-onnx", "src", "test", "resources", "dev", "ruru", "onnx", "pytorch")


def classpath():
    """Compiles the reactor up to ruru-onnx (tests skipped) and returns its test classpath."""
    out = os.path.join(ROOT, "ruru-onnx", "target", "bench-classpath.txt")
    subprocess.run([os.path.join(ROOT, "test"), "-q", "-pl", "ruru-onnx", "-am", "-DskipTests", "-Dmaven.javadoc.skip=true",
                    "-Dmaven.source.skip=true", "dependency:build-classpath", f"-Dmdep.outputFile={out}",
                    "-Dmdep.includeScope=test"], check=True, stdout=subprocess.DEVNULL)
    with open(out) as f:
        jars = f.read().strip()
    return os.path.join(ROOT, "ruru-onnx", "target", "test-classes") + ":" + os.path.join(ROOT, "ruru-onnx", "target", "classes") + ":" + jars


def java():
    env = subprocess.run(["bash", "-c", f"source {ROOT}/bin/find-jdk >/dev/null && echo $JAVA_HOME"], capture_output=True, text=True)
    return os.path.join(env.stdout.strip(), "bin", "java")


def run(threads, cp):
    command = [java(), f"-Druru.threads={threads}", "--enable-native-access=ALL-UNNAMED", "-cp", cp,
               "dev.ruru.onnx.bench.InferenceBench", FIXTURES, SECONDS]
    result = subprocess.run(command, env=bench_env(), capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"compare_onnx_inference: InferenceBench failed at {threads} threads:\n{result.stderr}")
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    for line in lines:
        print(json.dumps(line), file=sys.stderr)
    return lines


def main():
    cp = classpath()
    rows = [row for threads in (1, 2) for row in run(threads, cp)]
    print(f"Imported ONNX models, Ruru and ONNX Runtime in the same run ({SECONDS} s per measurement)")
    print()
    print("| model | threads | batch 64: Ruru / ORT examples/s | ratio (target >= 1.0) | batch 1: Ruru / ORT ms | ratio (target <= 1.5) |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['model']} | {r['threads']} | {r['ruru_batch64_per_s']:.0f} / {r['ort_batch64_per_s']:.0f} | "
              f"{r['ruru_batch64_per_s'] / r['ort_batch64_per_s']:.2f} | {r['ruru_batch1_ms']:.3f} / {r['ort_batch1_ms']:.3f} | "
              f"{r['ruru_batch1_ms'] / r['ort_batch1_ms']:.2f} |")
    print()
    print("The same runs at 1 thread in the calling thread's CPU time (where both run at 1 thread; waiting for a core left out)")
    print()
    print("| model | batch 64: Ruru / ORT examples per CPU second | ratio | batch 1: Ruru / ORT CPU ms | ratio |")
    print("|---|---|---|---|---|")
    for r in rows:
        if r['threads'] == 1:
            print(f"| {r['model']} | {r['ruru_batch64_cpu_per_s']:.0f} / {r['ort_batch64_cpu_per_s']:.0f} | "
                  f"{r['ruru_batch64_cpu_per_s'] / r['ort_batch64_cpu_per_s']:.2f} | {r['ruru_batch1_cpu_ms']:.3f} / "
                  f"{r['ort_batch1_cpu_ms']:.3f} | {r['ruru_batch1_cpu_ms'] / r['ort_batch1_cpu_ms']:.2f} |")


if __name__ == "__main__":
    main()
