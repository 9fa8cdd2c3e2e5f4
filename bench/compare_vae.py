#!/usr/bin/python3
"""The VAE benchmark: Ruru's `ruru train --model vae` beside PyTorch's examples VAE (bench/vae_torch.py), same
machine, same run, as Markdown tables.

Both train 784-400-20 with a Bernoulli decoder, Adam at 1e-3, batch 128, on all 60,000 Fashion-MNIST
training images for EPOCHS epochs, and report the test set's negative ELBO in nats per image (one sample
of z per image) after the last epoch, the median seconds per training epoch and the peak RSS. Ruru runs
  ruru train --model vae --latent 20 --hidden 400 --batch-size 128 --lr 0.001 --validation-split 0
             --epochs EPOCHS --threads T --seed S
and the numbers come from its metrics.json ("test"."negative_elbo", "epochs"[i]."seconds"). Both sides run
in bench/benchenv.py's environment (PyTorch above 1 thread on Debian's OpenMP OpenBLAS when installed).

For each thread count and each seed the two sides run in turn (PyTorch, Ruru, PyTorch, Ruru, ...), so the
machine's load falls on both alike; the summary row gives the mean −ELBO of each side over the seeds (the
two sides draw different random numbers, so single runs differ by their seeds as well as by the
frameworks) and the median of the per-pair speed ratios.

Usage, from the repository root (builds the jar first if its sources changed):
    /usr/bin/python3 bench/compare_vae.py [EPOCHS] [THREADS,...] [SEEDS,...]
    /usr/bin/python3 bench/compare_vae.py 10 1 1,2,3      # the accuracy target: 10 epochs, 3 seeds
    /usr/bin/python3 bench/compare_vae.py 2 1,2 1,2,3     # the speed target: 3 interleaved pairs per thread count
"""
import json, os, statistics, subprocess, sys, tempfile

from benchenv import torch_env, bench_env

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Runs a command and prints its peak RSS (wait4's ru_maxrss, KiB) on stderr; ./ruru execs the JVM, so it is the JVM's.
PEAK_RSS = ("import os, sys\n"
            "pid = os.fork()\n"
            "if pid == 0:\n    os.execvp(sys.argv[1], sys.argv[1:])\n"
            "_, status, usage = os.wait4(pid, 0)\n"
            "print('peak-rss-kb', usage.ru_maxrss, file=sys.stderr)\n"
            "sys.exit(os.waitstatus_to_exitcode(status))\n")


def measured(command, env):
    """Runs `command`; returns its stdout and peak RSS in MiB."""
    run = subprocess.run(["/usr/bin/python3", "-c", PEAK_RSS] + command, env=env, capture_output=True, text=True, cwd=ROOT)
    if run.returncode != 0:
        raise SystemExit(f"compare_vae: {' '.join(command)} failed:\n{run.stdout}\n{run.stderr}")
    rss = [float(line.split()[1]) / 1024 for line in run.stderr.splitlines() if line.startswith("peak-rss-kb ")][-1]
    return run.stdout, rss


def pytorch(epochs, threads, seed):
    out, rss = measured(["/usr/bin/python3", os.path.join(ROOT, "bench", "vae_torch.py"), str(epochs), str(seed)], torch_env(threads))
    result = json.loads(next(line for line in out.splitlines() if line.startswith("RESULT "))[len("RESULT "):])
    return result["test_negative_elbo"][-1], statistics.median(result["seconds"]), rss


def ruru(epochs, threads, seed):
    with tempfile.TemporaryDirectory() as out:
        command = [os.path.join(ROOT, "ruru"), "train", "--model", "vae", "--latent", "20", "--hidden", "400", "--batch-size", "128",
                   "--lr", "0.001", "--validation-split", "0", "--epochs", str(epochs), "--threads", str(threads), "--seed", str(seed),
                   "--out", out]
        _, rss = measured(command, bench_env())
        with open(os.path.join(out, "metrics.json")) as f:
            metrics = json.load(f)
    return metrics["test"]["negative_elbo"], statistics.median(epoch["seconds"] for epoch in metrics["epochs"]), rss


def load():
    return os.getloadavg()[0]


def main():
    epochs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    thread_counts = [int(t) for t in (sys.argv[2] if len(sys.argv) > 2 else "1,2").split(",")]
    seeds = [int(s) for s in (sys.argv[3] if len(sys.argv) > 3 else "1").split(",")]
    print(f"{epochs} epochs; load average {load():.1f} at the start", flush=True)
    print("| threads | seed | PyTorch test −ELBO | Ruru test −ELBO | ratio | PyTorch s/epoch | Ruru s/epoch | ratio | PyTorch RSS MiB | Ruru RSS MiB | load |")
    print("|---|---|---|---|---|---|---|---|---|---|---|", flush=True)
    for threads in thread_counts:
        pairs = []
        for seed in seeds:
            torch_elbo, torch_seconds, torch_rss = pytorch(epochs, threads, seed)
            ruru_elbo, ruru_seconds, ruru_rss = ruru(epochs, threads, seed)
            pairs.append((torch_elbo, ruru_elbo, ruru_seconds / torch_seconds))
            print(f"| {threads} | {seed} | {torch_elbo:.2f} | {ruru_elbo:.2f} | {ruru_elbo / torch_elbo:.4f} | {torch_seconds:.2f} | {ruru_seconds:.2f}"
                  f" | {ruru_seconds / torch_seconds:.2f} | {torch_rss:.0f} | {ruru_rss:.0f} | {load():.1f} |", flush=True)
        torch_mean = statistics.mean(p[0] for p in pairs)
        ruru_mean = statistics.mean(p[1] for p in pairs)
        print(f"| {threads} | mean of {len(seeds)} | {torch_mean:.2f} | {ruru_mean:.2f} | {ruru_mean / torch_mean:.4f} | | |"
              f" median {statistics.median(p[2] for p in pairs):.2f} | | | |", flush=True)


if __name__ == "__main__":
    main()
