#!/usr/bin/python3
"""Cora node classification in plain PyTorch 1.13 (no graph library): the reference for Ruru's
`bench/graph/CoraBench.java`, the same models, equations and settings.

GCN (Kipf & Welling 2017): dropout 0.5 -> GCNConv(1433, 16) -> ReLU -> dropout 0.5 -> GCNConv(16, 7),
Â = D^-1/2 (A + I) D^-1/2 applied with torch.sparse.mm; Adam lr 0.01, L2 5e-4 on the first layer.
GAT (Veličković et al. 2018): dropout 0.6 -> 8 heads x 8 units (ELU, attention dropout 0.6) -> dropout
0.6 -> 1 head x 7; Adam lr 0.005, L2 5e-4 on everything. Features are row-normalised. 200 epochs; the
test accuracy is that of the epoch with the best validation accuracy (lower validation loss on ties).
Seconds per epoch: the median of the training steps' wall times (forward, backward, Adam), as Ruru's.

Usage: BENCH_THREADS=T /usr/bin/python3 cora_torch.py CORA_NPZ gcn|gat SEEDS [EPOCHS]
Prints one JSON line.
"""
import json, os, statistics, sys, time

threads = int(os.environ.get("BENCH_THREADS", "1"))
os.environ.setdefault("OMP_NUM_THREADS", str(threads))
import numpy as np
import scipy.sparse as sp
import torch
import torch.nn.functional as F

torch.set_num_threads(threads)


def load(path):
    d = np.load(path)
    x = sp.csr_matrix((d["features_data"], d["features_indices"], d["features_indptr"]), shape=tuple(d["features_shape"])).toarray()
    sums = x.sum(1, keepdims=True)
    x = x / np.where(sums > 0, sums, 1)
    n = x.shape[0]
    e = d["edges"]
    src = np.concatenate([e[:, 0], e[:, 1]])
    tgt = np.concatenate([e[:, 1], e[:, 0]])
    return (torch.tensor(x, dtype=torch.float32), torch.tensor(d["labels"]), torch.tensor(src), torch.tensor(tgt), n,
            torch.tensor(d["train_index"]), torch.tensor(d["val_index"]), torch.tensor(d["test_index"]))


def gcn_matrix(src, tgt, n):
    loops = torch.arange(n)
    rows, cols = torch.cat([tgt, loops]), torch.cat([src, loops])
    a = torch.sparse_coo_tensor(torch.stack([rows, cols]), torch.ones(len(rows)), (n, n)).coalesce()
    scale = torch.sparse.sum(a, dim=1).to_dense().pow(-0.5)
    i = a.indices()
    return torch.sparse_coo_tensor(i, a.values() * scale[i[0]] * scale[i[1]], (n, n)).coalesce()


def glorot(*shape):
    fan_in, fan_out = shape[-1], shape[-2] if len(shape) > 1 else shape[-1]
    bound = (6 / (fan_in + fan_out)) ** 0.5
    return torch.nn.Parameter(torch.empty(*shape).uniform_(-bound, bound))


class GCN(torch.nn.Module):
    def __init__(self, a, features, classes):
        super().__init__()
        self.a = a
        self.w1, self.b1 = glorot(16, features), torch.nn.Parameter(torch.zeros(16))
        self.w2, self.b2 = glorot(classes, 16), torch.nn.Parameter(torch.zeros(classes))

    def forward(self, x):
        x = F.dropout(x, 0.5, self.training)
        h = torch.relu(torch.sparse.mm(self.a, x @ self.w1.T) + self.b1)
        h = F.dropout(h, 0.5, self.training)
        return torch.sparse.mm(self.a, h @ self.w2.T) + self.b2

    def groups(self):
        return [dict(params=[self.w1, self.b1], weight_decay=5e-4), dict(params=[self.w2, self.b2], weight_decay=0)]


class GATLayer(torch.nn.Module):
    def __init__(self, src, tgt, n, features, out, heads, concat):
        super().__init__()
        loops = torch.arange(n)
        self.s, self.t, self.n = torch.cat([src, loops]), torch.cat([tgt, loops]), n
        self.heads, self.out, self.concat = heads, out, concat
        self.w = glorot(heads * out, features)
        bound = (6 / (heads * out + out)) ** 0.5
        self.a_src = torch.nn.Parameter(torch.empty(heads, out).uniform_(-bound, bound))
        self.a_tgt = torch.nn.Parameter(torch.empty(heads, out).uniform_(-bound, bound))
        self.b = torch.nn.Parameter(torch.zeros(heads * out if concat else out))

    def forward(self, x):
        z = (x @ self.w.T).view(self.n, self.heads, self.out)
        score = F.leaky_relu((z * self.a_src).sum(-1)[self.s] + (z * self.a_tgt).sum(-1)[self.t], 0.2)
        index = self.t.view(-1, 1).expand_as(score)
        top = torch.zeros(self.n, self.heads).scatter_reduce(0, index, score.detach(), "amax", include_self=False)
        e = (score - top[self.t]).exp()
        alpha = e / torch.zeros(self.n, self.heads).index_add(0, self.t, e)[self.t]
        alpha = F.dropout(alpha, 0.6, self.training)
        h = torch.zeros(self.n, self.heads, self.out).index_add(0, self.t, z[self.s] * alpha.unsqueeze(-1))
        return (h.reshape(self.n, -1) if self.concat else h.mean(1)) + self.b


class GAT(torch.nn.Module):
    def __init__(self, src, tgt, n, features, classes):
        super().__init__()
        self.one = GATLayer(src, tgt, n, features, 8, 8, True)
        self.two = GATLayer(src, tgt, n, 64, classes, 1, False)

    def forward(self, x):
        h = F.elu(self.one(F.dropout(x, 0.6, self.training)))
        return self.two(F.dropout(h, 0.6, self.training))

    def groups(self):
        return [dict(params=self.parameters(), weight_decay=5e-4)]


def run(model_name, seed, epochs, data):
    x, y, src, tgt, n, train, val, test = data
    torch.manual_seed(seed)
    if model_name == "gcn":
        model, lr = GCN(gcn_matrix(src, tgt, n), x.shape[1], int(y.max()) + 1), 0.01
    else:
        model, lr = GAT(src, tgt, n, x.shape[1], int(y.max()) + 1), 0.005
    optimizer = torch.optim.Adam(model.groups(), lr=lr)
    best, times = (-1.0, float("inf"), 0.0), []
    for epoch in range(epochs):
        start = time.perf_counter()
        model.train()
        optimizer.zero_grad()
        F.cross_entropy(model(x)[train], y[train]).backward()
        optimizer.step()
        times.append(time.perf_counter() - start)
        model.eval()
        with torch.no_grad():
            out = model(x)
            val_acc = (out[val].argmax(1) == y[val]).float().mean().item()
            val_loss = F.cross_entropy(out[val], y[val]).item()
            if val_acc > best[0] or (val_acc == best[0] and val_loss < best[1]):
                best = (val_acc, val_loss, (out[test].argmax(1) == y[test]).float().mean().item())
    return best[2], statistics.median(times[5:])


def main():
    path, model_name, seeds = sys.argv[1], sys.argv[2], int(sys.argv[3])
    epochs = int(sys.argv[4]) if len(sys.argv) > 4 else 200
    data = load(path)
    results = [run(model_name, seed, epochs, data) for seed in range(seeds)]
    accuracies = [r[0] for r in results]
    print(json.dumps({"side": "pytorch", "model": model_name, "threads": threads, "seeds": seeds, "epochs": epochs,
                      "test_accuracy_mean": round(statistics.mean(accuracies), 4),
                      "test_accuracy_std": round(statistics.pstdev(accuracies), 4),
                      "sec_per_epoch": round(statistics.median(r[1] for r in results), 5)}))


if __name__ == "__main__":
    main()
