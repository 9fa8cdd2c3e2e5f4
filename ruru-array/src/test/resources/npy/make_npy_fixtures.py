#!/usr/bin/python3
"""Writes the .npy/.npz fixtures that NpyTest and NpzTest read, using NumPy's own writer.

Run from anywhere with Debian's NumPy (the committed files were made by NumPy 1.24.2):

    /usr/bin/python3 ruru-array/src/test/resources/npy/make_npy_fixtures.py

Every array is made from np.arange(n) by one formula per dtype, so the Java tests recompute the
expected values independently instead of trusting a second copy of them:

    f4, f8:  0.5 * k - 3            (exact in binary floating point)
    i4:      1000003 * k - 7
    i8:      2**40 * k - 5          (needs 64 bits)
    b1:      k % 3 == 0

where k = 0, 1, ... runs over the elements in C (row-major) order of the array's shape.
"""
import os
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
DTYPES = ("f4", "f8", "i4", "i8", "b1")


def values(code, shape, byteorder="<"):
    """The fixture formula for one dtype code, in C order, with the given shape."""
    k = np.arange(int(np.prod(shape)), dtype=np.int64).reshape(shape)
    if code in ("f4", "f8"):
        v = 0.5 * k - 3
    elif code == "i4":
        v = 1000003 * k - 7
    elif code == "i8":
        v = (2 ** 40) * k - 5
    else:
        return k % 3 == 0
    return v.astype(np.dtype(byteorder + code))


def save(name, array):
    np.save(os.path.join(HERE, name), array, allow_pickle=False)


def main():
    for code in DTYPES:
        c = values(code, (2, 3, 4))
        save(f"{code}_c.npy", c)                       # [2, 3, 4], C order
        save(f"{code}_f.npy", np.asfortranarray(c))    # same values, Fortran order
    save("scalar_f4.npy", values("f4", ()))            # rank 0
    save("scalar_i8.npy", values("i8", ()))
    save("vector_f8.npy", values("f8", (5,)))          # rank 1 (C and F at once: NumPy says C)
    save("matrix_f4_f.npy", np.asfortranarray(values("f4", (3, 4))))
    save("empty_f4.npy", values("f4", (0, 3)))        # size 0
    save("empty_i4.npy", values("i4", (3, 0)))
    save("strided_f4.npy", values("f4", (3, 6))[:, ::2])   # neither C nor F: NumPy writes C order
    save("big_endian_f8.npy", values("f8", (3, 4), ">"))
    save("big_endian_i4.npy", values("i4", (3, 4), ">"))
    save("big_endian_f4_f.npy", np.asfortranarray(values("f4", (3, 4), ">")))
    for version in ((2, 0), (3, 0)):
        with open(os.path.join(HERE, f"version{version[0]}_f4.npy"), "wb") as f:
            np.lib.format.write_array(f, values("f4", (2, 3)), version=version)
    np.save(os.path.join(HERE, "object.npy"), np.array([1, "a", None], dtype=object), allow_pickle=True)
    arrays = {
        "weights": values("f4", (3, 4)),
        "bias": values("f8", (4,)),
        "labels": values("i8", (6,)),
        "mask": values("b1", (2, 3)),
        "fortran": np.asfortranarray(values("i4", (2, 5))),
    }
    np.savez(os.path.join(HERE, "arrays.npz"), **arrays)
    np.savez_compressed(os.path.join(HERE, "arrays_compressed.npz"), **arrays)


if __name__ == "__main__":
    main()
