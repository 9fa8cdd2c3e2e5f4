#!/usr/bin/python3
"""W1, W2 and W3: Ruru beside NumPy and PyTorch on this machine, in one session, as a Markdown table.

For each workload and thread count the anchor script of ../shared/anchors runs, then Ruru's version of
it, alternately, ROUNDS times; each side keeps its best round (the least disturbed by other load on a
shared machine), and the table gives seconds per epoch (the median over the run's epochs, as the anchor
scripts report it), the ratio Ruru / reference with its target, each side's first epoch, test accuracy,
and the peak RSS.
Both sides run in bench/benchenv.py's environment. PyTorch at 2 threads runs on Debian's OpenMP build
of OpenBLAS (libopenblas0-openmp), its fair configuration on two cores (../shared/anchors/README.md).

  W1  w1_perceptron.py 5 (NumPy)        PerceptronBenchmark 5 (in ruru.jar)      target ratio <= 0.5
  W2  w2_mlp_torch.py 5                  ruru train --model mlp ... --epochs 5    target ratio <= 0.8
  W3  w3_cnn_torch.py 3                  ruru train --model cnn ... --epochs 3    target ratio <= 1.0

W3's epochs are those of the anchors' own runs of its fair baselines (run_all.sh: 3 at one thread and
with the OpenMP build at two); its accuracy is the test accuracy after the first epoch, as the issue
asks. PyTorch reports it from the same run; Ruru's comes from a second run of one epoch, which trains
the same bits (same seed and thread count), so it is what the longer run had after its first epoch.
The first epoch is shown apart because it carries the JIT's warm-up: Java compiles its kernels during it.
The accuracies here are one seed of each side; bench/compare_accuracy.py compares them over seeds.

Usage, from the repository root (it builds the jar first if its sources changed; about 4 minutes a round):
    /usr/bin/python3 bench/compare_training.py [ROUNDS] [WORKLOAD...]     # e.g. 1 w3
"""
import json, os, subprocess, sys, tempfile

from benchenv import bench_env, torch_env

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ANCHORS = os.path.join(ROOT, "..", "shared", "anchors")
JAR = os.path.join(ROOT, "ruru-cli", "target", "ruru.jar")
SCRIPTS = {"w1": "w1_perceptron.py", "w2": "w2_mlp_torch.py", "w3": "w3_cnn_torch.py"}
TARGETS = {"w1": 0.5, "w2": 0.8, "w3": 1.0}
EPOCHS = {"w1": 5, "w2": 5, "w3": 3}
ACCURACY_EPOCH = {"w1": 5, "w2": 5, "w3": 1}
TRAIN_ARGS = {
    "w2": ["--model", "mlp", "--hidden", "256", "--optimizer", "sgd", "--lr", "0.1", "--momentum", "0",
           "--batch-size", "128", "--validation-split", "0", "--seed", "1"],
    "w3": ["--model", "cnn", "--optimizer", "sgd", "--lr", "0.05", "--momentum", "0.9", "--batch-size", "64",
           "--validation-split", "0"],
}


def timed(command, env, cwd=None):
    """Runs command under /usr/bin/time; returns (stdout, peak RSS in MB)."""
    run = subprocess.run(["/usr/bin/time", "-f", "PEAK_RSS_KB %M", *command], cwd=cwd, env=env, capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(f"compare_training: {' '.join(command)} failed:\n{run.stdout}\n{run.stderr}")
    rss = next(int(line.split()[1]) for line in run.stderr.splitlines() if line.startswith("PEAK_RSS_KB"))
    return run.stdout, rss / 1024


def result_line(output):
    return json.loads(next(line for line in output.splitlines() if line.startswith("RESULT "))[len("RESULT "):])


def reference(workload, threads):
    env = bench_env(BENCH_THREADS=threads) if workload == "w1" else torch_env(threads)
    out, rss = timed(["/usr/bin/python3", SCRIPTS[workload], str(EPOCHS[workload])], env, cwd=ANCHORS)
    r = result_line(out)
    return {"seconds": r["sec_per_epoch_median"], "first": r["sec_per_epoch_all"][0],
            "accuracy": r[f"test_acc_ep{ACCURACY_EPOCH[workload]}"], "rss": rss}


def ruru(workload, threads):
    home, options = java_settings()
    if workload == "w1":
        # The JVM options ./ruru would use (RURU_JAVA_OPTS, else bin/find-jdk's defaults), for a class ./ruru cannot name.
        out, rss = timed([os.path.join(home, "bin", "java"), *options, "--enable-native-access=ALL-UNNAMED", "-cp", JAR,
                          "dev.ruru.perceptron.PerceptronBenchmark", str(EPOCHS[workload])], bench_env(BENCH_THREADS=threads))
        r = result_line(out)
        return {"seconds": r["sec_per_epoch_median"], "first": r["sec_per_epoch_all"][0],
                "accuracy": r[f"test_acc_ep{ACCURACY_EPOCH[workload]}"], "rss": rss}
    metrics, rss = train(workload, threads, EPOCHS[workload])
    seconds = [e["seconds"] for e in metrics["epochs"]]
    ordered = sorted(seconds)
    n = len(ordered)
    median = ordered[n // 2] if n % 2 else (ordered[n // 2 - 1] + ordered[n // 2]) / 2
    accuracy = metrics["test_accuracy"]
    if ACCURACY_EPOCH[workload] != EPOCHS[workload]:
        accuracy = train(workload, threads, ACCURACY_EPOCH[workload])[0]["test_accuracy"]
    return {"seconds": median, "first": seconds[0], "accuracy": accuracy, "rss": rss}


def train(workload, threads, epochs, args=None):
    """Runs ruru train for the workload (with `args` instead of TRAIN_ARGS when given); returns
    (metrics.json as a dict, peak RSS in MB)."""
    with tempfile.TemporaryDirectory() as out_dir:
        _, rss = timed([os.path.join(ROOT, "ruru"), "train", *(args or TRAIN_ARGS[workload]), "--epochs", str(epochs),
                        "--threads", str(threads), "--out", out_dir], bench_env())
        with open(os.path.join(out_dir, "metrics.json")) as f:
            return json.load(f), rss


def java_settings():
    """The JDK 25 and the JVM options that ./ruru uses, found the same way (bin/find-jdk)."""
    found = subprocess.run(["bash", "-c", "source bin/find-jdk >/dev/null && echo \"$JAVA_HOME\" "
                            "&& echo \"${RURU_JAVA_OPTS-$RURU_DEFAULT_JAVA_OPTS}\""], cwd=ROOT, capture_output=True, text=True)
    lines = found.stdout.splitlines()
    if found.returncode != 0 or len(lines) != 2 or not lines[0].strip():
        raise SystemExit(f"compare_training: bin/find-jdk found no JDK 25:\n{found.stderr}")
    return lines[0].strip(), lines[1].split()


def build():
    """Builds ruru.jar now if its sources changed (./ruru does so on its first call), so that no timed run
    includes Maven: its peak RSS would be counted as Ruru's."""
    run = subprocess.run([os.path.join(ROOT, "ruru"), "--version"], cwd=ROOT, capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(f"compare_training: ./ruru --version failed:\n{run.stdout}\n{run.stderr}")


def best(rounds):
    return min(rounds, key=lambda r: r["seconds"])


def main():
    rounds = int(next((a for a in sys.argv[1:] if a.isdigit()), "1"))
    workloads = [a.lower() for a in sys.argv[1:] if not a.isdigit()] or ["w1", "w2", "w3"]
    build()
    print(f"Best of {rounds} round(s) each side, seconds per epoch (median over the run's epochs)")
    print()
    print("| workload | threads | Ruru s/epoch | reference s/epoch | ratio | target | first epoch s, Ruru / reference "
          "| test accuracy, Ruru / reference | peak RSS MB, Ruru / reference |")
    print("|---|---|---|---|---|---|---|---|---|")
    for workload in workloads:
        for threads in (1, 2):
            ours, theirs = [], []
            for _ in range(rounds):
                theirs.append(reference(workload, threads))
                ours.append(ruru(workload, threads))
                print(f"{workload} {threads}T: Ruru {ours[-1]}, reference {theirs[-1]}", file=sys.stderr, flush=True)
            o, t = best(ours), best(theirs)
            ratio = o["seconds"] / t["seconds"]
            target = TARGETS[workload]
            print(f"| {workload.upper()} | {threads} | {o['seconds']:.3f} | {t['seconds']:.3f} | {ratio:.2f} | ≤ {target} {'✓' if ratio <= target else '✗'} "
                  f"| {o['first']:.3f} / {t['first']:.3f} | {100 * o['accuracy']:.2f} % / {100 * t['accuracy']:.2f} % "
                  f"| {o['rss']:.0f} / {t['rss']:.0f} |", flush=True)


if __name__ == "__main__":
    main()
