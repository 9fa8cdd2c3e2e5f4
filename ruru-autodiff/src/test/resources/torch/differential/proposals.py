"""Random proposals for the next op of a growing graph (see make_graphs.py).

Each proposal looks at a variable a of the graph g and returns (op, args, attrs), creating the inputs
and constants it needs through g, or None when the op does not fit a's shape or values.
"""
import numpy as np

from graph_ops import no_near_ties, resolve, run_op, clear_maxima

LITERALS = [0.5, 1.5, 2.0, 2.5, -1.0, -0.75, 3.0, 0.3]
POSITIVE = 0.2


def unary(name, condition=lambda v: True):
    return lambda g, a: (name, [a], {}) if condition(g.env[a]) else None


def elementwise(name):
    def propose(g, a):
        b = g.partner(g.broadcastable(tuple(g.env[a].shape)))
        # the variable on either side, and so the constant too; pow's base must stay positive
        args = [a, b] if name == "pow" or g.rng.random() < 0.6 else [b, a]
        left, right = resolve(args[0], g.env), resolve(args[1], g.env)
        if name == "pow" and (left.min() <= POSITIVE or right.abs().max() > 3):
            return None
        if name == "div" and right.abs().min() <= 0.3:
            return None
        if name in ("maximum", "minimum") and (left - right).abs().min() <= 1e-4:
            return None
        return name, args, {}
    return propose


def power_of_literal(g, a):
    """A positive literal base to a variable power: 2.5^x."""
    return "pow", [repr(float(g.rng.choice([0.5, 1.5, 2.0, 2.5]))), a], {}


def matmul(g, a):
    """a @ b or c @ a with a new operand: vectors, matrices and a broadcast batch."""
    shape = tuple(g.env[a].shape)
    if len(shape) == 0:
        return None
    if g.rng.random() < 0.3 and len(shape) >= 2:
        return "matmul", [g.leaf("input", (int(g.rng.integers(1, 4)), shape[-2])), a], {}
    k, m = shape[-1], int(g.rng.integers(1, 4))
    other = [(k,), (k, m), (2, k, m)][int(g.rng.integers(3))]
    return "matmul", [a, g.leaf("input" if g.rng.random() < 0.6 else "const", other)], {}


def linear(relu):
    def propose(g, a):
        shape = tuple(g.env[a].shape)
        if len(shape) != 2:
            return None
        out = int(g.rng.integers(1, 4))
        w = g.leaf("input", (out, shape[1]))
        args = [a, w] + ([g.leaf("input", (out,))] if g.rng.random() < 0.7 else [])
        if relu and run_op("linear", args, {}, g.env).abs().min() <= 1e-3:
            return None
        return ("linearrelu" if relu else "linear"), args, {}
    return propose


def reduction(name):
    def propose(g, a):
        x = g.env[a]
        if x.dim() == 0:
            return None
        if g.rng.random() < 0.25:
            axes, attrs = [], {}
        else:
            count = int(g.rng.integers(1, x.dim() + 1))
            axes = sorted(int(v) for v in g.rng.choice(x.dim(), count, replace=False))
            attrs = {"axes": ",".join(map(str, axes)), "keep": str(int(g.rng.random() < 0.5))}
        if name == "max" and not clear_maxima(x, axes):
            return None
        return name, [a], attrs
    return propose


def reshape(g, a):
    size, factors, p = g.env[a].numel(), [], 2
    while size > 1:
        while size % p == 0:
            factors.append(p)
            size //= p
        p += 1
    dims = [1] * int(g.rng.choice([0, 1, 2, 3, 4], p=[0.05, 0.3, 0.35, 0.2, 0.1]) if not factors else g.rng.integers(1, 5))
    for p in factors:
        dims[int(g.rng.integers(len(dims)))] *= p
    return "reshape", [a], {"shape": ",".join(map(str, dims))}


def permute(g, a):
    rank = g.env[a].dim()
    if rank < 2:
        return None
    if g.rng.random() < 0.3:
        return "transpose", [a], {}
    return "permute", [a], {"axes": ",".join(str(int(v)) for v in g.rng.permutation(rank))}


def broadcast(g, a):
    shape = list(g.env[a].shape)
    target = [int(g.rng.integers(2, 4)) if d == 1 and g.rng.random() < 0.7 else d for d in shape]
    if g.rng.random() < 0.5:
        target = [int(g.rng.integers(2, 4))] + target
    return ("broadcast", [a], {"shape": ",".join(map(str, target))}) if target != shape else None


def slicing(g, a):
    shape = g.env[a].shape
    axes = [i for i, d in enumerate(shape) if d >= 2]
    if not axes:
        return None
    axis = int(g.rng.choice(axes))
    start = int(g.rng.integers(0, shape[axis] - 1))
    step = int(g.rng.integers(1, 3))
    stop = int(g.rng.integers(start + 1, shape[axis] + 1))
    return "slice", [a], {"range": f"{axis},{start},{stop},{step}"}


def pad(g, a):
    rank = g.env[a].dim()
    if rank == 0:
        return None
    widths = [(int(g.rng.integers(0, 2)), int(g.rng.integers(0, 3))) for _ in range(rank)]
    return "pad", [a], {"widths": ";".join(f"{b}:{e}" for b, e in widths)}


def concat(g, a):
    shape = list(g.env[a].shape)
    if not shape:
        return None
    axis = int(g.rng.integers(len(shape)))
    parts = [a]
    for _ in range(int(g.rng.integers(1, 3))):
        other = list(shape)
        other[axis] = int(g.rng.integers(1, 3))
        parts.append(g.leaf("input" if g.rng.random() < 0.6 else "const", tuple(other)))
    order = [int(i) for i in g.rng.permutation(len(parts))]
    return "concat", [parts[i] for i in order], {"axis": str(axis)}


def softmax(name):
    def propose(g, a):
        rank = g.env[a].dim()
        return (name, [a], {"axis": str(int(g.rng.integers(rank)))}) if rank > 0 else None
    return propose


def cross_entropy(g, a):
    shape = tuple(g.env[a].shape)
    if len(shape) not in (1, 2) or shape[-1] < 2:
        return None
    if g.rng.random() < 0.5:
        targets = g.rng.dirichlet(np.ones(shape[-1]), size=shape[:-1])
    else:
        targets = np.eye(shape[-1])[g.rng.integers(shape[-1], size=shape[:-1])]
    return "crossentropy", [a, g.leaf("const", shape, values=targets)], {}


def gather(g, a):
    shape = list(g.env[a].shape)
    if not shape:
        return None
    axis = int(g.rng.integers(len(shape)))
    index_shape = list(shape)
    index_shape[axis] = int(g.rng.integers(1, 4))
    index = g.rng.integers(0, shape[axis], size=index_shape)
    return "gather", [a, g.leaf("index", tuple(index_shape), values=index)], {"axis": str(axis)}


def where(g, a):
    shape = tuple(g.env[a].shape)
    other = g.partner(g.broadcastable(shape))
    mask_shape = g.broadcastable(shape)
    mask = g.leaf("mask", mask_shape, values=(g.rng.random(mask_shape) < 0.5).astype(np.float64))
    return "where", [mask] + ([a, other] if g.rng.random() < 0.5 else [other, a]), {}


def image(g, a):
    """Rank-4 [N, C, H, W] from a variable of 4 to 48 elements, so the image ops have something to work on."""
    size = g.env[a].numel()
    shapes = [(n, c, h, size // (n * c * h)) for n in (1, 2) for c in (1, 2, 3) for h in (2, 3, 4)
              if size % (n * c * h) == 0 and size // (n * c * h) >= 2]
    if g.env[a].dim() == 4 or not shapes:
        return None
    return "reshape", [a], {"shape": ",".join(map(str, shapes[int(g.rng.integers(len(shapes)))]))}


def convolution(transposed):
    def propose(g, a):
        x = g.env[a]
        if x.dim() != 4:
            return image(g, a)
        n, c, h, w = x.shape
        groups = int(g.rng.choice([d for d in (1, 2) if c % d == 0]))
        out = groups * int(g.rng.integers(1, 3))
        kh, kw = int(g.rng.integers(1, min(h, 3) + 1)), int(g.rng.integers(1, min(w, 3) + 1))
        stride = [int(g.rng.integers(1, 3)), int(g.rng.integers(1, 3))]
        dilation = [int(g.rng.integers(1, 3)), int(g.rng.integers(1, 3))]
        padding = [int(g.rng.integers(0, 2)), int(g.rng.integers(0, 2))]
        attrs = {"stride": "%d,%d" % tuple(stride), "padding": "%d,%d" % tuple(padding),
                 "dilation": "%d,%d" % tuple(dilation), "groups": str(groups)}
        if transposed:
            attrs["outpadding"] = ",".join(str(int(g.rng.integers(0, max(s, d)))) for s, d in zip(stride, dilation))
            weight = (c, out // groups, kh, kw)
        else:
            weight = (out, c // groups, kh, kw)
        return ("convtranspose2d" if transposed else "conv2d"), [a, g.leaf("input", weight)], attrs
    return propose


def pooling(name):
    def propose(g, a):
        x = g.env[a]
        if x.dim() != 4:
            return image(g, a)
        kernel = int(g.rng.integers(1, min(x.shape[2], x.shape[3], 3) + 1))
        stride = int(g.rng.integers(1, kernel + 1))
        padding = int(g.rng.integers(0, kernel // 2 + 1))
        if name == "maxpool2d" and not no_near_ties(x):
            return None
        return name, [a], {"kernel": str(kernel), "stride": str(stride), "padding": str(padding)}
    return propose


PROPOSALS = {
    "add": elementwise("add"), "sub": elementwise("sub"), "mul": elementwise("mul"), "div": elementwise("div"),
    "maximum": elementwise("maximum"), "minimum": elementwise("minimum"), "pow": elementwise("pow"),
    "powliteral": power_of_literal,
    "neg": unary("neg"), "exp": unary("exp", lambda v: v.max() < 4), "log": unary("log", lambda v: v.min() > POSITIVE),
    "sqrt": unary("sqrt", lambda v: v.min() > POSITIVE), "sin": unary("sin"), "cos": unary("cos"), "tanh": unary("tanh"),
    "sigmoid": unary("sigmoid"), "relu": unary("relu", lambda v: v.abs().min() > 1e-3),
    "abs": unary("abs", lambda v: v.abs().min() > 1e-3),
    "matmul": matmul, "linear": linear(False), "linearrelu": linear(True),
    "sum": reduction("sum"), "mean": reduction("mean"), "max": reduction("max"),
    "reshape": reshape, "permute": permute, "broadcast": broadcast, "slice": slicing, "pad": pad, "concat": concat,
    "softmax": softmax("softmax"), "logsoftmax": softmax("logsoftmax"), "crossentropy": cross_entropy,
    "gather": gather, "where": where,
    "conv2d": convolution(False), "convtranspose2d": convolution(True),
    "maxpool2d": pooling("maxpool2d"), "avgpool2d": pooling("avgpool2d"),
}
_weights = {"add": 3, "sub": 2, "mul": 3, "div": 2, "exp": 2, "log": 2, "tanh": 2, "sigmoid": 2, "matmul": 3, "sum": 3,
            "mean": 2, "max": 2, "reshape": 2, "permute": 2, "slice": 2, "concat": 2, "softmax": 2, "logsoftmax": 2,
            "crossentropy": 2, "conv2d": 3, "convtranspose2d": 3, "maxpool2d": 2, "avgpool2d": 2}
WEIGHTS = np.array([_weights.get(k, 1) for k in PROPOSALS], dtype=np.float64)
WEIGHTS /= WEIGHTS.sum()
