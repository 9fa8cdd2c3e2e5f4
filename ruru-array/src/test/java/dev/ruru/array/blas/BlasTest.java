package dev.ruru.array.blas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** How {@link Blas} chooses between OpenBLAS and the pure-Java kernel, and what it says when it falls back. */
class BlasTest {
  private final ByteArrayOutputStream noticeBytes = new ByteArrayOutputStream();
  private final PrintStream notices = new PrintStream(noticeBytes, true, StandardCharsets.UTF_8);

  private static final Supplier<Gemm> MISSING_LIBRARY = () -> {
    throw new IllegalStateException("OpenBLAS could not be loaded: java.lang.UnsatisfiedLinkError: no jniopenblas_nolapack");
  };

  private String notices() {
    return noticeBytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void automaticChoiceIsOpenBlasWhenItLoads() {
    Gemm openBlas = OpenBlasGemm.load();
    assertSame(openBlas, Blas.choose(null, () -> openBlas, notices));
    assertSame(openBlas, Blas.choose(" ", () -> openBlas, notices));
    assertEquals("", notices());
  }

  @Test
  void automaticChoiceFallsBackToJavaWithOneNotice() {
    Gemm gemm = Blas.choose(null, MISSING_LIBRARY, notices);
    assertInstanceOf(JavaGemm.class, gemm);
    assertEquals("ruru: OpenBLAS could not be loaded: java.lang.UnsatisfiedLinkError: no jniopenblas_nolapack;"
        + " matrix products use the slower pure-Java kernel (-Druru.blas=java silences this notice)" + System.lineSeparator(), notices());
  }

  @Test
  void forcingJavaNeverLoadsTheLibraryAndSaysNothing() {
    Gemm gemm = Blas.choose("java", () -> {
      throw new AssertionError("the native library must not be loaded");
    }, notices);
    assertInstanceOf(JavaGemm.class, gemm);
    assertEquals("", notices());
  }

  @Test
  void forcingNativeWhereItCannotLoadIsAnError() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Blas.choose("native", MISSING_LIBRARY, notices));
    assertEquals("ruru.blas=native: OpenBLAS could not be loaded: java.lang.UnsatisfiedLinkError: no jniopenblas_nolapack;"
        + " remove -Druru.blas=native to fall back to the pure-Java kernel", e.getMessage());
  }

  @Test
  void unknownChoiceIsAnError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Blas.choose("mkl", MISSING_LIBRARY, notices));
    assertEquals("ruru.blas: expected 'native' or 'java', got 'mkl'", e.getMessage());
  }

  @Test
  void thisBuildUsesOpenBlasFromTheBytedecoJar() {
    assumeTrue(System.getProperty(Blas.PROPERTY) == null, "ruru.blas is set for this run");
    Gemm gemm = Blas.gemm();
    assertInstanceOf(OpenBlasGemm.class, gemm);
    assertSame(gemm, Blas.gemm());
    assertTrue(gemm.name().startsWith("OpenBLAS"), gemm.name());
  }
}
