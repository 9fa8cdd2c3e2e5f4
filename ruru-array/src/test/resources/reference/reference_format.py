"""NumPy's repr of a range of arrays, for FormatTest."""
import os

import numpy as np

from reference_recorder import BOOL, F32, HERE, I32, I64, normal, store


def formats():
    """NumPy's repr of a range of arrays; the Java side prints the same arrays and compares the text."""
    arrays = {
        "float32_matrix": np.array([[1, 2], [3, 4]], F32),
        "float64_fractions": np.array([1.5, 2.25, -0.125]),
        "float64_integral": np.array([1.0, -2.0, 30.0]),
        "float32_random": normal((3, 5), F32),
        "float64_random_wraps": normal(12),
        "float32_wraps_dtype_to_next_line": normal(11, F32),
        "float64_scientific_small": np.array([1e-5, 1.2345]),
        "float64_scientific_large": np.array([1.5e9, 2.0, -3.25]),
        "float64_scientific_wide_exponent": np.array([1e300 * 10, -1e-5]),
        "float64_ratio_over_1000": np.array([0.001, 1.0000001]),
        "float64_zero_and_tiny": np.array([0.0, 1e-5]),
        "float64_all_zero": np.zeros(3),
        "float64_negative_zero": np.array([-0.0, 1.0]),
        "float64_nan_inf": np.array([np.nan, -np.inf, 1.5, np.inf]),
        "float64_only_nan": np.array([np.nan, np.nan]),
        "float32_tenths": np.array([0.1, 0.2, 0.3], F32),
        "float64_long_fractions": np.array([1 / 3, 2 / 3, 1e-3]),
        "float64_rounding_half_even": np.array([2.0 ** -9, 1.0]),
        "float32_third": np.array([1 / 3], F32),
        # Scientific float32: digits past the shortest come from the exact binary value, not zeros.
        "float32_scientific_exact_digits": np.array([4.695681e-07, -1.0338667e-06, 1.5239375e-06], F32),
        "float32_scientific_large": np.array([-9.115769e8, 5.5724024e7, np.nan], F32),
        "float64_arange_times_1_1": np.arange(30.0) * 1.1,
        "float32_3d": normal((2, 2, 3), F32),
        "float64_4d": np.arange(16.0).reshape(2, 2, 2, 2),
        "float64_summarised": np.arange(2000.0).reshape(40, 50) / 7,
        "float32_summarised_1d": np.linspace(0, 1, 1001, dtype=F32),
        "int64_vector": np.array([1, -20, 300]),
        "int32_vector": np.array([1, 2, 3], I32),
        "int64_matrix": np.arange(-6, 6).reshape(3, 4),
        "int64_wraps": np.arange(100, 140),
        "int64_summarised": np.arange(2000).reshape(40, 50),
        "int32_summarised_3d": np.arange(3000, dtype=I32).reshape(10, 10, 30),
        "int64_large": np.array([2**62, -5]),
        "bool_vector": np.array([True, False, True]),
        "bool_matrix": np.array([[True, False], [False, True]]),
        "scalar_float64": np.array(3.5),
        "scalar_float32": np.array(-0.25, F32),
        "scalar_int32": np.array(7, I32),
        "scalar_int64": np.array(-7),
        "scalar_bool": np.array(True),
        "scalar_nan": np.array(np.nan),
        "empty_1d_float64": np.zeros(0),
        "empty_1d_int32": np.zeros(0, I32),
        "empty_0x3_float32": np.zeros((0, 3), F32),
        "empty_3x0_int64": np.zeros((3, 0), I64),
        "empty_bool": np.zeros((2, 0, 2), BOOL),
        "single_element_matrix": np.array([[5.0]]),
    }
    blocks = []
    for name, x in arrays.items():
        store[f"format_{name}"] = x
        blocks.append(f"=== {name}\n{np.array_repr(x)}\n")
    with open(os.path.join(HERE, "format.txt"), "w") as out:
        out.write("".join(blocks))
