"""The families of random cases of make_differential.py. Each draws shapes, dtypes, views and values
from differential_random and records NumPy's result, or the fact that NumPy raises, with
reference_recorder.case under a numbered name (r0042_add)."""
import math

import numpy as np
import scipy.special

import differential_random as r
from reference_recorder import F32, F64, I32, I64, case, present

counter = [0]

BINARY = {"add": np.add, "sub": np.subtract, "mul": np.multiply, "div": np.true_divide, "pow": np.power,
          "maximum": np.maximum, "minimum": np.minimum}
COMPARE = {"eq": np.equal, "ne": np.not_equal, "lt": np.less, "le": np.less_equal, "gt": np.greater, "ge": np.greater_equal}
UNARY = {"neg": np.negative, "abs": np.abs, "sign": np.sign, "exp": np.exp, "log": np.log, "sqrt": np.sqrt, "sin": np.sin,
         "cos": np.cos, "tanh": np.tanh, "sigmoid": lambda x: 1 / (1 + np.exp(-x)), "relu": lambda x: np.maximum(x, 0)}
INTEGRAL = ("neg", "abs", "sign", "relu")
SCALAR = {"add_scalar": np.add, "sub_scalar": np.subtract, "mul_scalar": np.multiply, "div_scalar": np.true_divide,
          "pow_scalar": np.power, "gt_scalar": np.greater}


def logsumexp(x, axis, keepdims):
    """SciPy's logsumexp in the shape NumPy's reductions give (SciPy makes a 0-d input 1-d with keepdims);
    for an empty input the definition itself, log Σ exp, which has no overflow to avoid and which SciPy
    1.17 fails on for some axes."""
    if np.size(x) == 0:
        return np.log(np.sum(np.exp(x), axis=axis, keepdims=keepdims))
    shape = np.shape(np.sum(x, axis=axis, keepdims=keepdims))
    return np.reshape(scipy.special.logsumexp(x, axis=axis, keepdims=keepdims), shape)


REDUCE = {"sum": np.sum, "prod": np.prod, "mean": np.mean, "max": np.max, "min": np.min, "var": np.var, "std": np.std,
          "logsumexp": logsumexp}
# The in-place updates; assignment and addScaledInPlace (t += alpha * s) are written out in update().
IN_PLACE = {"addInPlace": np.add, "subInPlace": np.subtract, "mulInPlace": np.multiply, "divInPlace": np.true_divide,
            "assignInPlace": None, "addScaledInPlace": None}


def record(op, fn, arrays, views, **params):
    """One case named by its number and op; the i-th array is presented through views[i] (None: as is)."""
    counter[0] += 1
    specs = {k: v for k, v in enumerate(views) if v is not None}
    case(f"r{counter[0]:04d}_{op}", op, fn, arrays, views=specs, errors=True, **params)


def operand(shape, kind, **value_options):
    """An input of the given presented shape and dtype, stored through a random view: (stored, spec)."""
    stored, spec = r.viewed(shape)
    return r.values(stored, kind, **value_options), spec


def broadcast_partner(shape):
    """A shape that broadcasts with `shape`: a suffix of it with some extents 1; now and then one that cannot."""
    partner = [1 if r.chance(0.3) else d for d in shape[r.integer(0, len(shape)):]]
    if partner and r.chance(0.05):
        k = r.integer(0, len(partner) - 1)
        if shape[len(shape) - len(partner) + k] != 1:
            partner[k] = shape[len(shape) - len(partner) + k] + 1   # neither is 1: NumPy raises
    return tuple(partner)


def binary():
    op = r.pick(list(BINARY))
    shape = r.random_shape()
    shapes = [shape, broadcast_partner(shape)]
    if r.chance(0.5):
        shapes.reverse()
    kinds = [r.dtype(), r.dtype()]
    special = 0.1 if op != "pow" else 0.0
    a, va = operand(shapes[0], kinds[0], special=special, big=0.1)
    b, vb = operand(shapes[1], kinds[1], special=special, big=0.1)
    if op == "pow":
        b = np.clip(b, -1 if r.chance(0.2) else 0, 5).astype(b.dtype)   # integers to negative powers raise
    exact = op != "pow"   # IEEE arithmetic is exact in both; pow is Java's Math.pow against NumPy's
    record(op, BINARY[op], [a, b], [va, vb], **(r.EXACT if exact else r.functions_tolerance(np.result_type(a, b))))


def compare():
    op = r.pick(list(COMPARE))
    shape = r.random_shape()
    a, va = operand(shape, r.dtype(), special=0.1)
    b, vb = operand(broadcast_partner(shape), r.dtype(), special=0.1)
    record(op, COMPARE[op], [a, b], [va, vb])


def scalar():
    op = r.pick(list(SCALAR))
    kind = r.dtype()
    a, va = operand(r.random_shape(), kind, special=0.05)
    # A Python int stays "weak" (the array's dtype), as a Java double with an integral value does in Ruru.
    value = r.integer(0, 4) if r.chance(0.5) or op == "pow_scalar" else round(float(r.rng.standard_normal() * 3), 3)
    exact = op != "pow_scalar"
    fn = lambda x: SCALAR[op](x, value)
    record(op, fn, [a], [va], **(r.EXACT if exact else r.functions_tolerance(np.result_type(a, value))), scalar=value)


def unary():
    op = r.pick(list(UNARY))
    kind = r.dtype()
    a, va = operand(r.random_shape(), kind, special=0.1, big=0.2 if op in INTEGRAL else 0.0)
    exact = op in INTEGRAL or op == "sqrt"   # sqrt is correctly rounded in both
    record(op, UNARY[op], [a], [va], **(r.EXACT if exact else r.functions_tolerance(np.result_type(kind, np.float32))))


def reduction():
    op = r.pick(list(REDUCE) + ["argmax", "argmin"], [3, 1, 2, 2, 2, 1, 1, 1, 1, 1])
    kind = r.dtype()
    shape = r.random_shape(empty=0.2)
    a, va = operand(shape, kind, special=0.1, big=0.1 if op in ("sum", "max", "min") else 0.0)
    if op == "prod" and a.dtype.kind == "f":
        a = np.where(np.abs(a) > 3, np.sign(a), a).astype(kind)    # keeps a product of 24 values within float32
    keep = r.chance(0.4)
    if op in ("argmax", "argmin"):
        axis = None if r.chance(0.3) or not shape else r.integer(-len(shape), len(shape) - 1)
        keep = keep and axis is not None     # Ruru's flat argmax has no keepdims
        fn = lambda x: getattr(np, op)(x, axis=axis, keepdims=keep)
        record(op, fn, [a], [va], axis="none" if axis is None else axis, keepdims=keep)
        return
    axes = reduction_axes(len(shape))
    extra = {"ddof": r.integer(0, 3)} if op in ("var", "std") else {}
    fn = lambda x: REDUCE[op](x, axis=axes, keepdims=keep, **extra)
    result = np.result_type(kind, np.float32) if op in ("mean", "var", "std", "logsumexp") else kind
    exact = op in ("max", "min") or np.dtype(result).kind != "f"
    record(op, fn, [a], [va], **(r.EXACT if exact else r.tolerance(result)), axes="none" if axes is None else axes,
           keepdims=keep, **extra)


def reduction_axes(rank):
    """None (all), leading axes (a batch's mean: Ruru reduces those by whole rows), or any subset; some negative."""
    kind = r.pick(["all", "leading", "any"], [3, 3, 4])
    if kind == "all":
        return None
    picked = range(r.integer(1, rank)) if kind == "leading" and rank else [ax for ax in range(rank) if r.chance(0.5)]
    return tuple(ax - rank if r.chance(0.3) else ax for ax in picked)


def matmul():
    m, k, n = (r.pick([0, 1, 2, 3, 4, 5], [1, 3, 4, 4, 3, 2]) for _ in range(3))
    left = r.pick([(k,), (m, k), (r.pick([1, 2]), m, k), ()], [2, 6, 2, 0.3])
    right = r.pick([(k,), (k, n), (r.pick([1, 2]), k, n), (r.pick([1, 2]), 1, k, n)], [2, 6, 2, 1])
    if r.chance(0.06) and right:
        right = right[:-2] + (k + 1,) + right[-1:] if len(right) > 1 else (k + 1,)
    a, va = operand(left, r.dtype())
    b, vb = operand(right, r.dtype())
    record("matmul", np.matmul, [a, b], [va, vb], **r.tolerance(np.result_type(a, b)))


def take():
    shape = r.random_shape(min_rank=1, empty=0.2)
    a, va = operand(shape, r.dtype(), special=0.05)
    axis = 0 if r.chance(0.4) else r.integer(-len(shape), len(shape) - 1)   # axis 0: rows, an embedding's lookup
    n = shape[axis]
    indices = r.rng.integers(-n, max(n, 1), r.dims(r.pick([0, 1, 2], [2, 5, 3]), 8)).astype(r.pick([I32, I64]))
    if r.chance(0.08) and indices.size:
        indices.flat[0] = n if r.chance(0.5) else -n - 1          # out of range: NumPy raises
    record("take", lambda x, i: np.take(x, i, axis=axis), [a, indices], [va, None], axis=axis)


def gather():
    """PyTorch's gather as NumPy's take_along_axis: an index of the input's shape but along the axis."""
    shape = r.random_shape(min_rank=1, max_rank=3, empty=0.15)
    a, va = operand(shape, r.dtype(), special=0.05)
    axis = r.integer(-len(shape), len(shape) - 1)
    n = shape[axis]
    index_shape = list(shape)
    index_shape[axis] = r.integer(0, 4)
    index = r.rng.integers(-n, max(n, 1), index_shape).astype(r.pick([I32, I64]))
    if r.chance(0.08) and index.size:
        index.flat[0] = n                                             # out of range: NumPy raises
    record("gather", lambda x, i: np.take_along_axis(x, i, axis=axis), [a, index], [va, None], axis=axis)


def index_add():
    """indexAddInPlace as np.add.at along an axis, repeated indices accumulating (alpha 1: no rounding of α·s)."""
    shape = r.random_shape(min_rank=1, max_rank=3, empty=0.15)
    kind = r.dtype()
    stored, target = r.viewed(shape, writable=True)
    axis = r.integer(-len(shape), len(shape) - 1)
    n = shape[axis]
    indices = r.rng.integers(-n, max(n, 1), r.integer(0, 5)).astype(r.pick([I32, I64]))
    if r.chance(0.06) and indices.size:
        indices[0] = -n - 1                                           # out of range: NumPy raises
    source_shape = list(shape)
    source_shape[axis] = indices.size
    source, source_view = operand(tuple(source_shape), kind, special=0.05)

    def add_at(t, i, s):
        updated = t.copy(order="K")
        np.add.at(updated, (slice(None),) * (axis % len(shape)) + (i,), s)
        return updated
    record("indexAdd", add_at, [r.values(stored, kind, special=0.05), indices, source], [target, None, source_view], axis=axis,
           alpha=1)


def concatenate():
    count = r.integer(1, 3)
    base = list(r.random_shape(min_rank=1, max_rank=3))
    axis = r.integer(-len(base), len(base) - 1)
    arrays, views = [], []
    for i in range(count):
        shape = list(base)
        shape[axis] = r.pick([0, 1, 2, 3], [1, 3, 3, 2])
        if i > 0 and r.chance(0.06):
            other = r.integer(0, len(shape) - 1)
            shape[other] += 0 if other == axis % len(shape) else 1        # extents differ off the axis: NumPy raises
        if r.chance(0.03):
            shape = []                                                   # 0-d arrays cannot be joined
        a, v = operand(tuple(shape), r.dtype())
        arrays.append(a)
        views.append(v)
    record("concatenate", lambda *xs: np.concatenate(xs, axis=axis), arrays, views, axis=axis)


def reshape():
    shape = r.random_shape()
    a, va = operand(shape, r.dtype())
    size = math.prod(shape)
    target = factor(size) + ((2,) if r.chance(0.08) else ())      # one axis too many: NumPy raises (unless empty)
    if target and r.chance(0.3):
        hole = r.integer(0, len(target) - 1)
        target = target[:hole] + (-1,) + target[hole + 1:]
    params = {}
    if size > 0:   # NumPy says an empty array shares no memory with anything
        x = present(a, va)
        try:
            params["shares"] = bool(np.shares_memory(np.reshape(x, target), x))
        except ValueError:
            pass
    record("reshape", lambda x: np.reshape(x, target), [a], [va], shape=target, **params)


def factor(size):
    """A random shape with `size` elements, of rank 0 to 4 (rank 0 only for size 1)."""
    rank = r.integer(0 if size == 1 else 1, 4)
    shape = []
    left = size
    for _ in range(rank - 1):
        d = r.pick([d for d in range(1, left + 1) if left % d == 0] if left else [0, 1, 2])
        shape.append(d)
        left = left // d if d else left
    return tuple(shape + [left]) if rank else ()


def permute():
    shape = r.random_shape()
    a, va = operand(shape, r.dtype())
    params = {"shares": True} if a.size else {}
    if r.chance(0.3):
        record("transpose", np.transpose, [a], [va], **params)
        return
    axes = tuple(int(x) - (len(shape) if r.chance(0.3) else 0) for x in r.rng.permutation(len(shape)))
    record("permute", lambda x: np.transpose(x, axes), [a], [va], axes=axes, **params)


def in_place():
    """An update of views of one base: the target and a source that may share its elements (x[1:] -= x[:-1],
    a += a.T, x += x[0]) or a separate, broadcast, perhaps differently typed array. The result is the base."""
    op = r.pick(list(IN_PLACE), [3, 3, 2, 2, 2, 2])
    floating = op in ("divInPlace", "addScaledInPlace") and r.chance(0.85)
    kind = r.pick([F32, F64]) if floating else r.dtype()
    special = 0.05 if np.dtype(kind).kind == "f" and op != "assignInPlace" else 0.0
    params = {"alpha": round(float(r.rng.standard_normal()), 2)} if op == "addScaledInPlace" else {}
    if r.chance(0.75):
        shape, target, source = overlapping()
        base_view = "F" if len(shape) > 1 and r.chance(0.2) else None
        arrays, views = [r.values(shape, kind, special=special)], [base_view]
        params.update(target=target, source=source)
    else:
        target_shape = r.random_shape(min_rank=1)
        shape, target = r.viewed(target_shape, writable=True)
        source, source_view = operand(broadcast_partner(target_shape), r.dtype(), special=special)
        arrays, views = [r.values(shape, kind, special=special), source], [None, source_view]
        params.update(target=target or "idx:...")
    record(op, update(op, params), arrays, views, **params)


def update(op, params):
    """NumPy's update of a copy of the base (in its own layout) through the case's views; returns the copy."""
    def run(base, *other):
        b = base.copy(order="K")
        t = present(b, params["target"])
        s = present(b, params["source"]) if "source" in params else other[0]
        if op == "assignInPlace":
            t[...] = s
        elif op == "addScaledInPlace":
            t += params["alpha"] * s
        else:
            IN_PLACE[op](t, s, out=t)
        return b
    return run


def overlapping():
    """(base shape, target spec, source spec): two views of one base that may share elements."""
    kind = r.pick(["slices", "transpose", "row", "same"], [6, 2, 2, 1])
    if kind == "transpose":
        n = r.integer(1, 4)
        if r.chance(0.3):
            return (n, n, r.integer(1, 2)), "idx:...", "perm:1,0,2"
        return (n, n), r.pick(["idx:...", "T"]), r.pick(["T", "idx:::-1,:"])
    if kind == "row":
        m, n = r.integer(2, 4), r.integer(1, 4)
        k = r.integer(0, m - 1)
        column = r.integer(0, n - 1)
        return (m, n), r.pick(["idx:...", "idx:1:"]), r.pick([f"idx:{k}", f"idx::,{column}:{column + 1}", f"idx:{k}:{k + 1}"])
    rank = r.integer(1, 3)
    axis = r.integer(0, rank - 1)
    shape = [r.integer(1, 3) for _ in range(rank)]
    shape[axis] = r.integer(2, 8 if rank == 1 else 5)
    length = r.integer(1, shape[axis])
    first = step_slice(shape[axis], length)
    second = first if kind == "same" else step_slice(shape[axis], length)
    items = lambda item: "idx:" + ",".join(item if i == axis else ":" for i in range(rank))
    return tuple(shape), items(first), items(second)


def step_slice(n, length):
    """A slice item with `length` elements in [0, n), of step ±1, ±2 or 3 where that fits."""
    step = r.pick([s for s in (1, 1, 2, -1, -2, 3) if (length - 1) * abs(s) + 1 <= n])
    span = (length - 1) * abs(step) + 1
    if step > 0:
        start = r.integer(0, n - span)
        return f"{start}:{start + span}:{step}"
    start = r.integer(span - 1, n - 1)
    stop = start - span
    return f"{start}:{stop if stop >= 0 else ''}:{step}"
