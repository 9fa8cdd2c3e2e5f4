package dev.ruru.array.blas;

import dev.ruru.array.Parallel;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.Map;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * {@link Gemm} by OpenBLAS's {@code cblas_sgemm}/{@code cblas_dgemm}, and {@link Axpy} by its
 * {@code cblas_saxpy}/{@code cblas_daxpy}, called through the foreign-function API.
 *
 * <p>The library is the one inside bytedeco's {@code openblas} jar for this platform: JavaCPP's
 * {@link Loader} unpacks it (with its libgfortran) into its cache and loads it, and we then look the
 * CBLAS symbols up in that file. The downcalls are <em>critical</em>
 * ({@link Linker.Option#critical(boolean) critical(true)}): the JVM passes the address of the heap
 * {@code float[]}/{@code double[]} itself, pinned for the call, so nothing is copied. Offsets into
 * the arrays become slices of the heap segments. The garbage collector waits for a running call,
 * which is the price of the zero copy; calls are at most seconds long.
 *
 * <p>There is one instance per JVM ({@link #load()}); its thread count starts at
 * {@link Parallel#threads()} and is the library's global setting.
 *
 * <p>Calling native code is a restricted operation: the JVM needs {@code --enable-native-access}
 * for this code's module ({@code ALL-UNNAMED} on the class path), which the tests and the runnable
 * jar's manifest grant. The restricted calls are confined to this class; their arguments are checked
 * first ({@link GemmArguments}), since a native kernel reading out of bounds would corrupt the heap.
 */
@SuppressWarnings("restricted") // confined here on purpose: see the class documentation
public final class OpenBlasGemm implements Gemm, Axpy {
  // CBLAS's enum values, from cblas.h.
  private static final int ROW_MAJOR = 101;
  private static final int NO_TRANS = 111;
  private static final int TRANS = 112;

  /** The environment variable OpenBLAS reads its worker threads' spin time from, and Ruru's choice. */
  private static final String THREAD_TIMEOUT = "OPENBLAS_THREAD_TIMEOUT";
  private static final String THREAD_TIMEOUT_EXPONENT = "20";

  private static OpenBlasGemm shared;
  private static RuntimeException failure;

  private final MethodHandle sgemm;
  private final MethodHandle dgemm;
  private final MethodHandle saxpy;
  private final MethodHandle daxpy;
  private final MethodHandle setNumThreads;
  private final MethodHandle getNumThreads;
  private final String name;
  private final SymbolLookup library;

  private OpenBlasGemm(SymbolLookup library) {
    this.library = library;
    Linker linker = Linker.nativeLinker();
    Linker.Option critical = Linker.Option.critical(true);
    sgemm = linker.downcallHandle(symbol(library, "cblas_sgemm"), gemmDescriptor(ValueLayout.JAVA_FLOAT), critical);
    dgemm = linker.downcallHandle(symbol(library, "cblas_dgemm"), gemmDescriptor(ValueLayout.JAVA_DOUBLE), critical);
    saxpy = linker.downcallHandle(symbol(library, "cblas_saxpy"), axpyDescriptor(ValueLayout.JAVA_FLOAT), critical);
    daxpy = linker.downcallHandle(symbol(library, "cblas_daxpy"), axpyDescriptor(ValueLayout.JAVA_DOUBLE), critical);
    setNumThreads = linker.downcallHandle(symbol(library, "openblas_set_num_threads"),
        FunctionDescriptor.ofVoid(ValueLayout.JAVA_INT));
    getNumThreads = linker.downcallHandle(symbol(library, "openblas_get_num_threads"),
        FunctionDescriptor.of(ValueLayout.JAVA_INT));
    MethodHandle config = linker.downcallHandle(symbol(library, "openblas_get_config"), FunctionDescriptor.of(ValueLayout.ADDRESS));
    MethodHandle coreName = linker.downcallHandle(symbol(library, "openblas_get_corename"), FunctionDescriptor.of(ValueLayout.ADDRESS));
    name = describe(config, coreName);
  }

  /**
   * The OpenBLAS GEMM, loading the library on first use and setting its thread count to
   * {@link Parallel#threads()}.
   *
   * @throws IllegalStateException when the native library cannot be loaded on this machine (the
   *     cause says why); later calls throw the same way without retrying
   */
  public static synchronized OpenBlasGemm load() {
    if (shared == null && failure == null) {
      try {
        shared = new OpenBlasGemm(SymbolLookup.libraryLookup(unpackLibrary(), Arena.global()));
        shared.setThreads(Parallel.threads());
      } catch (RuntimeException | LinkageError e) {
        failure = new IllegalStateException("OpenBLAS could not be loaded: " + e, e);
      }
    }
    if (shared == null) {
      throw new IllegalStateException(failure.getMessage(), failure.getCause());
    }
    return shared;
  }

  /**
   * Lets JavaCPP unpack and load OpenBLAS with its dependencies, then returns the path of the CBLAS
   * library itself (JavaCPP caches it under the name {@code libopenblas_nolapack.so.0}).
   */
  private static Path unpackLibrary() {
    shortenThreadTimeout();
    Loader.load(openblas_nolapack.class);
    for (Map.Entry<String, String> library : Loader.getLoadedLibraries().entrySet()) {
      if (library.getKey().startsWith("openblas")) {
        return Path.of(library.getValue());
      }
    }
    throw new IllegalStateException("JavaCPP loaded " + Loader.getLoadedLibraries().keySet() + " but no OpenBLAS library");
  }

  /**
   * OpenBLAS's worker threads spin for 2²⁸ cycles (about 0.1 s) after each product before they sleep.
   * Training calls a product every few milliseconds, so with two threads the worker never sleeps and
   * holds a core that Ruru's own threads (convolution over samples, large elementwise kernels) then
   * wait for: W3 at 2 threads took 35 s an epoch spinning against 27 s with a 2²⁰-cycle (0.3 ms) spin.
   * The library reads {@code OPENBLAS_THREAD_TIMEOUT} (the exponent) when it loads, so it is set in this
   * process's environment first, unless the user has set it.
   */
  private static void shortenThreadTimeout() {
    if (System.getenv(THREAD_TIMEOUT) != null) {
      return;
    }
    Linker linker = Linker.nativeLinker();
    // Best effort: without it OpenBLAS is slower at two threads, not wrong, so a failure is ignored.
    linker.defaultLookup().find("setenv").ifPresent(address -> {
      MethodHandle setenv = linker.downcallHandle(address,
          FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
      try (Arena arena = Arena.ofConfined()) {
        int ignored = (int) setenv.invokeExact(arena.allocateFrom(THREAD_TIMEOUT), arena.allocateFrom(THREAD_TIMEOUT_EXPONENT), 1);
      } catch (Throwable e) {
        // see above
      }
    });
  }

  /**
   * The address of another routine of the same library: bytedeco's OpenBLAS includes LAPACK and
   * LAPACKE, which {@code dev.ruru.array.linalg} calls through this.
   *
   * @throws IllegalStateException when the library has no such symbol
   */
  public MemorySegment symbol(String symbolName) {
    return symbol(library, symbolName);
  }

  private static MemorySegment symbol(SymbolLookup library, String name) {
    return library.find(name).orElseThrow(() -> new IllegalStateException("symbol " + name + " is missing from OpenBLAS"));
  }

  /** {@code cblas_?gemm(order, transA, transB, M, N, K, alpha, A, lda, B, ldb, beta, C, ldc)}; blasint is 32-bit. */
  private static FunctionDescriptor gemmDescriptor(ValueLayout scalar) {
    ValueLayout integer = ValueLayout.JAVA_INT;
    ValueLayout pointer = ValueLayout.ADDRESS;
    return FunctionDescriptor.ofVoid(integer, integer, integer, integer, integer, integer,
        scalar, pointer, integer, pointer, integer, scalar, pointer, integer);
  }

  /** {@code cblas_?axpy(N, alpha, X, incX, Y, incY)}. */
  private static FunctionDescriptor axpyDescriptor(ValueLayout scalar) {
    ValueLayout integer = ValueLayout.JAVA_INT;
    ValueLayout pointer = ValueLayout.ADDRESS;
    return FunctionDescriptor.ofVoid(integer, scalar, pointer, integer, pointer, integer);
  }

  /** {@code "OpenBLAS 0.3.31 (Zen)"}: the version from the build configuration and the kernel chosen for this CPU. */
  private static String describe(MethodHandle config, MethodHandle coreName) {
    try {
      String[] words = ((MemorySegment) config.invokeExact()).reinterpret(1024).getString(0).split(" ");
      String core = ((MemorySegment) coreName.invokeExact()).reinterpret(256).getString(0);
      return (words.length >= 2 ? words[0] + " " + words[1] : "OpenBLAS") + " (" + core + ")";
    } catch (Throwable e) {
      throw new IllegalStateException("OpenBLAS did not describe itself", e);
    }
  }

  @Override
  public void sgemm(Transpose transA, Transpose transB, int m, int n, int k,
                    float alpha, float[] a, int aOffset, int lda,
                    float[] b, int bOffset, int ldb,
                    float beta, float[] c, int cOffset, int ldc) {
    GemmArguments.check("sgemm", transA, transB, m, n, k, a.length, aOffset, lda, b.length, bOffset, ldb, c.length, cOffset, ldc);
    if (m == 0 || n == 0) {
      return;
    }
    try {
      sgemm.invokeExact(ROW_MAJOR, cblas(transA), cblas(transB), m, n, k,
          alpha, slice(MemorySegment.ofArray(a), aOffset, Float.BYTES), lda,
          slice(MemorySegment.ofArray(b), bOffset, Float.BYTES), ldb,
          beta, slice(MemorySegment.ofArray(c), cOffset, Float.BYTES), ldc);
    } catch (Throwable e) {
      throw new IllegalStateException("cblas_sgemm failed", e);
    }
  }

  @Override
  public void dgemm(Transpose transA, Transpose transB, int m, int n, int k,
                    double alpha, double[] a, int aOffset, int lda,
                    double[] b, int bOffset, int ldb,
                    double beta, double[] c, int cOffset, int ldc) {
    GemmArguments.check("dgemm", transA, transB, m, n, k, a.length, aOffset, lda, b.length, bOffset, ldb, c.length, cOffset, ldc);
    if (m == 0 || n == 0) {
      return;
    }
    try {
      dgemm.invokeExact(ROW_MAJOR, cblas(transA), cblas(transB), m, n, k,
          alpha, slice(MemorySegment.ofArray(a), aOffset, Double.BYTES), lda,
          slice(MemorySegment.ofArray(b), bOffset, Double.BYTES), ldb,
          beta, slice(MemorySegment.ofArray(c), cOffset, Double.BYTES), ldc);
    } catch (Throwable e) {
      throw new IllegalStateException("cblas_dgemm failed", e);
    }
  }

  @Override
  public void saxpy(int n, float alpha, float[] x, int xOffset, float[] y, int yOffset) {
    Axpy.check("saxpy", n, x.length, xOffset, y.length, yOffset);
    if (n == 0) {
      return;
    }
    try {
      saxpy.invokeExact(n, alpha, slice(MemorySegment.ofArray(x), xOffset, Float.BYTES), 1,
          slice(MemorySegment.ofArray(y), yOffset, Float.BYTES), 1);
    } catch (Throwable e) {
      throw new IllegalStateException("cblas_saxpy failed", e);
    }
  }

  @Override
  public void daxpy(int n, double alpha, double[] x, int xOffset, double[] y, int yOffset) {
    Axpy.check("daxpy", n, x.length, xOffset, y.length, yOffset);
    if (n == 0) {
      return;
    }
    try {
      daxpy.invokeExact(n, alpha, slice(MemorySegment.ofArray(x), xOffset, Double.BYTES), 1,
          slice(MemorySegment.ofArray(y), yOffset, Double.BYTES), 1);
    } catch (Throwable e) {
      throw new IllegalStateException("cblas_daxpy failed", e);
    }
  }

  private static int cblas(Transpose transpose) {
    return transpose == Transpose.NO ? NO_TRANS : TRANS;
  }

  /** The heap segment from element {@code offset} on: the downcall passes its address, so no copy is made. */
  private static MemorySegment slice(MemorySegment array, int offset, int elementBytes) {
    return offset == 0 ? array : array.asSlice((long) offset * elementBytes);
  }

  /** Sets OpenBLAS's thread count, which is global to the process. */
  @Override
  public void setThreads(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("OpenBlasGemm.setThreads: expected a positive thread count, got " + threads);
    }
    try {
      setNumThreads.invokeExact(threads);
    } catch (Throwable e) {
      throw new IllegalStateException("openblas_set_num_threads failed", e);
    }
  }

  @Override
  public int threads() {
    try {
      return (int) getNumThreads.invokeExact();
    } catch (Throwable e) {
      throw new IllegalStateException("openblas_get_num_threads failed", e);
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String toString() {
    return name;
  }
}
