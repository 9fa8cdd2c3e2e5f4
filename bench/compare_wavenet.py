#!/usr/bin/python3
"""The WaveNet benchmark: Ruru's `ruru train --model wavenet` and `ruru generate --digit` beside the same
WaveNet in PyTorch (bench/wavenet_torch.py), same machine, same run, as two Markdown tables.

Both train dev.ruru.models.wavenet's default network (residual 32, skip 64, dilations 1..128 twice, receptive
field 511 samples at 8 kHz) with Adam 1e-3 on batches of 8 windows of 1024 samples cut from the training
clips of one spoken-digit corpus, for EPOCHS epochs, and report the median seconds per epoch and the peak
RSS of the whole process (/usr/bin/time). Then each generates digit 7 with the "fast WaveNet" queues (one step
per layer per sample) and by recomputing the receptive field for every sample, and reports samples per
second of each (2,000 samples with PyTorch's queues, 16,000 with Ruru's, whose first thousands run before the
JIT has compiled the step; 100 recomputed: the recomputation is too slow for more). Ruru runs
  ruru train --model wavenet --data-dir CORPUS --epochs EPOCHS --threads T --seed S --out DIR
  ruru generate --model-dir DIR --digit 7 --seconds SAMPLES/8000 [--recompute] --seed S
The two sides draw different random numbers (weights, shuffles, samples), so their losses differ by their
seeds as well as by the frameworks. The corpus is built with `ruru data spoken-digits --voices VOICES`
unless one is given.

Usage, from the repository root (builds the jar first if its sources changed):
    /usr/bin/python3 bench/compare_wavenet.py [EPOCHS] [THREADS,...] [VOICES] [CORPUS]     # e.g. 2 1,2 5
"""
import json, os, re, statistics, subprocess, sys, tempfile

from benchenv import torch_env, bench_env

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RUN = os.path.join(ROOT, "ruru")
# Ruru's queues get more samples: its first few thousand run before the JIT has compiled the step.
SEED, CACHED, CACHED_RURU, RECOMPUTED = 1, 2000, 16000, 100


def timed(command, env):
    """Runs command under /usr/bin/time; returns (stdout, peak RSS in MB)."""
    run = subprocess.run(["/usr/bin/time", "-f", "PEAK_RSS_KB %M", *command], env=env, capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(f"compare_wavenet: {' '.join(command)} failed:\n{run.stdout}\n{run.stderr}")
    rss = next(int(line.split()[1]) for line in run.stderr.splitlines() if line.startswith("PEAK_RSS_KB"))
    return run.stdout, rss / 1024


def pytorch(corpus, epochs, threads):
    out, rss = timed(["/usr/bin/python3", os.path.join(ROOT, "bench", "wavenet_torch.py"), corpus, str(epochs), str(SEED), str(CACHED),
                      str(RECOMPUTED)], torch_env(threads))
    result = json.loads(next(line for line in out.splitlines() if line.startswith("RESULT "))[len("RESULT "):])
    return {"windows": result["windows"], "seconds": statistics.median(result["seconds"]), "loss": result["train_loss"][-1], "rss": rss,
            "cached": result["cached_samples_per_second"], "recomputed": result["recomputed_samples_per_second"]}


def generation_rate(model, samples, recompute):
    command = [RUN, "generate", "--model-dir", model, "--digit", "7", "--seconds", str(samples / 8000), "--seed", str(SEED),
               "--out", os.path.join(model, "seven.wav")] + (["--recompute"] if recompute else [])
    out, _ = timed(command, bench_env())
    return float(re.search(r"; (\d+) samples/s", out).group(1))


def ruru(corpus, epochs, threads):
    with tempfile.TemporaryDirectory() as model:
        out, rss = timed([RUN, "train", "--model", "wavenet", "--data-dir", corpus, "--epochs", str(epochs), "--threads", str(threads),
                          "--seed", str(SEED), "--out", model], bench_env())
        with open(os.path.join(model, "metrics.json")) as f:
            metrics = json.load(f)
        windows = int(re.search(r"-> (\d+) windows", out).group(1))
        return {"windows": windows, "seconds": statistics.median(e["seconds"] for e in metrics["epochs"]),
                "loss": metrics["epochs"][-1]["train_loss"], "rss": rss, "cached": generation_rate(model, CACHED_RURU, False),
                "recomputed": generation_rate(model, RECOMPUTED, True)}


def main():
    epochs = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    thread_counts = [int(t) for t in (sys.argv[2] if len(sys.argv) > 2 else "1,2").split(",")]
    voices = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    with tempfile.TemporaryDirectory() as scratch:
        corpus = sys.argv[4] if len(sys.argv) > 4 else os.path.join(scratch, "digits")
        if len(sys.argv) <= 4:
            subprocess.run([RUN, "data", "spoken-digits", "--out", corpus, "--voices", str(voices)], check=True, capture_output=True)
        rows = [(threads, pytorch(corpus, epochs, threads), ruru(corpus, epochs, threads)) for threads in thread_counts]
    print("| threads | windows (PyTorch/Ruru) | PyTorch s/epoch | Ruru s/epoch | ratio | PyTorch loss | Ruru loss | PyTorch RSS MB | Ruru RSS MB |")
    print("|---|---|---|---|---|---|---|---|---|")
    for threads, p, r in rows:
        print(f"| {threads} | {p['windows']}/{r['windows']} | {p['seconds']:.2f} | {r['seconds']:.2f} | {r['seconds'] / p['seconds']:.2f} |"
              f" {p['loss']:.3f} | {r['loss']:.3f} | {p['rss']:.0f} | {r['rss']:.0f} |")
    print()
    print("| threads | PyTorch queues samples/s | PyTorch recomputed | speed-up | Ruru queues samples/s | Ruru recomputed | speed-up |")
    print("|---|---|---|---|---|---|---|")
    for threads, p, r in rows:
        print(f"| {threads} | {p['cached']:.0f} | {p['recomputed']:.1f} | {p['cached'] / p['recomputed']:.0f}x | {r['cached']:.0f} |"
              f" {r['recomputed']:.1f} | {r['cached'] / r['recomputed']:.0f}x |")


if __name__ == "__main__":
    main()
