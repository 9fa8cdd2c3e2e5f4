package dev.ruru.array.blas;

import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * Chooses the {@link Gemm} that matrix products use, once per JVM.
 *
 * <p>By default that is {@link OpenBlasGemm}; where OpenBLAS cannot load (another platform, a jar
 * without the native libraries, native access denied) it is {@link JavaGemm}, and one notice on
 * standard error says so. The system property {@value #PROPERTY} forces a choice:
 * {@code -Druru.blas=java} always uses the pure-Java kernel (silently), {@code -Druru.blas=native}
 * insists on OpenBLAS and fails with an error when it cannot load.
 *
 * <pre>{@code
 * Gemm gemm = Blas.gemm();
 * System.out.println(gemm.name());   // e.g. "OpenBLAS 0.3.31 (Zen)"
 * }</pre>
 */
public final class Blas {
  /** The system property that forces an implementation: {@code native} or {@code java}. */
  public static final String PROPERTY = "ruru.blas";

  private static volatile Gemm chosen;

  private Blas() {}

  /**
   * The GEMM matrix products use: chosen on the first call, the same object afterwards.
   *
   * @throws IllegalStateException when {@code ruru.blas=native} and OpenBLAS cannot load
   * @throws IllegalArgumentException when {@code ruru.blas} has a value other than native or java
   */
  public static Gemm gemm() {
    Gemm current = chosen;
    if (current == null) {
      synchronized (Blas.class) {
        if (chosen == null) {
          chosen = choose(System.getProperty(PROPERTY), OpenBlasGemm::load, System.err);
        }
        current = chosen;
      }
    }
    return current;
  }

  /**
   * The axpy of the same library as {@link #gemm()}: OpenBLAS's, or the pure-Java one where the GEMM is
   * pure Java (the only two kernels chosen here, and both are also axpys).
   */
  public static Axpy axpy() {
    return (Axpy) gemm();
  }

  /**
   * Sets the thread count of the chosen GEMM, if one has been chosen yet; one chosen later starts
   * from {@code dev.ruru.array.Parallel.threads()}, so nothing is loaded just to set a count.
   */
  public static void setThreads(int threads) {
    Gemm current = chosen;
    if (current != null) {
      current.setThreads(threads);
    }
  }

  /**
   * The choice for a value of {@value #PROPERTY} ({@code null} or blank: automatic).
   *
   * @param loadNative loads OpenBLAS, throwing {@link IllegalStateException} when it cannot
   * @param notices where the automatic choice reports falling back to Java
   */
  static Gemm choose(String property, Supplier<? extends Gemm> loadNative, PrintStream notices) {
    String choice = property == null ? "" : property.trim();
    switch (choice) {
      case "java":
        return new JavaGemm();
      case "native":
        try {
          return loadNative.get();
        } catch (IllegalStateException e) {
          throw new IllegalStateException(PROPERTY + "=native: " + e.getMessage()
              + "; remove -D" + PROPERTY + "=native to fall back to the pure-Java kernel", e);
        }
      case "", "auto":
        try {
          return loadNative.get();
        } catch (IllegalStateException e) {
          notices.println("ruru: " + e.getMessage() + "; matrix products use the slower pure-Java kernel"
              + " (-D" + PROPERTY + "=java silences this notice)");
          return new JavaGemm();
        }
      default:
        throw new IllegalArgumentException(PROPERTY + ": expected 'native' or 'java', got '" + property + "'");
    }
  }
}
