"""Writes breast_cancer.csv, the Wisconsin diagnostic breast-cancer table (569 rows, 30 numeric columns)
that scikit-learn ships (Debian's python3-sklearn), with a header and the label last: diagnosis 0 is
malignant, 1 benign. The tabular anomaly tests take benign as normal. Run with /usr/bin/python3."""
import csv
from sklearn.datasets import load_breast_cancer

data = load_breast_cancer()
with open("breast_cancer.csv", "w", newline="") as f:
    out = csv.writer(f, lineterminator="\n")
    out.writerow([name.replace(" ", "_") for name in data.feature_names] + ["diagnosis"])
    for row, label in zip(data.data, data.target):
        out.writerow([repr(float(v)) for v in row] + [int(label)])
