/**
 * Matrix multiplication kernels (GEMM) on plain heap arrays, with BLAS's semantics:
 * {@code C ← α·op(A)·op(B) + β·C}, row-major, where {@code op(X)} is {@code X} or {@code Xᵀ}.
 *
 * <p>{@link dev.ruru.array.blas.Blas#gemm()} picks the implementation once per JVM:
 * {@link dev.ruru.array.blas.OpenBlasGemm} calls the OpenBLAS library that ships inside bytedeco's
 * Maven jar through Java's foreign-function API (critical downcalls, so heap {@code float[]} and
 * {@code double[]} reach native code without a copy); where that library cannot load, the pure-Java
 * {@link dev.ruru.array.blas.JavaGemm} takes over and a single notice says so. The system property
 * {@code ruru.blas=native|java} forces either. {@code NDArray.matmul} is built on this package. The same
 * library also gives BLAS level 1's axpy ({@link dev.ruru.array.blas.Blas#axpy()}), for adding rows into
 * rows of the same array, which the JIT cannot vectorise ({@code NDArray.indexAddInPlace}).
 */
package dev.ruru.array.blas;
