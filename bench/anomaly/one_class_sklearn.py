#!/usr/bin/python3
"""The one-class reference: per Fashion-MNIST class, the reconstruction error of scikit-learn's PCA with
K components fitted on that class's training images (all of them: no threshold is chosen here), and the
squared distance to the class-mean image; AUROC and AUPRC (average precision, anomalies positive) of the
scores of all 10,000 test images. One JSON line per class, then one with the means.

    /usr/bin/python3 bench/anomaly/one_class_sklearn.py [K] [DATA_DIR]     # default 32, /usr/share/datasets/fashion-mnist
"""
import gzip, json, os, sys, time

import numpy as np
from sklearn.decomposition import PCA
from sklearn.metrics import average_precision_score, roc_auc_score


def idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def main():
    k = int(sys.argv[1]) if len(sys.argv) > 1 else 32
    root = sys.argv[2] if len(sys.argv) > 2 else "/usr/share/datasets/fashion-mnist"
    train = idx(os.path.join(root, "train-images-idx3-ubyte.gz")).reshape(-1, 784) / 255.0
    train_labels = idx(os.path.join(root, "train-labels-idx1-ubyte.gz"))
    test = idx(os.path.join(root, "t10k-images-idx3-ubyte.gz")).reshape(-1, 784) / 255.0
    test_labels = idx(os.path.join(root, "t10k-labels-idx1-ubyte.gz"))
    rows = []
    start = time.time()
    for c in range(10):
        normal = train[train_labels == c]
        anomalous = test_labels != c
        pca = PCA(n_components=k, svd_solver="full").fit(normal)
        error = ((test - pca.inverse_transform(pca.transform(test))) ** 2).mean(1)
        distance = ((test - normal.mean(0)) ** 2).sum(1)
        row = {"class": c, "pca_auroc": roc_auc_score(anomalous, error), "pca_auprc": average_precision_score(anomalous, error),
               "mean_auroc": roc_auc_score(anomalous, distance), "mean_auprc": average_precision_score(anomalous, distance)}
        rows.append(row)
        print(json.dumps(row), flush=True)
    means = {key: float(np.mean([r[key] for r in rows])) for key in rows[0] if key != "class"}
    means["seconds"] = time.time() - start
    print(json.dumps({"mean": means}), flush=True)


if __name__ == "__main__":
    main()
