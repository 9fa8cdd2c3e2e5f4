"""Reference cases for views and reshape, reductions, matmul, indexing by arrays, joining and padding."""
import numpy as np

from reference_recorder import BOOL, F32, F64, I32, I64, SUM32, TOL64, case, ints, normal, present, rng


def views_and_reshape():
    base = np.arange(24, dtype=F32).reshape(2, 3, 4)

    def reshape_case(name, view, shape):
        presented = present(base, view)
        shares = np.shares_memory(presented.reshape(shape), presented)
        case(name, "reshape", lambda a: a.reshape(shape), [base], views={0: view} if view else None, shape=shape, shares=bool(shares))

    reshape_case("reshape_contiguous_is_view", None, (4, 6))
    reshape_case("reshape_contiguous_infers_minus_one", None, (-1, 2))
    reshape_case("reshape_to_flat", None, (24,))
    reshape_case("reshape_transposed_copies", "T", (24,))
    reshape_case("reshape_step_in_last_axis_stays_view", "idx::,:,::2", (12,))
    reshape_case("reshape_step_in_middle_axis_copies", "idx::,::2,:", (16,))
    reshape_case("reshape_splitting_an_axis_of_a_slice_is_view", "idx:1:,:,:", (3, 2, 2))
    reshape_case("reshape_reversed_copies", "idx:::-1", (6, 4))
    reshape_case("reshape_fortran_copies", "F", (6, 4))
    case("permute_2_0_1", "permute", lambda a: np.transpose(a, (2, 0, 1)), [base], axes=(2, 0, 1), shares=True)
    case("transpose_3d", "transpose", lambda a: a.T, [base], shares=True)
    case("swap_axes_0_2", "swapaxes", lambda a: np.swapaxes(a, 0, 2), [base], first=0, second=2, shares=True)
    case("squeeze_all", "squeeze", np.squeeze, [normal((1, 3, 1, 2))], shares=True)
    case("squeeze_axis_2", "squeeze", lambda a: np.squeeze(a, 2), [normal((1, 3, 1, 2))], axis=2, shares=True)
    case("unsqueeze_axis_1", "unsqueeze", lambda a: np.expand_dims(a, 1), [normal((3, 2))], axis=1, shares=True)
    case("unsqueeze_axis_minus_1", "unsqueeze", lambda a: np.expand_dims(a, -1), [normal((3, 2))], axis=-1, shares=True)
    case("broadcast_to_2x3x4", "broadcastTo", lambda a: np.broadcast_to(a, (2, 3, 4)), [normal((3, 1))], shape=(2, 3, 4), shares=True)
    case("diagonal_square", "diagonal", np.diagonal, [normal((4, 4))], shares=True)
    case("diagonal_wide", "diagonal", np.diagonal, [normal((3, 5))], shares=True)
    case("diagonal_tall_transposed", "diagonal", np.diagonal, [normal((3, 5))], views={0: "T"}, shares=True)
    case("diagonal_3d_default_axes", "diagonal", np.diagonal, [normal((2, 3, 4))], shares=True)
    case("slice_axis1_step2", "slice", lambda a: a[:, 1:5:2], [normal((3, 6))], axis=1, start=1, stop=5, step=2, shares=True)
    case("slice_negative_step", "slice", lambda a: a[4:0:-2], [normal((6, 2))], axis=0, start=4, stop=0, step=-2, shares=True)
    case("contiguous_of_transposed", "contiguous", np.ascontiguousarray, [normal((3, 4))], views={0: "T"})
    case("copy_to_fortran", "copyF", np.asfortranarray, [normal((3, 4))])
    case("astype_f32_to_i32_truncates", "astype", lambda a: a.astype(I32), [normal(8, F32) * 5], dtype="int32")
    case("astype_i64_to_f32", "astype", lambda a: a.astype(F32), [ints(6, -10**6, 10**6)], dtype="float32")
    case("astype_f64_to_bool", "astype", lambda a: a.astype(BOOL), [np.array([0.0, -0.0, 0.5, np.nan, -2.0])], dtype="bool")
    case("astype_bool_to_f32", "astype", lambda a: a.astype(F32), [np.array([True, False, True])], dtype="float32")


def reductions():
    cube = normal((2, 3, 4))
    cube32 = normal((2, 3, 4), F32)
    thin = normal((3, 1, 4))
    axes_list = [None, (0,), (1,), (2,), (-1,), (0, 2), (1, 2), (0, 1, 2)]
    funcs = {
        "sum": np.sum, "mean": np.mean, "max": np.max, "min": np.min, "prod": np.prod,
        "logsumexp": lambda a, axis=None, keepdims=False: logsumexp(a, axis, keepdims),
    }
    for op, fn in funcs.items():
        for axes in axes_list:
            for keep in (False, True):
                label = "all" if axes is None else "_".join(str(a).replace("-", "m") for a in axes)
                name = f"{op}_axes_{label}" + ("_keep" if keep else "")
                exact = op in ("max", "min")
                case(name, op, lambda a, ax=axes, k=keep: fn(a, axis=ax, keepdims=k), [cube],
                     **({} if exact else TOL64), axes=axes if axes is not None else "none", keepdims=keep)
        case(f"{op}_f32_axis_1", op, lambda a: fn(a, axis=1), [cube32], **({} if op in ("max", "min") else SUM32), axes=(1,), keepdims=False)
        case(f"{op}_size1_axis", op, lambda a: fn(a, axis=1), [thin], **({} if op in ("max", "min") else TOL64), axes=(1,), keepdims=False)
        case(f"{op}_of_transposed", op, lambda a: fn(a, axis=0, keepdims=True), [cube], views={0: "perm:2,0,1"},
             **({} if op in ("max", "min") else TOL64), axes=(0,), keepdims=True)
    for op, fn in [("var", np.var), ("std", np.std)]:
        for axes in [None, (0,), (2,), (0, 2)]:
            for ddof in (0, 1):
                label = "all" if axes is None else "_".join(map(str, axes))
                case(f"{op}_axes_{label}_ddof{ddof}", op, lambda a, ax=axes, d=ddof: fn(a, axis=ax, ddof=d), [cube], **TOL64,
                     axes=axes if axes is not None else "none", keepdims=False, ddof=ddof)
        case(f"{op}_f32_keep", op, lambda a: fn(a, axis=-1, keepdims=True), [cube32], **SUM32, axes=(-1,), keepdims=True, ddof=0)
    for op, fn in [("argmax", np.argmax), ("argmin", np.argmin)]:
        case(f"{op}_flat", op, fn, [cube], axis="none", keepdims=False)
        for axis in (0, 1, 2, -1):
            case(f"{op}_axis_{str(axis).replace('-', 'm')}", op, lambda a, ax=axis: fn(a, axis=ax), [cube], axis=axis, keepdims=False)
        case(f"{op}_axis_1_keep", op, lambda a: fn(a, axis=1, keepdims=True), [cube], axis=1, keepdims=True)
        case(f"{op}_ties_take_first", op, lambda a: fn(a, axis=1), [np.array([[1, 3, 3, 0], [2, 2, 2, 2]], F32)], axis=1, keepdims=False)
        case(f"{op}_of_reversed", op, lambda a: fn(a, axis=0), [cube], views={0: "idx:::-1,:,::-1"}, axis=0, keepdims=False)
    ints32 = ints((3, 4), -20, 20, I32)
    case("sum_i32_gives_i64", "sum", lambda a: np.sum(a, axis=0), [ints32], axes=(0,), keepdims=False)
    case("prod_i32_gives_i64", "prod", lambda a: np.prod(a, axis=1), [ints((3, 4), -5, 5, I32)], axes=(1,), keepdims=False)
    case("max_i32_keeps_i32", "max", lambda a: np.max(a, axis=1), [ints32], axes=(1,), keepdims=False)
    case("mean_i32_gives_f64", "mean", lambda a: np.mean(a, axis=1), [ints32], **TOL64, axes=(1,), keepdims=False)
    case("sum_i64_large_values_exact", "sum", np.sum, [np.array([2**53 + 1, 2**53 + 1, -3])], axes="none", keepdims=False)
    case("sum_of_empty_axis_is_zero", "sum", lambda a: np.sum(a, axis=0), [normal((0, 3))], axes=(0,), keepdims=False)
    case("prod_of_empty_axis_is_one", "prod", lambda a: np.prod(a, axis=0), [normal((0, 3), F32)], axes=(0,), keepdims=False)
    case("max_with_nan_is_nan", "max", lambda a: np.max(a, axis=1), [np.array([[1.0, np.nan, 2.0], [0.0, -1.0, 5.0]])],
         axes=(1,), keepdims=False)
    case("logsumexp_large_values_do_not_overflow", "logsumexp", lambda a: logsumexp(a, (1,), False),
         [np.array([[1000.0, 1000.0, 999.0], [-1000.0, -1001.0, -1002.0]])], **TOL64, axes=(1,), keepdims=False)
    case("logsumexp_f32_large", "logsumexp", lambda a: logsumexp(a, (1,), False), [np.array([[100.0, 101.0], [-80, 3]], F32)],
         **SUM32, axes=(1,), keepdims=False)
    case("sum_of_long_row_f32", "sum", lambda a: np.sum(a, axis=1), [normal((2, 3000), F32)], **SUM32, axes=(1,), keepdims=False)


def logsumexp(a, axis, keepdims):
    """log(sum(exp(a))) as m + log(sum(exp(a - m))) with m the maximum: no overflow."""
    m = np.max(a, axis=axis, keepdims=True)
    out = m + np.log(np.sum(np.exp(a - m), axis=axis, keepdims=True))
    if not keepdims:
        out = np.squeeze(out, axis=axis) if axis is not None else out.reshape(())
    return out.astype(a.dtype)


def matmul():
    mm = np.matmul
    for dtype, label, tolerance in [(F32, "f32", dict(rtol=1e-5, atol=1e-6)), (F64, "f64", TOL64)]:
        case(f"matmul_2d_{label}", "matmul", mm, [normal((3, 4), dtype), normal((4, 5), dtype)], **tolerance)
        case(f"matmul_1d_2d_{label}", "matmul", mm, [normal(4, dtype), normal((4, 3), dtype)], **tolerance)
        case(f"matmul_2d_1d_{label}", "matmul", mm, [normal((3, 4), dtype), normal(4, dtype)], **tolerance)
        case(f"matmul_1d_1d_{label}", "matmul", mm, [normal(5, dtype), normal(5, dtype)], **tolerance)
        case(f"matmul_batched_broadcast_{label}", "matmul", mm, [normal((2, 1, 3, 4), dtype), normal((5, 4, 2), dtype)], **tolerance)
        case(f"matmul_transposed_left_{label}", "matmul", mm, [normal((4, 3), dtype), normal((4, 5), dtype)], views={0: "T"}, **tolerance)
        case(f"matmul_transposed_right_{label}", "matmul", mm, [normal((3, 4), dtype), normal((5, 4), dtype)], views={1: "T"}, **tolerance)
        case(f"matmul_both_transposed_{label}", "matmul", mm, [normal((4, 3), dtype), normal((5, 4), dtype)], views={0: "T", 1: "T"},
             **tolerance)
        case(f"matmul_fortran_{label}", "matmul", mm, [normal((3, 4), dtype), normal((4, 2), dtype)], views={0: "F", 1: "F"}, **tolerance)
        case(f"matmul_strided_{label}", "matmul", mm, [normal((6, 4), dtype), normal((4, 6), dtype)],
             views={0: "idx:::2", 1: "idx::,::-2"}, **tolerance)
    case("matmul_batched_1d_right", "matmul", mm, [normal((2, 3, 4)), normal(4)], **TOL64)
    case("matmul_mixed_f32_f64_gives_f64", "matmul", mm, [normal((2, 3), F32), normal((3, 2))], **TOL64)
    case("matmul_i64", "matmul", mm, [ints((2, 3), -5, 5), ints((3, 2), -5, 5)])
    case("matmul_empty_inner", "matmul", mm, [normal((2, 0)), normal((0, 3))])
    case("dot_1d", "dot", np.dot, [normal(6), normal(6)], **TOL64)
    case("outer_3_4", "outer", np.outer, [normal(3), normal(4)])


def indexing():
    table = normal((5, 3), F32)
    case("take_axis0", "take", lambda a, i: np.take(a, i, axis=0), [table, np.array([4, 0, 0, 2])], axis=0)
    case("take_axis1_negative", "take", lambda a, i: np.take(a, i, axis=1), [table, np.array([-1, 0], I32)], axis=1)
    case("take_2d_indices", "take", lambda a, i: np.take(a, i, axis=0), [table, np.array([[1, 2], [3, 4], [0, 0]])], axis=0)
    case("take_scalar_index_drops_axis", "take", lambda a, i: np.take(a, i, axis=1), [normal((2, 3, 4)), np.array(2)], axis=1)
    case("take_empty_indices", "take", lambda a, i: np.take(a, i, axis=0), [table, np.zeros(0, I64)], axis=0)
    case("take_from_transposed", "take", lambda a, i: np.take(a, i, axis=0), [table, np.array([2, 0])], views={0: "T"}, axis=0)
    case("take_from_i64", "take", lambda a, i: np.take(a, i, axis=-1), [ints((2, 4), -9, 9), np.array([3, 3, 1])], axis=-1)
    for axis in (0, 1, -1):
        src = normal((3, 4))
        index = rng.integers(-src.shape[axis], src.shape[axis], (3, 4) if axis == 0 else (3, 4))
        index = index[:2] if axis == 0 else index[:, :2] if axis == 1 else index
        case(f"gather_axis_{str(axis).replace('-', 'm')}", "gather", lambda a, i, ax=axis: gather(a, ax, i), [src, index], axis=axis)
    case("gather_smaller_index", "gather", lambda a, i: gather(a, 1, i), [normal((4, 5), F32), np.array([[0], [4], [2]])], axis=1)
    case("gather_3d", "gather", lambda a, i: gather(a, 2, i), [normal((2, 3, 4)), rng.integers(0, 4, (2, 3, 2)).astype(I32)], axis=2)
    for axis in (0, 1):
        base = normal((3, 4))
        index = rng.integers(0, base.shape[axis], (5, 4) if axis == 0 else (3, 6))
        source = normal(index.shape)
        case(f"scatter_add_axis_{axis}_accumulates_repeats", "scatterAdd", lambda a, i, s, ax=axis: scatter_add(a, ax, i, s),
             [base, index, source], **TOL64, axis=axis)
    case("scatter_add_larger_source", "scatterAdd", lambda a, i, s: scatter_add(a, 1, i, s),
         [normal((2, 3), F32), np.array([[2, 2], [0, 1]]), normal((3, 4), F32)], rtol=1e-6, axis=1)
    case("one_hot_f32", "oneHot", lambda y: np.eye(4, dtype=F32)[y], [np.array([0, 3, 1, 1])], classes=4, dtype="float32")
    case("one_hot_2d_labels_i64", "oneHot", lambda y: np.eye(3, dtype=I64)[y], [np.array([[2, 0], [1, 1], [0, 2]], I32)],
         classes=3, dtype="int64")
    case("one_hot_scalar_label", "oneHot", lambda y: np.eye(5, dtype=F64)[y], [np.array(4)], classes=5, dtype="float64")


def gather(a, axis, index):
    """torch.gather by its definition: out[p] = a[p with p[axis] replaced by index[p]]."""
    out = np.empty(index.shape, a.dtype)
    for p in np.ndindex(*index.shape):
        q = list(p)
        q[axis] = index[p]
        out[p] = a[tuple(q)]
    return out


def scatter_add(a, axis, index, source):
    """torch.scatter_add without mutation: out[p with p[axis] = index[p]] += source[p]."""
    out = a.copy()
    for p in np.ndindex(*index.shape):
        q = list(p)
        q[axis] = index[p]
        out[tuple(q)] += source[p]
    return out


def joining():
    a, b, c = normal((2, 3), F32), normal((4, 3), F32), normal((1, 3), F32)
    case("concatenate_axis0_three", "concatenate", lambda *xs: np.concatenate(xs, axis=0), [a, b, c], axis=0)
    case("concatenate_axis1", "concatenate", lambda *xs: np.concatenate(xs, axis=1), [a, normal((2, 2), F32)], axis=1)
    case("concatenate_axis_minus1_3d", "concatenate", lambda *xs: np.concatenate(xs, axis=-1), [normal((2, 2, 1)), normal((2, 2, 3))],
         axis=-1)
    case("concatenate_promotes_i32_f32_to_f64", "concatenate", lambda *xs: np.concatenate(xs, axis=0),
         [ints((1, 3), -9, 9, I32), a], axis=0)
    case("concatenate_views", "concatenate", lambda *xs: np.concatenate(xs, axis=0), [b, b], views={0: "idx:::-1", 1: "idx:::2"}, axis=0)
    case("concatenate_with_empty", "concatenate", lambda *xs: np.concatenate(xs, axis=0), [normal((0, 3), F32), a], axis=0)
    case("stack_axis0", "stack", lambda *xs: np.stack(xs, axis=0), [a, normal((2, 3), F32)], axis=0)
    case("stack_axis1", "stack", lambda *xs: np.stack(xs, axis=1), [a, normal((2, 3), F32), normal((2, 3), F32)], axis=1)
    case("stack_axis_minus1", "stack", lambda *xs: np.stack(xs, axis=-1), [normal(4), normal(4)], axis=-1)
    case("stack_transposed", "stack", lambda *xs: np.stack(xs, axis=0), [a, a.T.copy()], views={1: "T"}, axis=0)
    x = normal((6, 4))
    case("split_axis0_into_3", "split", lambda v: np.split(v, 3, axis=0), [x], sections=3, axis=0, shares=True)
    case("split_axis1_into_2", "split", lambda v: np.split(v, 2, axis=1), [x], sections=2, axis=1, shares=True)
    case("split_at_indices", "splitAt", lambda v: np.split(v, [1, 4], axis=0), [x], indices=(1, 4), axis=0, shares=True)
    case("split_at_negative_and_past_end", "splitAt", lambda v: np.split(v, [-1, 9], axis=1), [x], indices=(-1, 9), axis=1, shares=True)
    case("split_at_decreasing_gives_empty", "splitAt", lambda v: np.split(v, [3, 1], axis=0), [x], indices=(3, 1), axis=0, shares=True)
    case("pad_2d", "pad", lambda v: np.pad(v, ((1, 2), (0, 1))), [normal((2, 3), F32)], widths="1,2;0,1", value=0)
    case("pad_with_value", "pad", lambda v: np.pad(v, ((0, 0), (2, 2)), constant_values=-1.5), [normal((2, 2))], widths="0,0;2,2",
         value=-1.5)
    case("pad_i32_3d", "pad", lambda v: np.pad(v, ((1, 0), (0, 0), (1, 1)), constant_values=7), [ints((1, 2, 2), 0, 9, I32)],
         widths="1,0;0,0;1,1", value=7)
    case("pad_of_reversed_view", "pad", lambda v: np.pad(v, ((1, 1), (1, 1))), [normal((2, 3))], views={0: "idx:::-1,::-1"},
         widths="1,1;1,1", value=0)
