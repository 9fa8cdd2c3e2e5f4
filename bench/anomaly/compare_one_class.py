#!/usr/bin/python3
"""One-class anomaly detection on Fashion-MNIST: Ruru's detectors beside scikit-learn's PCA, one run.

Runs bench/anomaly/one_class_sklearn.py (PCA-K per class on all its training images, and the distance to
the class-mean image) and then `./ruru anomaly benchmark --detectors DETECTORS` (PCA-K fitted on 90 % of the
class's training images, the rest held out for the threshold; Deep SVDD with EPOCHS epochs), and prints
one Markdown table of AUROC per class and the means. Both sides read /usr/share/datasets/fashion-mnist.

    /usr/bin/python3 bench/anomaly/compare_one_class.py [DETECTORS] [EPOCHS] [K]   # default pca 10 32
"""
import json, os, subprocess, sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from benchenv import bench_env  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main():
    detectors = sys.argv[1] if len(sys.argv) > 1 else "pca"
    epochs = sys.argv[2] if len(sys.argv) > 2 else "10"
    k = sys.argv[3] if len(sys.argv) > 3 else "32"
    reference = subprocess.run(["/usr/bin/python3", os.path.join(ROOT, "bench", "anomaly", "one_class_sklearn.py"), k],
                               capture_output=True, text=True, check=True, env=bench_env()).stdout
    rows = [json.loads(line) for line in reference.splitlines() if line.startswith("{")]
    ruru = subprocess.run([os.path.join(ROOT, "ruru"), "anomaly", "benchmark", "--detectors", detectors, "--epochs", epochs,
                           "--lr", "1e-3", "--components", k], capture_output=True, text=True, check=True, cwd=ROOT, env=bench_env()).stdout
    table = [line for line in ruru.splitlines() if line.startswith("|")]
    print(ruru, file=sys.stderr)
    ruru_columns = [cell.strip() for cell in table[0].strip("|").split("|")][1:]
    aurocs = [i for i, name in enumerate(ruru_columns) if name.endswith("AUROC")]
    header = ["normal class", "sklearn PCA-" + k, "class mean"] + ["Ruru " + ruru_columns[i] for i in aurocs]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for c in range(10):
        cells = [cell.strip() for cell in table[2 + c].strip("|").split("|")]
        print("| %s | %.4f | %.4f | %s |" % (cells[0], rows[c]["pca_auroc"], rows[c]["mean_auroc"], " | ".join(cells[1 + i] for i in aurocs)))
    mean = [cell.strip() for cell in table[12].strip("|").split("|")]
    print("| mean | **%.4f** | **%.4f** | %s |" % (rows[10]["mean"]["pca_auroc"], rows[10]["mean"]["mean_auroc"],
                                                " | ".join(mean[1 + i] for i in aurocs)))


if __name__ == "__main__":
    main()
