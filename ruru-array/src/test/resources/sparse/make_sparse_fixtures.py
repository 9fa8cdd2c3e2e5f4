"""Reference values for dev.ruru.array.sparse (CsrMatrixTest): SciPy's COO -> CSR conversion (repeats
summed), sparse x dense product, transpose, row/column sums and D^-1/2 (A + I) D^-1/2.
Run from this folder: python3 make_sparse_fixtures.py (seeded; writes sparse_reference.npz)."""
import numpy as np
import scipy.sparse as sp

rng = np.random.default_rng(23)
rows, cols, entries = 7, 5, 20
r = rng.integers(0, rows, entries)
c = rng.integers(0, cols, entries)
r[1], c[1] = r[0], c[0]  # at least one repeated position, which tocsr() adds up
v = rng.standard_normal(entries)
a = sp.coo_matrix((v, (r, c)), shape=(rows, cols)).tocsr()
a.sort_indices()
dense = rng.standard_normal((cols, 3))
at = a.T.tocsr()
at.sort_indices()

# An undirected graph of 8 nodes (one isolated) for the GCN normalisation.
edges = np.array([[0, 1], [1, 2], [2, 0], [2, 3], [3, 4], [4, 5], [5, 6], [6, 4]])
n = 8
adj = sp.coo_matrix((np.ones(2 * len(edges)), (np.r_[edges[:, 0], edges[:, 1]], np.r_[edges[:, 1], edges[:, 0]])),
                    shape=(n, n)).tocsr()
loops = adj + sp.identity(n)
d = np.asarray(loops.sum(axis=1)).ravel() ** -0.5
norm = (sp.diags(d) @ loops @ sp.diags(d)).tocsr()
norm.sort_indices()

np.savez("sparse_reference.npz",
         coo_rows=r.astype(np.int64), coo_cols=c.astype(np.int64), coo_values=v,
         csr_indptr=a.indptr.astype(np.int64), csr_indices=a.indices.astype(np.int64), csr_data=a.data,
         dense=dense, product=a @ dense, product_vector=a @ dense[:, 0],
         t_indptr=at.indptr.astype(np.int64), t_indices=at.indices.astype(np.int64), t_data=at.data,
         row_sums=np.asarray(a.sum(axis=1)).ravel(), column_sums=np.asarray(a.sum(axis=0)).ravel(),
         edges=edges.astype(np.int64), norm_dense=norm.toarray(),
         norm_indptr=norm.indptr.astype(np.int64), norm_indices=norm.indices.astype(np.int64), norm_data=norm.data)
