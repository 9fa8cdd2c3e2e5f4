#!/usr/bin/python3
"""Graph networks: Ruru beside plain PyTorch on Cora, in one session, and GCN on the karate club.

Runs bench/graph/cora_torch.py and bench/graph/CoraBench.java (Ruru's GraphRun, what `ruru train
--model gcn|gat --graph cora.npz` trains) one after the other: for GCN and GAT, SEEDS seeds at 1 thread
(test accuracy mean and spread; targets GCN >= 81.0 %, GAT >= 82.5 %) and 1 seed at 2 threads, and
prints the median seconds per training epoch of each side and their ratio (target Ruru/PyTorch <= 1.0)
as a Markdown table; then GCN on the karate club with one labelled member per faction (SEEDS seeds,
target >= 94 %). Raw result lines go to stderr. Usage, from the repository root after `./ruru --version`
has built the jar:
    /usr/bin/python3 bench/compare_graph.py [CORA_NPZ] [SEEDS] [MODELS] [PAIRS]
CORA_NPZ defaults to ../shared/data/planetoid/cora.npz, SEEDS to 10, MODELS to gcn,gat; a model may
name its own seed count (gcn:10,gat:3) when the machine is too busy for ten GAT runs a side. PAIRS
(default 1) interleaves that many PyTorch, Ruru runs per row and reports the median ratio of the pairs
(and each side's median), so that a machine whose load drifts during the run weighs on both sides alike.
"""
import json, os, statistics, subprocess, sys

from benchenv import bench_env, torch_env

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "data", "planetoid", "cora.npz")
SEEDS = int(sys.argv[2]) if len(sys.argv) > 2 else 10
MODELS = [(m.split(":")[0], int(m.split(":")[1]) if ":" in m else SEEDS)
          for m in (sys.argv[3] if len(sys.argv) > 3 else "gcn,gat").split(",")]
PAIRS = int(sys.argv[4]) if len(sys.argv) > 4 else 1
TARGETS = {"gcn": 0.810, "gat": 0.825}


def result(command, env, what):
    run = subprocess.run(command, env=env, capture_output=True, text=True, cwd=ROOT)
    if run.returncode != 0:
        raise SystemExit(f"compare_graph: {what} failed:\n{run.stderr}")
    line = next(l for l in run.stdout.splitlines() if l.startswith("{"))
    print(f"{what}: {line}", file=sys.stderr, flush=True)
    return json.loads(line)


def torch(model, seeds, threads):
    command = ["/usr/bin/python3", "bench/graph/cora_torch.py", CORA, model, str(seeds)]
    return result(command, torch_env(threads), f"PyTorch {model}, {threads} thread(s)")


def ruru(graph, model, seeds, threads):
    script = ('source bin/find-jdk && exec "$JAVA_HOME/bin/java" $RURU_DEFAULT_JAVA_OPTS --enable-native-access=ALL-UNNAMED '
              '-cp ruru-cli/target/ruru.jar bench/graph/CoraBench.java "$@"')
    command = ["bash", "-c", script, "bench", graph, model, str(seeds), str(threads)]
    return result(command, bench_env(), f"Ruru {model} on {os.path.basename(graph)}, {threads} thread(s)")


def main():
    rows = []
    for model, model_seeds in MODELS:
        for threads, seeds in ((1, model_seeds), (2, 1)):
            pairs = [(torch(model, seeds, threads), ruru(CORA, model, seeds, threads)) for _ in range(PAIRS)]
            theirs, ours = pairs[0]
            ratio = statistics.median(o["sec_per_epoch"] / t["sec_per_epoch"] for t, o in pairs)
            ours = dict(ours, sec_per_epoch=statistics.median(o["sec_per_epoch"] for _, o in pairs))
            theirs = dict(theirs, sec_per_epoch=statistics.median(t["sec_per_epoch"] for t, _ in pairs))
            rows.append((model, threads, seeds, ours, theirs, ratio))
    print(f"Cora (Planetoid split), 200 epochs, test accuracy at the best validation epoch; seconds per training epoch (median), "
          f"ratio: median of {PAIRS} interleaved pair(s)")
    print()
    print("| model | threads | seeds | Ruru test acc | PyTorch test acc | target | Ruru s/epoch | PyTorch s/epoch | ratio |")
    print("|---|---|---|---|---|---|---|---|---|")
    for model, threads, seeds, ours, theirs, ratio in rows:
        acc = ours["test_accuracy_mean"]
        mark = "✓" if acc >= TARGETS[model] else "✗"
        accuracy = f"{100 * acc:.1f} ± {100 * ours['test_accuracy_std']:.1f} % {mark}" if seeds > 1 else f"{100 * acc:.1f} %"
        theirs_acc = f"{100 * theirs['test_accuracy_mean']:.1f} ± {100 * theirs['test_accuracy_std']:.1f} %" if seeds > 1 \
            else f"{100 * theirs['test_accuracy_mean']:.1f} %"
        print(f"| {model} | {threads} | {seeds} | {accuracy} | {theirs_acc} | ≥ {100 * TARGETS[model]:.1f} % "
              f"| {ours['sec_per_epoch']:.4f} | {theirs['sec_per_epoch']:.4f} | {ratio:.2f} |")
    karate = ruru("karate", "gcn", SEEDS, 1)
    print()
    print(f"Karate club, GCN, one labelled member per faction, {SEEDS} seeds: "
          f"{100 * karate['test_accuracy_mean']:.1f} ± {100 * karate['test_accuracy_std']:.1f} % of the other 32 (target ≥ 94 %)")


if __name__ == "__main__":
    main()
