"""Writes regression_scores.json for RegressionScoresTest: predictions, truth and NumPy's MSE, MAE and R^2.

R^2 is scikit-learn's r2_score formula, 1 - sum((y - p)^2) / sum((y - mean(y))^2) (scikit-learn is not
installed here; with it, sklearn.metrics.r2_score(y, p) gives the same number). Seeded: rerunning writes
the same file. Run from this directory: python3 make_regression_scores.py
"""
import json
import numpy as np

rng = np.random.default_rng(25)
y = rng.normal(3.0, 2.0, size=40)
p = y + rng.normal(0.0, 0.8, size=40)
cases = []
for name, pred in [("noisy", p), ("mean", np.full_like(y, y.mean())), ("worse", -y)]:
    cases.append({
        "name": name,
        "truth": y.tolist(),
        "predicted": pred.tolist(),
        "mse": float(np.mean((pred - y) ** 2)),
        "mae": float(np.mean(np.abs(pred - y))),
        "r2": float(1 - np.sum((y - pred) ** 2) / np.sum((y - y.mean()) ** 2)),
    })
with open("regression_scores.json", "w") as f:
    json.dump(cases, f, indent=1)
