#!/usr/bin/python3
"""Two builds of Ruru side by side on W2, W3 and W4: what a change costs per step, in one session.

Runs the same `ruru train` (W2, W3: compare_training.py's arguments) or `ruru bench w4` with an older jar
and the current one, alternately, ROUNDS times each; each side keeps its best round (the least disturbed
by other load on a shared machine). Prints seconds per epoch (the median over each run's epochs) or
tokens per second, and the ratio current / older. The PyTorch ratios of compare_training.py and
compare_w4.py then move by the same factor, since the reference does not change.

Usage, from the repository root (build the older jar in a worktree of the older commit first):
    git worktree add --detach /tmp/old COMMIT && (cd /tmp/old && ./ruru --version)
    /usr/bin/python3 bench/compare_jars.py /tmp/old/ruru-cli/target/ruru.jar [ROUNDS] [w2 w3 w4] [--threads N]
"""
import json, os, subprocess, sys, tempfile

from benchenv import bench_env
from compare_training import EPOCHS, TRAIN_ARGS, java_settings

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CURRENT = os.path.join(ROOT, "ruru-cli", "target", "ruru.jar")


def run(jar, arguments):
    home, options = java_settings()
    done = subprocess.run([os.path.join(home, "bin", "java"), *options, "--enable-native-access=ALL-UNNAMED", "-jar", jar, *arguments],
                          env=bench_env(), capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"compare_jars: {jar} {' '.join(arguments)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def measure(jar, workload, threads):
    """W2/W3: median seconds per epoch (lower is better); W4: tokens per second (higher is better)."""
    if workload == "w4":
        out = run(jar, ["bench", "w4", "--threads", str(threads), "--repeat", "3", "--json"])
        return json.loads(next(line for line in out.splitlines() if line.startswith("{")))["tokens_per_s"]
    with tempfile.TemporaryDirectory() as out_dir:
        run(jar, ["train", *TRAIN_ARGS[workload], "--epochs", str(EPOCHS[workload]), "--threads", str(threads), "--out", out_dir])
        with open(os.path.join(out_dir, "metrics.json")) as f:
            seconds = sorted(epoch["seconds"] for epoch in json.load(f)["epochs"])
    n = len(seconds)
    return seconds[n // 2] if n % 2 else (seconds[n // 2 - 1] + seconds[n // 2]) / 2


def main():
    args = sys.argv[1:]
    older = args.pop(0)
    threads = int(args[args.index("--threads") + 1]) if "--threads" in args else 1
    args = [a for i, a in enumerate(args) if a != "--threads" and (i == 0 or args[i - 1] != "--threads")]
    rounds = int(next((a for a in args if a.isdigit()), "3"))
    workloads = [a.lower() for a in args if not a.isdigit()] or ["w2", "w3", "w4"]
    print(f"Best of {rounds} alternating round(s) each, {threads} thread(s); older: {older}")
    print()
    print("| workload | measure | older | current | current / older |")
    print("|---|---|---|---|---|")
    for workload in workloads:
        mine, theirs = [], []
        for _ in range(rounds):
            theirs.append(measure(older, workload, threads))
            mine.append(measure(CURRENT, workload, threads))
            print(f"{workload}: older {theirs[-1]:.4f}, current {mine[-1]:.4f}", file=sys.stderr, flush=True)
        pick = max if workload == "w4" else min
        o, c = pick(theirs), pick(mine)
        what = "tokens/s" if workload == "w4" else "s/epoch (median)"
        print(f"| {workload.upper()} | {what} | {o:.4f} | {c:.4f} | {c / o:.3f} |", flush=True)


if __name__ == "__main__":
    main()
