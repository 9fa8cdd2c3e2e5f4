#!/usr/bin/python3
"""Checks with NumPy that files written by Ruru read back as the arrays they should hold.

NumpyInteropTest writes, with Ruru's Npy and Npz, the arrays of make_npy_fixtures.py under the same file
names into ruru-array/target/ruru-written-npy/. This script loads each with np.load and checks its dtype,
shape, memory order and values against the script's formulas, that each .npy file is byte for byte the file
np.save writes (the committed fixture of that name), and that both archives list their arrays in order and
pass zip's CRC check. From the repository root:

    mvn -q -pl ruru-array test -Dtest=NumpyInteropTest
    /usr/bin/python3 ruru-array/src/test/resources/npy/check_ruru_files.py [DIRECTORY]

It prints one line per file and exits with status 1 if any check fails.
"""
import os
import sys
import zipfile

import numpy as np

sys.dont_write_bytecode = True  # no __pycache__ among the test resources
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_npy_fixtures import DTYPES, HERE, values  # noqa: E402

DEFAULT_DIRECTORY = os.path.join(HERE, "..", "..", "..", "..", "target", "ruru-written-npy")


def expected_npy():
    """File name -> the array Ruru was asked to write there."""
    arrays = {}
    for code in DTYPES:
        arrays[f"{code}_c.npy"] = values(code, (2, 3, 4))
        arrays[f"{code}_f.npy"] = np.asfortranarray(values(code, (2, 3, 4)))
    arrays["scalar_f4.npy"] = values("f4", ())
    arrays["scalar_i8.npy"] = values("i8", ())
    arrays["vector_f8.npy"] = values("f8", (5,))
    arrays["matrix_f4_f.npy"] = np.asfortranarray(values("f4", (3, 4)))
    arrays["empty_f4.npy"] = values("f4", (0, 3))
    arrays["empty_i4.npy"] = values("i4", (3, 0))
    arrays["strided_f4.npy"] = values("f4", (3, 6))[:, ::2]
    return arrays


def expected_npz():
    return {
        "weights": values("f4", (3, 4)),
        "bias": values("f8", (4,)),
        "labels": values("i8", (6,)),
        "mask": values("b1", (2, 3)),
        "fortran": np.asfortranarray(values("i4", (2, 5))),
    }


def same_array(got, want):
    """Problems with got compared with want: dtype, shape, order and values."""
    problems = []
    if got.dtype != want.dtype:
        problems.append(f"dtype {got.dtype.str}, expected {want.dtype.str}")
    if got.shape != want.shape:
        problems.append(f"shape {got.shape}, expected {want.shape}")
    elif not np.array_equal(got, want):
        problems.append("values differ")
    fortran_only = want.flags.f_contiguous and not want.flags.c_contiguous
    if fortran_only and not got.flags.f_contiguous:
        problems.append("expected Fortran order")
    return problems


def check_npy(directory, name, want):
    path = os.path.join(directory, name)
    if not os.path.exists(path):
        return ["missing"]
    problems = same_array(np.load(path, allow_pickle=False), want)
    with open(path, "rb") as ours, open(os.path.join(HERE, name), "rb") as numpys:
        if ours.read() != numpys.read():
            problems.append("bytes differ from np.save's")
    return problems


def check_npz(directory, name):
    path = os.path.join(directory, name)
    if not os.path.exists(path):
        return ["missing"]
    with zipfile.ZipFile(path) as archive:
        bad = archive.testzip()
        if bad is not None:
            return [f"CRC error in {bad}"]
    want = expected_npz()
    problems = []
    with np.load(path, allow_pickle=False) as arrays:
        if list(arrays.files) != list(want):
            problems.append(f"arrays {arrays.files}, expected {list(want)}")
        for key in want:
            if key in arrays.files:
                problems += [f"{key}: {p}" for p in same_array(arrays[key], want[key])]
    return problems


def main():
    directory = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_DIRECTORY
    if not os.path.isdir(directory):
        sys.exit(f"{directory} does not exist; run NumpyInteropTest first (see this script's docstring)")
    results = {name: check_npy(directory, name, want) for name, want in expected_npy().items()}
    for name in ("arrays.npz", "arrays_compressed.npz"):
        results[name] = check_npz(directory, name)
    for name, problems in results.items():
        print(f"{'ok  ' if not problems else 'FAIL'} {name}" + ("" if not problems else ": " + "; ".join(problems)))
    failed = sum(1 for problems in results.values() if problems)
    print(f"NumPy {np.__version__} read {len(results) - failed} of {len(results)} Ruru-written files correctly")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
