"""Random building blocks of make_differential.py: shapes with size-0 and size-1 extents, the view specs
of reference_recorder.present that give an input a wanted shape through a non-contiguous layout, values
with the awkward ones (NaN, infinities, -0.0, integers beyond 2^53 and at the ends of their range), and
the tolerance each kind of result is compared with. One seeded generator draws everything.
"""
import math

import numpy as np

from reference_recorder import F32, F64, I32, I64, TOL32, TOL64, present

rng = np.random.default_rng(20261207)
DTYPES = [F32, F64, I32, I64]
MAX_SIZE = 24   # elements per input: each case checks semantics, not speed, and keeps the archive small
EXACT = {}
# Sums and products of up to MAX_SIZE values, accumulated in another order than NumPy's pairwise sum.
SUMS32 = dict(rtol=2e-5, atol=2e-5)
SUMS64 = dict(rtol=1e-12, atol=1e-12)


def pick(options, weights=None):
    """One of options (any objects), with the given relative weights."""
    p = None if weights is None else np.asarray(weights, float) / sum(weights)
    return options[int(rng.choice(len(options), p=p))]


def chance(p):
    return rng.random() < p


def integer(low, high):
    """An int in [low, high]."""
    return int(rng.integers(low, high + 1))


def dims(rank, max_size=MAX_SIZE):
    """rank extents, often 1 and sometimes 0, whose product is at most max_size."""
    shape = [pick([0, 1, 2, 3, 4, 5], [3, 22, 24, 22, 15, 14]) for _ in range(rank)]
    while math.prod(shape) > max_size:
        shape[shape.index(max(shape))] -= 1
    return tuple(shape)


def random_shape(min_rank=0, max_rank=4, empty=0.08):
    """A shape of rank min_rank to max_rank; with chance `empty` (and rank > 0) one extent is 0."""
    shape = list(dims(pick(list(range(min_rank, max_rank + 1)), [8, 30, 34, 18, 10][min_rank:max_rank + 1])))
    if shape and chance(empty):
        shape[integer(0, len(shape) - 1)] = 0
    return tuple(shape)


def dtype():
    return pick(DTYPES)


def values(shape, kind, special=0.0, big=0.0):
    """Random values of a dtype: floats around 0 with a fraction `special` of NaN, ±inf, ±0; integers in
    [-9, 9] with a fraction `big` at the ends of the type's range or beyond 2^53."""
    kind = np.dtype(kind)
    if kind.kind == "f":
        x = np.asarray(rng.standard_normal(shape) * 3)
        if special:
            mask = np.asarray(rng.random(shape) < special)
            x[mask] = rng.choice([0.0, -0.0, np.nan, np.inf, -np.inf], size=int(mask.sum()))
        return x.astype(kind)
    x = np.asarray(rng.integers(-9, 10, shape)).astype(kind)
    if big:
        info = np.iinfo(kind)
        extremes = [info.min, info.max, info.min + 1, -info.max]
        if kind == I64:
            extremes += [2**53 + 1, -(2**53 + 1), 2**62 + 3]
        mask = np.asarray(rng.random(shape) < big)
        x[mask] = rng.choice(np.array(extremes, kind), size=int(mask.sum()))
    return x


def viewed(shape, writable=False):
    """(stored shape, view spec) such that present(stored, spec) has `shape`: no view, a transpose, a
    permutation, step slices (negative steps, an integer index dropping an axis), a transpose of step
    slices, or, unless the view is to be written through, a Fortran copy or a broadcast."""
    kinds = ["none", "T", "perm", "idx", "T|idx"] + ([] if writable else ["F", "bcast"])
    kind = pick(kinds, [34, 10, 8, 22, 8, 8, 10][:len(kinds)])
    rank = len(shape)
    if kind == "none" or (rank < 2 and kind in ("F", "T", "perm")):
        return shape, None
    if kind == "F":
        return shape, "F"
    if kind == "T":
        return shape[::-1], "T"
    if kind == "perm":
        order = [int(a) for a in rng.permutation(rank)]
        stored = [0] * rank
        for i, a in enumerate(order):
            stored[a] = shape[i]
        return tuple(stored), "perm:" + ",".join(map(str, order))
    if kind == "bcast":
        lead = integer(0, rank)
        stored = tuple(1 if chance(0.4) else d for d in shape[lead:])
        return stored, "bcast:" + ",".join(map(str, shape))
    if kind == "idx":
        return sliced(shape)
    stored, spec = sliced(shape)     # the transpose of the stored array, sliced, gives shape
    return stored[::-1], "T|" + spec


def sliced(shape):
    """(stored shape, idx spec) whose basic indexing gives `shape` with steps of ±1, ±2 or 3 and, at
    times, an extra stored axis taken away by an integer index."""
    stored, items = [], []
    for d in shape:
        step = pick([1, 1, 2, -1, -2, 3])
        if d == 0:
            extent = integer(0, 3)
            at = integer(0, extent)
            stored.append(extent)
            items.append(f"{at}:{at}")
            continue
        span = (d - 1) * abs(step) + 1
        before, after = integer(0, 1), integer(0, 1)
        extent = span + before + after
        stored.append(extent)
        if step > 0:
            items.append(f"{before}:{before + span}:{step}")
        else:
            start = extent - 1 - after
            stop = start - span
            items.append(f"{start}:{stop if stop >= 0 else ''}:{step}")
    if chance(0.3):
        at = integer(0, len(shape))
        extent = integer(1, 3)
        stored.insert(at, extent)
        items.insert(at, str(integer(-extent, extent - 1)))
    if not shape:
        items.append("...")   # NumPy's x[1] is a scalar, not a view; x[1, ...] is a 0-d view, as Ruru's index gives
    spec = "idx:" + ",".join(items)
    assert np.shape(present(np.zeros(stored), spec)) == tuple(shape), (shape, stored, spec)
    return tuple(stored), spec


def tolerance(kind, f32=SUMS32, f64=SUMS64):
    """The comparison for a result of dtype kind: exact for integers and bools."""
    kind = np.dtype(kind)
    return f32 if kind == F32 else f64 if kind == F64 else EXACT


def functions_tolerance(kind):
    """Transcendental functions: NumPy's SIMD kernels and Java's Math agree to a few ulps."""
    return tolerance(kind, TOL32, TOL64)
