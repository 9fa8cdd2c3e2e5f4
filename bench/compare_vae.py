#!/usr/bin/python3
"""The VAE benchmark: Ruru's `ruru train --model vae` beside PyTorch's examples VAE (bench/vae_torch.py), same
machine, same run, as a Markdown table.

Both train 784-400-20 with a Bernoulli decoder, Adam at 1e-3, batch 128, on all 60,000 Fashion-MNIST
training images for EPOCHS epochs, and report the test set's negative ELBO in nats per image (one sample
of z per image) after the last epoch and the median seconds per training epoch. Ruru runs
  ruru train --model vae --latent 20 --hidden 400 --batch-size 128 --lr 0.001 --validation-split 0
             --epochs EPOCHS --threads T --seed S
and the numbers come from its metrics.json ("test"."negative_elbo", "epochs"[i]."seconds"). Both sides run
in bench/benchenv.py's environment (PyTorch above 1 thread on Debian's OpenMP OpenBLAS when installed).
The two sides draw different random numbers (initial weights, shuffles, noise), so single runs differ by
their seeds as well as by the frameworks.

Usage, from the repository root (builds the jar first if its sources changed):
    /usr/bin/python3 bench/compare_vae.py [EPOCHS] [THREADS,...] [SEED]     # e.g. 3 1,2 1
"""
import json, os, statistics, subprocess, sys, tempfile

from benchenv import torch_env, bench_env

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def pytorch(epochs, threads, seed):
    run = subprocess.run(["/usr/bin/python3", os.path.join(ROOT, "bench", "vae_torch.py"), str(epochs), str(seed)],
                         env=torch_env(threads), capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(f"compare_vae: vae_torch.py failed:\n{run.stdout}\n{run.stderr}")
    result = json.loads(next(line for line in run.stdout.splitlines() if line.startswith("RESULT "))[len("RESULT "):])
    return result["test_negative_elbo"][-1], statistics.median(result["seconds"])


def ruru(epochs, threads, seed):
    with tempfile.TemporaryDirectory() as out:
        command = [os.path.join(ROOT, "ruru"), "train", "--model", "vae", "--latent", "20", "--hidden", "400", "--batch-size", "128",
                   "--lr", "0.001", "--validation-split", "0", "--epochs", str(epochs), "--threads", str(threads), "--seed", str(seed),
                   "--out", out]
        run = subprocess.run(command, env=bench_env(), capture_output=True, text=True)
        if run.returncode != 0:
            raise SystemExit(f"compare_vae: {' '.join(command)} failed:\n{run.stdout}\n{run.stderr}")
        with open(os.path.join(out, "metrics.json")) as f:
            metrics = json.load(f)
    return metrics["test"]["negative_elbo"], statistics.median(epoch["seconds"] for epoch in metrics["epochs"])


def main():
    epochs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    thread_counts = [int(t) for t in (sys.argv[2] if len(sys.argv) > 2 else "1,2").split(",")]
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    print(f"| threads | PyTorch test −ELBO | Ruru test −ELBO | ratio | PyTorch s/epoch | Ruru s/epoch | ratio |")
    print(f"|---|---|---|---|---|---|---|")
    for threads in thread_counts:
        torch_elbo, torch_seconds = pytorch(epochs, threads, seed)
        ruru_elbo, ruru_seconds = ruru(epochs, threads, seed)
        print(f"| {threads} | {torch_elbo:.2f} | {ruru_elbo:.2f} | {ruru_elbo / torch_elbo:.3f} | {torch_seconds:.2f} | {ruru_seconds:.2f}"
              f" | {ruru_seconds / torch_seconds:.2f} |", flush=True)


if __name__ == "__main__":
    main()
