package dev.ruru.array.linalg;

import dev.ruru.array.blas.OpenBlasGemm;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * The LAPACKE routines Ruru calls, looked up in the OpenBLAS library that {@link OpenBlasGemm} loads
 * (bytedeco builds it with LAPACK and LAPACKE inside). As there, the downcalls are critical, so heap arrays
 * reach native code without a copy; arguments are checked by the callers first.
 */
@SuppressWarnings("restricted") // confined here, as in OpenBlasGemm
final class Lapack {
  /** LAPACKE's {@code LAPACK_COL_MAJOR}: column-major needs no transposing copy inside LAPACKE. */
  private static final int COL_MAJOR = 102;

  private static Lapack shared;

  private final MethodHandle dsyevd;
  private final MethodHandle ssyevd;

  private Lapack(OpenBlasGemm library) {
    Linker linker = Linker.nativeLinker();
    Linker.Option critical = Linker.Option.critical(true);
    dsyevd = linker.downcallHandle(library.symbol("LAPACKE_dsyevd"), syevdDescriptor(), critical);
    ssyevd = linker.downcallHandle(library.symbol("LAPACKE_ssyevd"), syevdDescriptor(), critical);
  }

  /**
   * The routines, loading OpenBLAS on first use.
   *
   * @throws IllegalStateException when OpenBLAS cannot load on this machine: there is no pure-Java
   *     eigensolver to fall back to
   */
  static synchronized Lapack load() {
    if (shared == null) {
      try {
        shared = new Lapack(OpenBlasGemm.load());
      } catch (IllegalStateException e) {
        throw new IllegalStateException("linalg: LAPACK is unavailable because " + e.getMessage()
            + "; eigendecompositions need the native OpenBLAS (bytedeco's jar for this platform)", e);
      }
    }
    return shared;
  }

  /** {@code lapack_int LAPACKE_?syevd(int layout, char jobz, char uplo, lapack_int n, T* a, lapack_int lda, T* w)}. */
  private static FunctionDescriptor syevdDescriptor() {
    ValueLayout integer = ValueLayout.JAVA_INT;
    ValueLayout character = ValueLayout.JAVA_BYTE;
    ValueLayout pointer = ValueLayout.ADDRESS;
    return FunctionDescriptor.of(integer, integer, character, character, integer, pointer, integer, pointer);
  }

  /**
   * Eigenvalues (ascending, into {@code w}) and eigenvectors of the symmetric n×n matrix in {@code a}, of
   * which only the lower triangle is read (column-major, so it is the upper one of a row-major array).
   * On return row j of {@code a}, read row-major, is the unit eigenvector of {@code w[j]}.
   *
   * @return LAPACK's info: 0, or {@code > 0} when the algorithm did not converge
   */
  int dsyevd(double[] a, int n, double[] w) {
    try {
      return (int) dsyevd.invokeExact(COL_MAJOR, (byte) 'V', (byte) 'L', n,
          MemorySegment.ofArray(a), Math.max(1, n), MemorySegment.ofArray(w));
    } catch (Throwable e) {
      throw new IllegalStateException("LAPACKE_dsyevd failed", e);
    }
  }

  /** {@link #dsyevd} in single precision. */
  int ssyevd(float[] a, int n, float[] w) {
    try {
      return (int) ssyevd.invokeExact(COL_MAJOR, (byte) 'V', (byte) 'L', n,
          MemorySegment.ofArray(a), Math.max(1, n), MemorySegment.ofArray(w));
    } catch (Throwable e) {
      throw new IllegalStateException("LAPACKE_ssyevd failed", e);
    }
  }
}
