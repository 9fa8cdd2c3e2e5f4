"""The recorder behind make_reference.py: fixed-seed inputs, view specs, and one manifest line plus the
arrays of each case. Case groups import case() and the generators from here; make_reference.py writes
what they recorded.
"""
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ARCHIVE = os.path.join(HERE, "reference.npz")
rng = np.random.default_rng(20240611)
lines = []
names = set()
store = {}

F32, F64, I32, I64, BOOL = np.float32, np.float64, np.int32, np.int64, np.bool_


def present(x, spec):
    """Applies a view spec (see make_reference.py's docstring) to a base input."""
    if spec is None:
        return x
    if "|" in spec:
        for part in spec.split("|"):
            x = present(x, part)
        return x
    if spec.startswith("bcast:"):
        return np.broadcast_to(x, tuple(int(d) for d in spec[6:].split(",") if d))
    if spec == "F":
        return np.asfortranarray(x)
    if spec == "T":
        return x.T
    if spec.startswith("perm:"):
        return np.transpose(x, [int(a) for a in spec[5:].split(",")])
    if spec.startswith("idx:"):
        return eval("x[" + spec[4:] + "]", {"x": x})
    raise ValueError(spec)


def c_order(x):
    """A C-ordered copy that keeps 0-d arrays 0-d (np.ascontiguousarray would make them 1-d)."""
    return np.array(x, order="C", copy=True)


def case(name, op, fn, inputs, views=None, rtol=None, atol=None, errors=False, **params):
    """Records one case: saves inputs and fn(*presented inputs), and a manifest line. With errors=True an
    exception from fn is recorded as raises=<its type> in place of results (Ruru must refuse too)."""
    assert name not in names, name
    names.add(name)
    views = views or {}
    presented = [present(x, views.get(k)) for k, x in enumerate(inputs)]
    try:
        with np.errstate(all="ignore"):
            result = fn(*presented)
    except Exception as error:
        if not errors:
            raise
        result = None
        params = dict(params, raises=type(error).__name__)
    for k, x in enumerate(inputs):
        store[f"{name}.in{k}"] = c_order(x)
    tokens = [name, op]
    if isinstance(result, list):
        tokens.append(f"outputs={len(result)}")
        for k, r in enumerate(result):
            store[f"{name}.out{k}"] = c_order(r)
    elif result is not None:
        store[f"{name}.out"] = c_order(result)
    for k in sorted(views):
        tokens.append(f"view{k}={views[k]}")
    if rtol is not None:
        tokens.append(f"rtol={rtol}")
    if atol is not None:
        tokens.append(f"atol={atol}")
    for key, value in params.items():
        if isinstance(value, bool):
            value = str(value).lower()
        elif isinstance(value, (tuple, list)):
            value = ",".join(str(v) for v in value) if value else "empty"
        tokens.append(f"{key}={value}")
    assert all(" " not in t for t in tokens), tokens
    lines.append(" ".join(tokens))


def write_pooled(manifest, archive, header):
    """Writes what case() recorded as a manifest whose lines also describe their arrays, in<k>=f4:2,3
    (dtype code, then the shape; nothing after the colon for 0-d), and an archive of one pool per dtype
    code holding the values of all arrays of that dtype, in C order, one after another in manifest order.
    Thousands of tiny cases cost a few hundred bytes each as separate .npy entries; pooled, their values."""
    pools = {}
    with open(manifest, "w") as out:
        out.write(header + "\n")
        for line in lines:
            name = line.split(" ", 1)[0]
            keys = numbered(name, "in") + (["out"] if f"{name}.out" in store else numbered(name, "out"))
            described = []
            for key in keys:
                x = store.pop(f"{name}.{key}")
                code = x.dtype.str[1:]
                pools.setdefault(code, []).append(x.reshape(-1))
                described.append(f"{key}={code}:" + ",".join(str(d) for d in x.shape))
            out.write(" ".join([line] + described) + "\n")
    np.savez_compressed(archive, **{code: np.concatenate(parts) for code, parts in pools.items()})


def numbered(name, prefix):
    """The keys prefix0, prefix1, ... of a case's arrays in store."""
    keys = []
    while f"{name}.{prefix}{len(keys)}" in store:
        keys.append(f"{prefix}{len(keys)}")
    return keys


def normal(shape, dtype=F64):
    return rng.standard_normal(shape).astype(dtype)


def ints(shape, low, high, dtype=I64):
    return rng.integers(low, high, shape).astype(dtype)


def positive(shape, dtype=F64):
    return rng.uniform(0.5, 3.0, shape).astype(dtype)


# Float32 transcendental functions: NumPy's SIMD kernels and Java's Math agree to a few ulps.
TOL32 = dict(rtol=2e-6, atol=1e-7)
TOL64 = dict(rtol=1e-12, atol=1e-15)
SUM32 = dict(rtol=1e-5, atol=1e-6)


def tol(dtype, f32=TOL32, f64=TOL64):
    return f32 if dtype == F32 else f64 if dtype == F64 else {}
