"""The reference semantics of every op a graph program may use, with torch (see make_graphs.py).

run_op is what the Java interpreter (GraphInterpreter) mirrors, one case per op; the other functions
check values before an op is chosen, so that both libraries have the same derivative there.
"""
import numpy as np
import torch
import torch.nn.functional as F


def resolve(token, env):
    """A name's value, or a number as a float64 scalar."""
    return env[token] if token in env else torch.tensor(float(token), dtype=torch.float64)


def ints(text):
    return [int(v) for v in text.split(",")] if text else []


def run_op(op, args, attrs, env):
    """One program line with torch: the reference semantics of every op the Java interpreter knows."""
    a = [resolve(t, env) for t in args]
    binary = {"add": torch.add, "sub": torch.sub, "mul": torch.mul, "div": torch.div, "pow": torch.pow,
              "maximum": torch.maximum, "minimum": torch.minimum, "matmul": torch.matmul}
    unary = {"neg": torch.neg, "exp": torch.exp, "log": torch.log, "sin": torch.sin, "cos": torch.cos, "tanh": torch.tanh,
             "sigmoid": torch.sigmoid, "relu": torch.relu, "abs": torch.abs, "sqrt": torch.sqrt}
    if op in binary:
        return binary[op](a[0], a[1])
    if op in unary:
        return unary[op](a[0])
    if op in ("sum", "mean", "max"):
        # no axes= means every axis; amax shares a tie's gradient equally, as Ruru's max does
        axes = ints(attrs.get("axes", "")) or list(range(a[0].dim()))
        keep = attrs.get("keep") == "1"
        return {"sum": torch.sum, "mean": torch.mean, "max": torch.amax}[op](a[0], dim=axes, keepdim=keep)
    if op == "linear":
        return F.linear(*a)
    if op == "linearrelu":
        return torch.relu(F.linear(*a))
    if op == "reshape":
        return a[0].reshape(ints(attrs["shape"]))
    if op == "permute":
        return a[0].permute(ints(attrs["axes"]))
    if op == "transpose":
        return a[0].permute(list(reversed(range(a[0].dim()))))
    if op == "broadcast":
        return a[0].expand(ints(attrs["shape"]))
    if op == "slice":
        axis, start, stop, step = ints(attrs["range"])
        return a[0][(slice(None),) * axis + (slice(start, stop, step),)]
    if op == "pad":
        widths = [ints(w.replace(":", ",")) for w in attrs["widths"].split(";")]
        flat = [v for before_after in reversed(widths) for v in before_after]
        return F.pad(a[0], flat)
    if op == "concat":
        return torch.cat(a, dim=int(attrs["axis"]))
    if op == "softmax":
        return torch.softmax(a[0], dim=int(attrs["axis"]))
    if op == "logsoftmax":
        return torch.log_softmax(a[0], dim=int(attrs["axis"]))
    if op == "crossentropy":
        return F.cross_entropy(a[0], a[1], reduction="none")
    if op == "gather":
        return torch.gather(a[0], int(attrs["axis"]), a[1].long())
    if op == "where":
        return torch.where(a[0] != 0, a[1], a[2])
    if op == "conv2d":
        return F.conv2d(a[0], a[1], stride=ints(attrs["stride"]), padding=ints(attrs["padding"]),
                        dilation=ints(attrs["dilation"]), groups=int(attrs["groups"]))
    if op == "convtranspose2d":
        return F.conv_transpose2d(a[0], a[1], stride=ints(attrs["stride"]), padding=ints(attrs["padding"]),
                                  output_padding=ints(attrs["outpadding"]), groups=int(attrs["groups"]),
                                  dilation=ints(attrs["dilation"]))
    if op == "maxpool2d":
        return F.max_pool2d(a[0], int(attrs["kernel"]), int(attrs["stride"]), int(attrs["padding"]))
    if op == "avgpool2d":
        return F.avg_pool2d(a[0], int(attrs["kernel"]), int(attrs["stride"]), int(attrs["padding"]))
    raise ValueError("unknown op " + op)


def clear_maxima(x, axes):
    """Whether every group reduced over axes has its maximum either ahead of the next value by more than
    1e-6 or tied exactly (broadcast copies): both libraries share a tie's gradient equally, but a
    near-tie could flip with rounding."""
    x = x.detach().numpy()
    axes = list(range(x.ndim)) if not axes else axes
    rest = [i for i in range(x.ndim) if i not in axes]
    groups = np.transpose(x, rest + axes).reshape(-1, int(np.prod([x.shape[i] for i in axes])))
    if groups.shape[1] < 2:
        return True
    top = np.sort(groups, axis=1)
    gap = top[:, -1] - top[:, -2]
    return bool(np.all((gap > 1e-6) | (gap == 0)))


def no_near_ties(x):
    """Whether no two values are within 1e-6 of each other unless equal (a pooling window's maximum is then
    clear, or an exact copy: both libraries send a tie's gradient to the first in the window)."""
    gaps = np.diff(np.sort(x.detach().numpy().ravel()))
    return bool(np.all((gaps > 1e-6) | (gaps == 0)))
