/**
 * Sparse matrices: {@link dev.ruru.array.sparse.CooMatrix} (coordinate triples) to build one from a
 * list of entries such as a graph's edges, and {@link dev.ruru.array.sparse.CsrMatrix} (compressed
 * rows) to compute with: the product with a dense matrix on all cores, the transpose, row and column
 * sums, and the degree normalisation D^-1/2 (A + I) D^-1/2 of graph convolution. Values are float32 or
 * float64 {@link dev.ruru.array.NDArray}s, so the automatic differentiation can treat them as a tensor.
 */
package dev.ruru.array.sparse;
