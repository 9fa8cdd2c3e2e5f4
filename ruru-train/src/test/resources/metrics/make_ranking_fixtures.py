"""Reference values for AuprcTest: scikit-learn's average_precision_score, roc_auc_score and roc_curve.

Run with Debian's Python (scikit-learn): /usr/bin/python3 make_ranking_fixtures.py
Writes ranking.npz beside this script; seeded. Three cases: continuous scores, scores rounded to one
decimal (many ties), and rare positives (5 %).
"""
import numpy as np
from sklearn.metrics import average_precision_score, roc_auc_score, roc_curve

rng = np.random.default_rng(5)
out = {}
cases = {
    "continuous": (rng.random(300) < 0.4, None),
    "ties": (rng.random(300) < 0.5, 1),
    "rare": (rng.random(400) < 0.05, None),
}
for name, (labels, decimals) in cases.items():
    scores = rng.standard_normal(labels.size) + 1.2 * labels
    if decimals is not None:
        scores = np.round(scores, decimals)
    fpr, tpr, _ = roc_curve(labels, scores, drop_intermediate=False)
    out[name + "_scores"] = scores
    out[name + "_labels"] = labels
    out[name + "_ap"] = np.array(average_precision_score(labels, scores))
    out[name + "_auroc"] = np.array(roc_auc_score(labels, scores))
    out[name + "_fpr"] = fpr
    out[name + "_tpr"] = tpr
np.savez("ranking.npz", **out)
