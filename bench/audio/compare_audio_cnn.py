#!/usr/bin/python3
"""The spoken-digit classifier benchmark: `ruru train --model audio-cnn` beside the same network in PyTorch
(bench/audio/audio_cnn_torch.py), same machine, same run, as a Markdown table.

Both read the corpus of `ruru data spoken-digits` (built first into CORPUS when it has no manifest.csv),
compute the same log-mel pictures [32, 63] (PyTorch's side in NumPy, outside the timed epochs), and train
Conv(1->16) ReLU MaxPool, Conv(16->32) ReLU MaxPool, Linear(3840->64) ReLU, Linear(64->10) with Adam at 1e-3,
batch 32, for EPOCHS epochs on the training voices. Reported: the median seconds per training epoch, the
accuracy on the test voices after the last epoch, and the peak RSS of each process (/usr/bin/time). Ruru
runs
  ruru train --model audio-cnn --data-dir CORPUS --epochs EPOCHS --threads T --seed S
and the numbers come from its metrics.json ("epochs"[i]."seconds", "test_accuracy"). Both sides run in
bench/benchenv.py's environment. The two sides draw different random numbers, so accuracies differ by seed.

Usage, from the repository root (builds the jar first if its sources changed):
    /usr/bin/python3 bench/audio/compare_audio_cnn.py [CORPUS] [EPOCHS] [THREADS,...] [SEED]   # e.g. runs/digits 3 1,2 0
"""
import json, os, statistics, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.dirname(HERE))
from benchenv import torch_env, bench_env  # noqa: E402


def timed(command, env):
    """Runs command under /usr/bin/time; returns (stdout, peak RSS in MB)."""
    run = subprocess.run(["/usr/bin/time", "-f", "PEAK_RSS_KB %M", *command], env=env, capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(f"compare_audio_cnn: {' '.join(command)} failed:\n{run.stdout}\n{run.stderr}")
    rss = next(int(line.split()[1]) for line in run.stderr.splitlines() if line.startswith("PEAK_RSS_KB"))
    return run.stdout, rss / 1024


def pytorch(corpus, epochs, threads, seed):
    out, rss = timed(["/usr/bin/python3", os.path.join(HERE, "audio_cnn_torch.py"), corpus, str(epochs), str(seed)], torch_env(threads))
    result = json.loads(next(line for line in out.splitlines() if line.startswith("RESULT "))[len("RESULT "):])
    return statistics.median(result["seconds"]), result["test_accuracy"], rss


def ruru(corpus, epochs, threads, seed):
    with tempfile.TemporaryDirectory() as out:
        _, rss = timed([os.path.join(ROOT, "ruru"), "train", "--model", "audio-cnn", "--data-dir", corpus, "--epochs", str(epochs),
                        "--threads", str(threads), "--seed", str(seed), "--out", out], bench_env())
        with open(os.path.join(out, "metrics.json")) as f:
            metrics = json.load(f)
    return statistics.median(epoch["seconds"] for epoch in metrics["epochs"]), metrics["test_accuracy"], rss


def main():
    corpus = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "runs", "digits"))
    epochs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    thread_counts = [int(t) for t in (sys.argv[3] if len(sys.argv) > 3 else "1,2").split(",")]
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 0
    if not os.path.isfile(os.path.join(corpus, "manifest.csv")):
        subprocess.run([os.path.join(ROOT, "ruru"), "data", "spoken-digits", "--out", corpus], check=True, env=bench_env())
    print("| threads | PyTorch s/epoch | Ruru s/epoch | ratio | PyTorch test acc | Ruru test acc | PyTorch peak RSS MB | Ruru peak RSS MB |")
    print("|---|---|---|---|---|---|---|---|")
    for threads in thread_counts:
        torch_seconds, torch_accuracy, torch_rss = pytorch(corpus, epochs, threads, seed)
        ruru_seconds, ruru_accuracy, ruru_rss = ruru(corpus, epochs, threads, seed)
        print(f"| {threads} | {torch_seconds:.2f} | {ruru_seconds:.2f} | {ruru_seconds / torch_seconds:.2f} | {torch_accuracy:.4f}"
              f" | {ruru_accuracy:.4f} | {torch_rss:.0f} | {ruru_rss:.0f} |", flush=True)


if __name__ == "__main__":
    main()
