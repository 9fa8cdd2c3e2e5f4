/**
 * Linear algebra beyond the matrix product, on the LAPACK that ships inside bytedeco's OpenBLAS (the
 * same native library as {@code dev.ruru.array.blas}, called the same way: critical foreign-function
 * downcalls on heap arrays). {@link dev.ruru.array.linalg.SymmetricEigen} is the symmetric
 * eigendecomposition ({@code LAPACKE_dsyevd}/{@code LAPACKE_ssyevd}, numpy's {@code eigh}); on it stand the
 * square root of a positive semi-definite matrix ({@link dev.ruru.array.linalg.SymmetricEigen#sqrtPsd})
 * and principal component analysis ({@link dev.ruru.array.linalg.Pca}, scikit-learn's {@code PCA}).
 */
package dev.ruru.array.linalg;
