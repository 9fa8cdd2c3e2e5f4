package dev.ruru.array.io;

import dev.ruru.array.DType;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Moves elements between flat Java arrays ({@code float[]}, {@code double[]}, {@code int[]}, {@code long[]},
 * {@code byte[]} for bool) and their bytes in a file, with bulk {@link MemorySegment#copy} calls that also swap
 * the byte order when the file's differs from the machine's: no per-element loops.
 */
final class ElementBytes {
  /** Bytes moved per stream read or write: large enough to amortise calls, a multiple of every item size. */
  static final int CHUNK_BYTES = 1 << 20;

  private ElementBytes() {}

  /** How one element of {@code dtype} lies in the file; unaligned because nothing promises alignment. */
  static ValueLayout layout(DType dtype, ByteOrder byteOrder) {
    return switch (dtype) {
      case FLOAT32 -> ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(byteOrder);
      case FLOAT64 -> ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(byteOrder);
      case INT32 -> ValueLayout.JAVA_INT_UNALIGNED.withOrder(byteOrder);
      case INT64 -> ValueLayout.JAVA_LONG_UNALIGNED.withOrder(byteOrder);
      case BOOL -> ValueLayout.JAVA_BYTE;
    };
  }

  static Object allocate(DType dtype, int count) {
    return switch (dtype) {
      case FLOAT32 -> new float[count];
      case FLOAT64 -> new double[count];
      case INT32 -> new int[count];
      case INT64 -> new long[count];
      case BOOL -> new byte[count];
    };
  }

  /** The elements {@code header} describes, starting at byte {@code offset} of {@code segment}; narrow integers widened. */
  static Object read(MemorySegment segment, long offset, NpyHeader header) {
    if (header.stored() == NarrowInteger.NONE) {
      return read(segment, offset, header.dtype(), header.byteOrder(), header.shape().size());
    }
    byte[] bytes = (byte[]) read(segment, offset, DType.BOOL, header.byteOrder(), Math.toIntExact(header.dataBytes()));
    return header.stored().widen(bytes, header.byteOrder());
  }

  /** The elements {@code header} describes, read from {@code in} as {@link #read(InputStream, DType, ByteOrder, int, int, String)} does. */
  static Object read(InputStream in, NpyHeader header, int initialCapacity, String source) throws IOException {
    if (header.stored() == NarrowInteger.NONE) {
      return read(in, header.dtype(), header.byteOrder(), header.shape().size(), initialCapacity, source);
    }
    int bytes = Math.toIntExact(header.dataBytes());
    byte[] raw = (byte[]) read(in, DType.BOOL, header.byteOrder(), bytes, Math.min(bytes, initialCapacity), source);
    return header.stored().widen(raw, header.byteOrder());
  }

  /** {@code count} elements starting at byte {@code offset} of {@code segment}, in a new array. */
  static Object read(MemorySegment segment, long offset, DType dtype, ByteOrder byteOrder, int count) {
    Object elements = allocate(dtype, count);
    MemorySegment.copy(segment, layout(dtype, byteOrder), offset, elements, 0, count);
    return elements;
  }

  /**
   * {@code count} elements read from {@code in} chunk by chunk. The array starts with room for
   * {@code initialCapacity} elements and doubles, up to {@code count}, as data arrives: a caller that has
   * checked {@code count} against bytes it knows exist passes {@code count}; one reading a compressed entry,
   * whose claimed size no file size backs, passes less, so a false claim fails before a large allocation.
   */
  static Object read(InputStream in, DType dtype, ByteOrder byteOrder, int count, int initialCapacity, String source)
      throws IOException {
    Object elements = allocate(dtype, Math.min(count, initialCapacity));
    int capacity = Math.min(count, initialCapacity);
    ValueLayout layout = layout(dtype, byteOrder);
    int itemSize = dtype.itemSize();
    long total = (long) count * itemSize;
    byte[] chunk = new byte[(int) Math.min(CHUNK_BYTES, total)];
    MemorySegment chunkSegment = MemorySegment.ofArray(chunk);
    for (int done = 0; done < count; ) {
      int n = Math.min(count - done, CHUNK_BYTES / itemSize);
      int got = in.readNBytes(chunk, 0, n * itemSize);
      if (got < n * itemSize) {
        throw new NpyFormatException(source, "truncated data: expected " + total + " bytes after the header, found "
            + ((long) done * itemSize + got));
      }
      if (done + n > capacity) {
        capacity = (int) Math.min(count, Math.max(done + n, 2L * capacity));
        elements = grow(elements, capacity);
      }
      MemorySegment.copy(chunkSegment, layout, 0, elements, done, n);
      done += n;
    }
    return elements;
  }

  private static Object grow(Object elements, int capacity) {
    return switch (elements) {
      case float[] values -> Arrays.copyOf(values, capacity);
      case double[] values -> Arrays.copyOf(values, capacity);
      case int[] values -> Arrays.copyOf(values, capacity);
      case long[] values -> Arrays.copyOf(values, capacity);
      case byte[] values -> Arrays.copyOf(values, capacity);
      default -> throw new IllegalStateException("no array type " + elements.getClass());
    };
  }

  /** Writes the first {@code count} of {@code elements} to {@code out} as little-endian bytes. */
  static void write(Object elements, DType dtype, int count, OutputStream out) throws IOException {
    ValueLayout layout = layout(dtype, ByteOrder.LITTLE_ENDIAN);
    int itemSize = dtype.itemSize();
    byte[] chunk = new byte[(int) Math.min(CHUNK_BYTES, (long) count * itemSize)];
    MemorySegment chunkSegment = MemorySegment.ofArray(chunk);
    for (int done = 0; done < count; ) {
      int n = Math.min(count - done, CHUNK_BYTES / itemSize);
      MemorySegment.copy(elements, done, chunkSegment, layout, 0, n);
      out.write(chunk, 0, n * itemSize);
      done += n;
    }
  }
}
