"""Reference values for dev.ruru.nn.graph (GraphLayersTorchTest): each graph layer's equations written
in plain PyTorch 1.13 (torch.sparse.mm for GCN; index_add_ and scatter_reduce for the segment
reductions; no graph library), in float64. Each fixture holds the inputs x0.. , a cotangent `cot`,
the output `out` and the gradients grad0.. of sum(out * cot) with respect to each input.
Run from this folder with /usr/bin/python3 make_graph_fixtures.py (seeded)."""
import numpy as np
import torch
import torch.nn.functional as F

torch.manual_seed(23)
torch.set_default_dtype(torch.float64)
N, IN = 7, 4
# Undirected links 0-1, 1-2, 2-0, 2-3, 3-4 plus the directed edge 5 -> 4; node 6 has no edges at all
# and node 5 none coming in (the empty groups of the max and the softmax).
links = [(0, 1), (1, 2), (2, 0), (2, 3), (3, 4)]
src = [u for u, v in links] + [v for u, v in links] + [5]
tgt = [v for u, v in links] + [u for u, v in links] + [4]
SRC, TGT = torch.tensor(src), torch.tensor(tgt)


def segment_sum(rows, groups, count):
    return torch.zeros((count,) + rows.shape[1:]).index_add(0, groups, rows)


def segment_max(rows, groups, count):
    index = groups.view(-1, *([1] * (rows.dim() - 1))).expand_as(rows)
    return torch.zeros((count,) + rows.shape[1:]).scatter_reduce(0, index, rows, reduce="amax", include_self=False)


def segment_softmax(scores, groups, count):
    shifted = scores - segment_max(scores.detach(), groups, count)[groups]
    e = shifted.exp()
    return e / segment_sum(e, groups, count)[groups]


def gcn(x, w, b):
    loops = torch.arange(N)
    rows, cols = torch.cat([TGT, loops]), torch.cat([SRC, loops])
    a = torch.sparse_coo_tensor(torch.stack([rows, cols]), torch.ones(len(rows)), (N, N)).coalesce()
    degree = torch.sparse.sum(a, dim=1).to_dense()
    scale = degree.pow(-0.5)
    i = a.indices()
    norm = torch.sparse_coo_tensor(i, a.values() * scale[i[0]] * scale[i[1]], (N, N))
    return torch.sparse.mm(norm, x @ w.T) + b


def sage(aggregate):
    def layer(x, wn, b, wr):
        messages = x[SRC]
        if aggregate == "mean":
            counts = torch.zeros(N).index_add(0, TGT, torch.ones(len(src))).clamp(min=1)
            agg = segment_sum(messages, TGT, N) / counts[:, None]
        else:
            agg = segment_max(messages, TGT, N)
        return agg @ wn.T + b + x @ wr.T
    return layer


def gat(heads, out, concat):
    def layer(x, w, a_src, a_tgt, b):
        loops = torch.arange(N)
        s, t = torch.cat([SRC, loops]), torch.cat([TGT, loops])
        z = (x @ w.T).view(N, heads, out)
        score = (z * a_src).sum(-1)[s] + (z * a_tgt).sum(-1)[t]
        alpha = segment_softmax(F.leaky_relu(score, 0.2), t, N)
        h = segment_sum(z[s] * alpha.unsqueeze(-1), t, N)
        h = h.reshape(N, heads * out) if concat else h.mean(1)
        return h + b
    return layer


def gin(x, eps, w1, b1, w2, b2):
    h = (1 + eps) * x + segment_sum(x[SRC], TGT, N)
    return F.linear(torch.relu(F.linear(h, w1, b1)), w2, b2)


GRAPH_OF_NODE = torch.tensor([0, 0, 0, 1, 1, 1, 1])


def pooling(kind):
    def pool(x):
        if kind == "sum":
            return segment_sum(x, GRAPH_OF_NODE, 2)
        if kind == "mean":
            return segment_sum(x, GRAPH_OF_NODE, 2) / torch.tensor([[3.0], [4.0]])
        return segment_max(x, GRAPH_OF_NODE, 2)
    return pool


def save(name, f, *shapes):
    inputs = [torch.randn(*shape, requires_grad=True) for shape in shapes]
    out = f(*inputs)
    cot = torch.randn(*out.shape)
    grads = torch.autograd.grad((out * cot).sum(), inputs)
    arrays = {f"x{i}": t.detach().numpy() for i, t in enumerate(inputs)}
    arrays.update({f"grad{i}": g.numpy() for i, g in enumerate(grads)})
    np.savez(f"{name}.npz", out=out.detach().numpy(), cot=cot.numpy(), sources=np.array(src), targets=np.array(tgt), **arrays)


save("gcn", gcn, (N, IN), (3, IN), (3,))
save("sage_mean", sage("mean"), (N, IN), (3, IN), (3,), (3, IN))
save("sage_max", sage("max"), (N, IN), (3, IN), (3,), (3, IN))
save("gat_concat", gat(2, 3, True), (N, IN), (6, IN), (2, 3), (2, 3), (6,))
save("gat_mean", gat(2, 3, False), (N, IN), (6, IN), (2, 3), (2, 3), (3,))
save("gin", gin, (N, IN), (1,), (5, IN), (5,), (3, 5), (3,))
for kind in ["sum", "mean", "max"]:
    save(f"pool_{kind}", pooling(kind), (N, 3))
