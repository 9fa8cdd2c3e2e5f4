"""Writes the 8- and 16-bit integer fixtures NpyNarrowIntegerTest reads (np.save of raw pixels gives '|u1').

Run from this directory: python3 make_narrow_fixtures.py. No randomness: the values are the extremes of
each type and a few in between, in a [2, 3] array, C order unless the name says f.
"""
import numpy as np

VALUES = {
    "u1": [0, 1, 127, 128, 254, 255],
    "i1": [-128, -1, 0, 1, 100, 127],
    "u2": [0, 1, 255, 256, 40000, 65535],
    "i2": [-32768, -1, 0, 1, 300, 32767],
}
for code, values in VALUES.items():
    np.save(f"narrow_{code}_c.npy", np.array(values, dtype=code).reshape(2, 3))
np.save("narrow_u2_big_endian.npy", np.array(VALUES["u2"], dtype=">u2").reshape(2, 3))
np.save("narrow_u1_f.npy", np.asfortranarray(np.array(VALUES["u1"], dtype="u1").reshape(2, 3)))
