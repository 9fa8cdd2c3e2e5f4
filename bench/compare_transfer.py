#!/usr/bin/python3
"""The transfer experiment on both sides in one run: Ruru's dev.ruru.examples.TransferLearning and the
same program in PyTorch (transfer_torch.py), as one Markdown table of test accuracy on Fashion-MNIST
classes 5-9 after pretraining on classes 0-4 (see transfer_torch.py for the settings, which are the
TransferExperiment.Settings.standard of Ruru). Each cell is the mean over the seeds, with the standard
deviation when there are several; the runs are seeded, so a rerun prints the same numbers (up to
floating-point summation order across thread counts).

Usage, from the repository root (about two to five minutes a seed per side on two cores):
    /usr/bin/python3 bench/compare_transfer.py [SEEDS=1]
"""
import json, os, statistics, subprocess, sys

from benchenv import bench_env, torch_env
from compare_training import JAR, ROOT, build, java_settings

WAYS = (("scratch", "from scratch"), ("frozen", "frozen features + new head"), ("fine_tune", "fine-tune all"))
ISSUE = {"scratch": [0.840, 0.886, 0.926], "frozen": [0.578, 0.616, 0.714], "fine_tune": [0.879, 0.897, 0.938]}


def last_json(output, who):
    """The JSON object that ends `output`: one line (PyTorch's) or indented over several (Ruru's)."""
    lines = output.splitlines()
    starts = [i for i, line in enumerate(lines) if line.startswith("{")]
    if not starts:
        raise SystemExit(f"compare_transfer: {who} printed no JSON result:\n{output}")
    return json.loads("\n".join(lines[starts[-1]:]))


def ruru(seeds):
    build()
    # The example's classes, beside the runnable jar that holds everything it uses.
    subprocess.run([os.path.join(ROOT, "test"), "-q", "-pl", "ruru-examples", "-am", "-DskipTests"], cwd=ROOT, check=True,
                   capture_output=True)
    home, options = java_settings()
    classes = os.path.join(ROOT, "ruru-examples", "target", "classes")
    run = subprocess.run([os.path.join(home, "bin", "java"), *options, "--enable-native-access=ALL-UNNAMED", "-cp", JAR + ":" + classes,
                          "dev.ruru.examples.TransferLearning", str(seeds), os.path.join(ROOT, "runs", "transfer")],
                         env=bench_env(), capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(f"compare_transfer: the Ruru side failed:\n{run.stdout}\n{run.stderr}")
    return last_json(run.stdout, "Ruru")


def pytorch(seeds):
    run = subprocess.run(["/usr/bin/python3", os.path.join(ROOT, "bench", "transfer_torch.py"), str(seeds)], env=torch_env(2),
                         capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(f"compare_transfer: the PyTorch side failed:\n{run.stdout}\n{run.stderr}")
    return last_json(run.stdout, "PyTorch")


def cell(values):
    mean = statistics.mean(values)
    return f"{mean:.3f}" + (f" ± {statistics.stdev(values):.3f}" if len(values) > 1 else "")


def main():
    seeds = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    sides = {"Ruru": ruru(seeds), "PyTorch": pytorch(seeds)}
    labels = list(sides["PyTorch"]["accuracy"]["scratch"])
    print(f"Test accuracy on classes 5-9 after pretraining on 0-4, {seeds} seed{'s' if seeds > 1 else ''} (s = 0..{seeds - 1})")
    print()
    print("| way | side | " + " | ".join(f"{n} labels/class" for n in labels) + " |")
    print("|---|---|" + "---|" * len(labels))
    for key, name in WAYS:
        for side, result in sides.items():
            print(f"| {name} | {side} | " + " | ".join(cell(result["accuracy"][key][n]) for n in labels) + " |")
        print(f"| {name} | PyTorch (issue) | " + " | ".join(f"{v:.3f}" for v in ISSUE[key]) + " |")
    print()
    for side, result in sides.items():
        print(f"{side}: pretrained on classes 0-4, test accuracy " + ", ".join(f"{a:.4f}" for a in result["pretrain_accuracy"]))


if __name__ == "__main__":
    main()
