"""A small piece of the Cora citation graph in the format of ../shared/data/planetoid/cora.npz (see its
README), for GraphArchiveTest and the graph examples' fast tests: the first 300 nodes a breadth-first
search from the first training node reaches, renumbered in that order, with their links, features (CSR
form), labels and the Planetoid split restricted to them. check_* entries (ignored by the reader) hold what the
test expects: each node's feature count and undirected degree.
Run: python3 make_cora_subgraph.py /work/shared/data/planetoid/cora.npz"""
import sys
import numpy as np
import scipy.sparse as sp
import scipy.sparse.csgraph

cora = np.load(sys.argv[1])

n = 300
all_edges = cora["edges"]
count = int(cora["features_shape"][0])
adjacency = sp.coo_matrix((np.ones(len(all_edges)), (all_edges[:, 0], all_edges[:, 1])), shape=(count, count)).tocsr()
adjacency = adjacency + adjacency.T
order, _ = sp.csgraph.breadth_first_order(adjacency, int(cora["train_index"][0]), directed=False)
order = order[:n]
new_id = -np.ones(count, dtype=np.int64)
new_id[order] = np.arange(n)
features = sp.csr_matrix((cora["features_data"], cora["features_indices"], cora["features_indptr"]),
                         shape=tuple(cora["features_shape"]))[order]
edges = new_id[all_edges]
edges = edges[(edges[:, 0] >= 0) & (edges[:, 1] >= 0)]
degree = np.bincount(edges.ravel(), minlength=n)


def inside(index):
    mapped = new_id[index]
    return mapped[mapped >= 0]


np.savez_compressed("cora_bfs300.npz",
                    features_indptr=features.indptr.astype(np.int64), features_indices=features.indices.astype(np.int64),
                    features_data=features.data.astype(np.float32),
                    features_shape=np.array(features.shape, dtype=np.int64), labels=cora["labels"][order],
                    edges=edges, train_index=inside(cora["train_index"]), val_index=inside(cora["val_index"]),
                    test_index=inside(cora["test_index"]),
                    check_feature_counts=np.asarray(features.sum(axis=1)).ravel(), check_degree=degree)
print(n, "nodes,", len(edges), "links,", features.nnz, "feature entries")
