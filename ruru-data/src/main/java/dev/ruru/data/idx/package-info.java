/**
 * The IDX file format, in which MNIST and Fashion-MNIST are distributed: a 4-byte magic
 * ({@code 00 00 <element type> <rank>}), {@code rank} big-endian 32-bit dimensions, then the elements in
 * row-major order, big-endian. {@link dev.ruru.data.idx.IdxReader} reads all six element types
 * ({@link dev.ruru.data.idx.IdxType}), plain or gzip-compressed (recognised by the gzip magic
 * {@code 1f 8b}, not by the file name); {@link dev.ruru.data.idx.IdxWriter} writes them. Files are
 * untrusted: the header is checked and the data is read in bounded pieces, so a lying header cannot make
 * the reader allocate more than the bytes actually present, and every problem is an
 * {@link dev.ruru.data.idx.IdxFormatException} naming the file.
 */
package dev.ruru.data.idx;
