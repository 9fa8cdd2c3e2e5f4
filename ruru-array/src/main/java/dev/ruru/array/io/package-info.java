/**
 * NumPy's file formats: {@code .npy} (one array) and {@code .npz} (a zip of named {@code .npy} files), so data
 * and results move between Ruru and Python both ways. {@link dev.ruru.array.io.Npy} and
 * {@link dev.ruru.array.io.Npz} read and write float32, float64, int32, int64 and bool arrays in C or Fortran
 * order; the bytes written for an array are the bytes {@code np.save} writes for it. Files are untrusted
 * input: every size in a header is checked against the bytes actually present before anything is allocated,
 * compressed data may inflate to at most an {@link dev.ruru.array.io.InflateLimit} (2 GiB unless configured),
 * archive entries may not share their bytes (a zip bomb's trick), and a bad file fails with an
 * {@link dev.ruru.array.io.NpyFormatException} that names the file and what was expected. Writes go to a
 * temporary file that is renamed into place, so a failed write leaves nothing behind.
 */
package dev.ruru.array.io;
