"""Reference values for dev.ruru.array.linalg's tests (SymmetricEigenTest, PcaTest).

Run with Debian's Python (scikit-learn and SciPy): /usr/bin/python3 make_linalg_fixtures.py
Writes linalg.npz beside this script; seeded, so reruns give the same file.
"""
import numpy as np
import scipy.linalg
from sklearn.decomposition import PCA

rng = np.random.default_rng(19)
out = {}

# A symmetric matrix with distinct eigenvalues of both signs: numpy's eigh (LAPACK syevd).
m = rng.standard_normal((6, 6))
symmetric = (m + m.T) / 2
values, vectors = np.linalg.eigh(symmetric)
out["symmetric"] = symmetric
out["symmetric_values"] = values
out["symmetric_vectors"] = vectors

# A positive semi-definite matrix of rank 3 (a covariance of 3 directions in 5 dimensions): scipy's sqrtm.
factor = rng.standard_normal((5, 3))
psd = factor @ factor.T
out["psd"] = psd
out["psd_sqrt"] = np.real(scipy.linalg.sqrtm(psd))

# PCA of correlated data: 60 samples, 8 features, 3 components; scikit-learn's full SVD solver.
latent = rng.standard_normal((60, 3)) * np.array([3.0, 2.0, 1.0])
mixing = rng.standard_normal((3, 8))
data = latent @ mixing + 0.1 * rng.standard_normal((60, 8)) + np.arange(8)
test = rng.standard_normal((5, 8)) + np.arange(8)
pca = PCA(n_components=3, svd_solver="full").fit(data)
out["pca_data"] = data
out["pca_test"] = test
out["pca_mean"] = pca.mean_
out["pca_components"] = pca.components_
out["pca_explained_variance"] = pca.explained_variance_
out["pca_explained_variance_ratio"] = pca.explained_variance_ratio_
out["pca_transform"] = pca.transform(test)
out["pca_inverse"] = pca.inverse_transform(pca.transform(test))

np.savez("linalg.npz", **out)
