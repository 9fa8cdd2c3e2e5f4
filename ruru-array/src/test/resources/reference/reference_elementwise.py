"""Reference cases for elementwise operations: broadcasting, arithmetic, comparisons, unary functions,
dtype promotion, strided/Fortran/permuted operands, where and clip."""
import numpy as np

from reference_recorder import BOOL, F32, F64, I32, TOL64, case, ints, normal, positive, tol


def broadcasting():
    add = lambda a, b: a + b
    case("broadcast_3x1_with_1x4", "add", add, [normal((3, 1), F32), normal((1, 4), F32)])
    case("broadcast_2x3_with_3", "add", add, [normal((2, 3), F32), normal(3, F32)])
    case("broadcast_3_with_2x3", "sub", lambda a, b: a - b, [normal(3), normal((2, 3))])
    # A 0-d operand of the same dtype: NumPy 1.24's value-based casting would otherwise differ from
    # Ruru's (NumPy 2's) rule for 0-d arrays of another dtype.
    case("broadcast_scalar_right", "add", add, [normal((2, 3), F32), np.array(1.5, F32)])
    case("broadcast_scalar_left", "mul", lambda a, b: a * b, [np.array(-2.0, F64), normal((2, 3))])
    case("broadcast_scalar_with_scalar", "add", add, [np.array(1.25), np.array(2.5)])
    case("broadcast_empty_0x3_with_3", "add", add, [normal((0, 3), F32), normal(3, F32)])
    case("broadcast_empty_with_1", "mul", lambda a, b: a * b, [normal((2, 0)), normal(1)])
    case("broadcast_size1_dims", "add", add, [normal((1, 1)), normal((1, 1))])
    case("broadcast_1_with_2x1x3", "add", add, [normal(1), normal((2, 1, 3))])
    case("broadcast_4x1x3_with_5x1", "mul", lambda a, b: a * b, [normal((4, 1, 3), F32), normal((5, 1), F32)])
    case("broadcast_rank_extension_1x4_with_3x2x1", "maximum", np.maximum, [normal((1, 4)), normal((3, 2, 1))])


BINARY = {
    "add": np.add, "sub": np.subtract, "mul": np.multiply, "div": np.true_divide,
    "pow": np.power, "maximum": np.maximum, "minimum": np.minimum,
}
COMPARE = {"eq": np.equal, "ne": np.not_equal, "lt": np.less, "le": np.less_equal, "gt": np.greater, "ge": np.greater_equal}


def binary_ops():
    for dtype, label in [(F32, "f32"), (F64, "f64")]:
        for op, fn in BINARY.items():
            first = positive((3, 4), dtype) if op == "pow" else normal((3, 4), dtype)
            second = normal((3, 4), dtype) if op != "div" else positive((3, 4), dtype) * np.sign(normal((3, 4), dtype))
            exact = op not in ("pow",)
            extra = {} if exact else tol(dtype)
            case(f"{op}_{label}", op, fn, [first, second], **extra)
            case(f"{op}_{label}_broadcast_row", op, fn, [first, second[0]], **extra)
    for op, fn in [("add", np.add), ("sub", np.subtract), ("mul", np.multiply), ("maximum", np.maximum), ("minimum", np.minimum)]:
        case(f"{op}_i32", op, fn, [ints((3, 4), -50, 50, I32), ints((3, 4), -50, 50, I32)])
        case(f"{op}_i64", op, fn, [ints((2, 5), -10**12, 10**12), ints(5, -10**6, 10**6)])
    case("pow_i64", "pow", np.power, [ints((3, 4), -5, 6), ints((3, 4), 0, 5)])
    case("div_i64_by_zero_gives_inf_and_nan", "div", np.true_divide, [np.array([1, -2, 0, 6]), np.array([0, 0, 0, 4])])
    case("div_f32_by_zero", "div", np.true_divide, [np.array([1, -1, 0, 2], F32), np.array([0, 0, 0, -0.0], F32)])
    nan_row = np.array([[np.nan, 1.0, -np.inf], [2.0, np.nan, 0.5]])
    case("maximum_propagates_nan", "maximum", np.maximum, [nan_row, np.array([0.0, np.nan, 1.0])])
    case("minimum_propagates_nan", "minimum", np.minimum, [nan_row, np.array([0.0, np.nan, 1.0])])
    for op, fn in COMPARE.items():
        case(f"{op}_f32", op, fn, [ints((3, 4), -2, 3, F32), ints((3, 4), -2, 3, F32)])
        case(f"{op}_i64_broadcast", op, fn, [ints((3, 1), -2, 3), ints(4, -2, 3)])
    case("eq_nan_is_false", "eq", np.equal, [np.array([np.nan, 1.0]), np.array([np.nan, 1.0])])
    case("ne_nan_is_true", "ne", np.not_equal, [np.array([np.nan, 1.0]), np.array([np.nan, 1.0])])
    case("lt_mixed_i32_f64", "lt", np.less, [ints((2, 3), -3, 3, I32), normal(3)])
    # A Java double argument: Ruru treats it as NumPy 2 treats a Python scalar ("weak").
    case("add_scalar_f32", "add_scalar", lambda a: a + F32(0.25), [normal((2, 3), F32)], scalar=0.25)
    case("mul_scalar_i64", "mul_scalar", lambda a: a * 3, [ints((2, 3), -9, 9)], scalar=3)
    case("sub_fraction_from_i32_gives_f64", "sub_scalar", lambda a: a - 2.5, [ints((2, 3), -9, 9, I32)], scalar=2.5)
    case("div_scalar_f64", "div_scalar", lambda a: a / 4.0, [normal((2, 3))], scalar=4)
    case("pow_scalar_f64", "pow_scalar", lambda a: a ** 2.0, [normal((2, 3))], scalar=2, **TOL64)
    case("gt_scalar_f32", "gt_scalar", lambda a: a > 0.1, [normal((2, 3), F32)], scalar=0.1)


UNARY = {
    "neg": (np.negative, False), "abs": (np.abs, False), "sign": (np.sign, False), "exp": (np.exp, True),
    "log": (np.log, True), "sqrt": (np.sqrt, False), "sin": (np.sin, True), "cos": (np.cos, True),
    "tanh": (np.tanh, True), "sigmoid": (lambda x: 1 / (1 + np.exp(-x)), True),
    "relu": (lambda x: np.maximum(x, x.dtype.type(0)), False),
}


def unary_ops():
    for dtype, label in [(F32, "f32"), (F64, "f64")]:
        for op, (fn, transcendental) in UNARY.items():
            x = positive((3, 4), dtype) if op in ("log", "sqrt") else normal((3, 4), dtype) * 2
            case(f"{op}_{label}", op, fn, [x], **(tol(dtype) if transcendental else {}))
    specials = np.array([np.nan, np.inf, -np.inf, 0.0, -0.0, 1.0])
    for op in ("neg", "abs", "sign", "exp", "tanh", "sigmoid", "relu"):
        case(f"{op}_special_values", op, UNARY[op][0], [specials], **(TOL64 if UNARY[op][1] else {}))
    case("log_of_zero_and_negative", "log", np.log, [np.array([0.0, -1.0, 1.0, np.e])], **TOL64)
    case("sqrt_of_negative_is_nan", "sqrt", np.sqrt, [np.array([-1.0, 0.0, 4.0], F32)])
    for op in ("neg", "abs", "sign", "relu"):
        case(f"{op}_i32_keeps_dtype", op, UNARY[op][0], [ints((2, 3), -5, 5, I32)])
    case("exp_of_i32_gives_f64", "exp", np.exp, [ints((2, 3), -3, 3, I32)], **TOL64)
    case("sqrt_of_i64_gives_f64", "sqrt", np.sqrt, [ints((2, 3), 0, 50)])


def promotion():
    case("promote_i32_plus_f32_gives_f64", "add", np.add, [ints((2, 3), -9, 9, I32), normal((2, 3), F32)])
    case("promote_i32_plus_i64_gives_i64", "add", np.add, [ints((2, 3), -9, 9, I32), ints(3, -10**10, 10**10)])
    case("promote_f32_plus_f64_gives_f64", "add", np.add, [normal((2, 3), F32), normal((2, 3))])
    case("promote_i32_div_i32_gives_f64", "div", np.true_divide, [ints((2, 3), -9, 9, I32), ints((2, 3), 1, 5, I32)])
    case("promote_i64_mul_f32_gives_f64", "mul", np.multiply, [ints(3, -9, 9), normal(3, F32)])
    case("promote_bool_plus_i32_gives_i32", "add", np.add, [np.array([True, False, True]), ints(3, -9, 9, I32)])
    case("promote_bool_and_bool_maximum", "maximum", np.maximum, [np.array([True, False, False]), np.array([False, False, True])])


def layouts():
    x = normal((4, 6), F32)
    y = normal((4, 6), F32)
    case("add_reversed_rows", "add", np.add, [x, y], views={0: "idx:::-1"})
    case("add_columns_step_minus_2", "add", np.add, [x, y[:, :3]], views={0: "idx::,::-2"})
    case("add_fortran_and_c", "add", np.add, [x, y], views={0: "F"})
    case("add_fortran_and_fortran", "add", np.add, [x, y], views={0: "F", 1: "F"})
    case("add_transposed_and_c", "add", np.add, [x, y.T.copy()], views={0: "T"})
    cube = normal((2, 3, 4))
    case("mul_permuted", "mul", np.multiply, [cube, normal((4, 2, 3))], views={0: "perm:2,0,1"})
    case("exp_of_strided_slice", "exp", np.exp, [cube], views={0: "idx:1:,::2,1::2"}, **TOL64)
    case("neg_of_both_steps_negative", "neg", np.negative, [cube], views={0: "idx:::-1,::-1,::-3"})
    case("maximum_of_transposed_with_row", "maximum", np.maximum, [x, y[0, :4]], views={0: "T"})
    case("sub_of_newaxis_view", "sub", np.subtract, [normal(3), normal(4)], views={0: "idx::,None"})
    for spec in ["1:3", "::-1", ":,::-2", "1,...", "...,0", "None,:,1:", "-1,::2", "::2,1:-1:2", "2:0:-1,:"]:
        label = spec.replace(":", "c").replace(",", "_").replace("-", "m").replace(".", "d")
        case(f"index_{label}", "index", lambda a, s=spec: eval("a[" + s + "]", {"a": a}), [normal((4, 5), F32)], spec=spec, shares=True)




def selection():
    x = normal((3, 4), F32)
    case("where_broadcast_three_ways", "where", np.where, [np.array([[True], [False], [True]]), x, normal(4, F32)])
    case("where_promotes_f32_f64", "where", np.where, [np.array([True, False, True, False]), normal(4, F32), normal(4)])
    case("where_of_comparison_mask", "where", np.where, [ints((2, 3), 0, 2, BOOL), ints((2, 3), -9, 9), ints((2, 3), -9, 9)])
    case("clip_f32", "clip", lambda v: np.clip(v, F32(-0.5), F32(0.75)), [x], low=-0.5, high=0.75)
    case("clip_f64_transposed", "clip", lambda v: np.clip(v, -1.0, 1.0), [normal((3, 4))], views={0: "T"}, low=-1, high=1)


def heaviside_products():
    """Cases added after the others, so that the shared random stream of the older cases is unchanged."""
    # a·H(b), H the Heaviside step with H(0) = 0: the relu gradient. Integers keep their type (NumPy's
    # heaviside would give floats), so those cases compute it as where(b > 0, a, 0).
    heaviside = lambda a, b: a * np.heaviside(b, a.dtype.type(0))
    case("mulHeaviside_f32", "mulHeaviside", heaviside, [normal((3, 4), F32), normal((3, 4), F32)])
    case("mulHeaviside_f64_broadcast_row", "mulHeaviside", heaviside, [normal((3, 4)), normal(4)])
    case("mulHeaviside_special_values", "mulHeaviside", heaviside,
         [np.array([1.0, -2.0, np.inf, np.nan, 3.0, -np.inf, 5.0, 7.0]), np.array([0.0, -0.0, -1.0, 1.0, np.nan, 2.0, np.inf, -np.inf])])
    case("mulHeaviside_transposed", "mulHeaviside", heaviside, [normal((3, 4), F32), normal((4, 3), F32)], views={0: "T"})
    case("mulHeaviside_i64", "mulHeaviside", lambda a, b: np.where(b > 0, a, 0), [ints((3, 4), -9, 9), ints((3, 4), -2, 3)])
