#!/usr/bin/python3
"""Interleaved training-time pairs for the WaveNet and ConvLSTM benchmarks: PyTorch, then Ruru, PAIRS times, at THREADS,
two epochs each, training only (no generation, a small test set), printing each pair as it ends with its load average.
A speed claim on the shared machine is the median of these ratios; bench/compare_wavenet.py and bench/compare_video.py
give the full tables (quality, peak RSS, generation) of one run.

Usage, from the repository root:
    /usr/bin/python3 bench/train_pairs.py wavenet|video THREADS PAIRS [CORPUS]    # CORPUS: a spoken-digit corpus (wavenet)
"""
import json, os, statistics, subprocess, sys, tempfile

from benchenv import torch_env, bench_env

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def load():
    with open("/proc/loadavg") as f:
        return f.read().split()[0]


def pytorch(which, threads, corpus):
    script = ["wavenet_torch.py", corpus, "2", "1", "1", "1"] if which == "wavenet" else ["convlstm_torch.py", "2", "128", "16", "8", "0.003", "0"]
    out = subprocess.run(["/usr/bin/python3", os.path.join(ROOT, "bench", script[0]), *script[1:]], env=torch_env(threads), capture_output=True,
                         text=True, check=True).stdout
    return json.loads(next(line for line in out.splitlines() if line.startswith("RESULT "))[len("RESULT "):])["seconds"]


def ruru(which, threads, corpus):
    with tempfile.TemporaryDirectory() as model:
        options = ["--model", "wavenet", "--data-dir", corpus, "--seed", "1"] if which == "wavenet" else \
            ["--model", "convlstm", "--clips", "128", "--test-clips", "16", "--batch-size", "8", "--lr", "0.003", "--seed", "0"]
        subprocess.run([os.path.join(ROOT, "ruru"), "train", *options, "--epochs", "2", "--threads", str(threads), "--out", model], env=bench_env(),
                       capture_output=True, check=True)
        with open(os.path.join(model, "metrics.json")) as f:
            return [epoch["seconds"] for epoch in json.load(f)["epochs"]]


def main():
    which, threads, pairs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    corpus = sys.argv[4] if len(sys.argv) > 4 else ""
    ratios = []
    for pair in range(1, pairs + 1):
        before = load()
        torch_seconds, ruru_seconds = pytorch(which, threads, corpus), ruru(which, threads, corpus)
        ratios.append(ruru_seconds[-1] / torch_seconds[-1])
        print(f"{which} {threads} thread(s) pair {pair}: PyTorch {torch_seconds[-1]:.2f} s, Ruru {ruru_seconds[-1]:.2f} s (second epochs; first"
              f" {torch_seconds[0]:.2f} and {ruru_seconds[0]:.2f}), ratio {ratios[-1]:.2f}, load {before} -> {load()}", flush=True)
    print(f"median ratio {statistics.median(ratios):.2f} of {pairs} pairs")


if __name__ == "__main__":
    main()
