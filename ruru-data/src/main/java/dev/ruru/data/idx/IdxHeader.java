package dev.ruru.data.idx;

import java.util.Arrays;

/**
 * What an IDX header declares: the element type and the dimensions. Immutable: the dimensions are copied
 * in and out.
 */
public record IdxHeader(IdxType type, int[] dims) {
  public IdxHeader {
    dims = dims.clone();
  }

  @Override
  public int[] dims() {
    return dims.clone();
  }

  /** Number of elements: the product of the dimensions. */
  public long elementCount() {
    long count = 1;
    for (int d : dims) {
      count = Math.multiplyExact(count, d);
    }
    return count;
  }

  /** Bytes of element data that follow the header. */
  public long dataBytes() {
    return elementCount() * type.itemSize();
  }

  /** Bytes of the header itself: the magic and one 4-byte integer per dimension. */
  public int headerBytes() {
    return 4 + 4 * dims.length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof IdxHeader header && type == header.type && Arrays.equals(dims, header.dims);
  }

  @Override
  public int hashCode() {
    return 31 * type.hashCode() + Arrays.hashCode(dims);
  }

  @Override
  public String toString() {
    return "IdxHeader(" + type + ", " + Arrays.toString(dims) + ")";
  }
}
