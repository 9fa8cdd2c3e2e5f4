package dev.ruru.array.io;

import dev.ruru.array.NDArray;
import dev.ruru.array.Order;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * NumPy's {@code .npy} format: one array per file, read and written so that {@code np.load} and
 * {@code np.save} agree with Ruru both ways.
 *
 * <p>Reads accept float32, float64, int32, int64 ({@code '<f4' '<f8' '<i4' '<i8'} and their big-endian
 * {@code '>'} forms, swapped on read), bool ({@code '|b1'}) and the 8- and 16-bit integers
 * ({@code '|u1'} of raw pixels, {@code '|i1' '<u2' '<i2'}), read as int32, in C or Fortran order, format versions 1.0,
 * 2.0 and 3.0. A Fortran-order file gives an array with Fortran strides ({@code isContiguous(Order.F)}),
 * not a transposed copy. Writes produce exactly the bytes {@code np.save} writes for the same array:
 * little-endian, version 1.0 (2.0 if the header needs it), {@code fortran_order: True} for an array that is
 * Fortran- but not C-contiguous, C order otherwise.
 *
 * <pre>{@code
 * Npy.write(Path.of("weights.npy"), weights);          // np.load("weights.npy") in Python
 * NDArray x = Npy.read(Path.of("features.npy"));      // from np.save("features.npy", x)
 * }</pre>
 */
public final class Npy {
  private Npy() {}

  /**
   * The array in {@code file}. The file must hold exactly the data its header promises.
   *
   * @throws NpyFormatException if the file is not a readable {@code .npy} file; the message says why
   */
  public static NDArray read(Path file) throws IOException {
    String source = file.toString();
    try (FileChannel channel = open(file)) {
      long fileSize = channel.size();
      NpyHeader header = NpyHeader.read(Channels.newInputStream(channel), fileSize, source);
      long dataStart = channel.position();
      long extra = fileSize - dataStart - header.dataBytes();
      if (extra != 0) {
        throw new NpyFormatException(source, extra + " bytes follow the " + header.dataBytes() + " bytes of data that the header"
            + " promises (shape " + header.shape() + " of '" + header.descr() + "'); a .npy file holds exactly one array");
      }
      Object elements;
      // Mapping copies straight from the page cache into the Java array; the arena unmaps it at once.
      try (Arena arena = Arena.ofConfined()) {
        MemorySegment data = channel.map(FileChannel.MapMode.READ_ONLY, dataStart, header.dataBytes(), arena);
        elements = ElementBytes.read(data, 0, header);
      }
      return toArray(header, elements);
    }
  }

  /**
   * Rows {@code [from, to)} of {@code file} along its first dimension, as {@code [to - from, ...]}: the
   * header, then only those rows' bytes, mapped from their offset (what lets each Spark executor read its
   * own shard). The header's data size is checked against the file's size before anything is allocated.
   *
   * @throws NpyFormatException if the file is not a readable {@code .npy} file of C-ordered rows
   * @throws IllegalArgumentException if the rows are not within the file's
   */
  public static NDArray readRows(Path file, int from, int to) throws IOException {
    String source = file.toString();
    try (FileChannel channel = open(file)) {
      NpyHeader header = NpyHeader.read(Channels.newInputStream(channel), channel.size(), source);
      NpyHeader rows = rowsOf(header, from, to, source);
      long rowBytes = header.dataBytes() / Math.max(1, header.shape().dim(0));
      try (Arena arena = Arena.ofConfined()) {
        MemorySegment data = channel.map(FileChannel.MapMode.READ_ONLY, channel.position() + rowBytes * from, rows.dataBytes(), arena);
        return toArray(rows, ElementBytes.read(data, 0, rows));
      }
    }
  }

  /**
   * As {@link #readRows(Path, int, int)} from {@code in}, which holds at most {@code available} bytes: the
   * rows before {@code from} are skipped ({@link InputStream#skipNBytes}, a seek on a file), those after
   * {@code to} are not read.
   */
  public static NDArray readRows(InputStream in, long available, String source, int from, int to) throws IOException {
    NpyHeader header = NpyHeader.read(in, available, source);
    NpyHeader rows = rowsOf(header, from, to, source);
    in.skipNBytes(header.dataBytes() / Math.max(1, header.shape().dim(0)) * from);
    return toArray(rows, ElementBytes.read(in, rows, rows.shape().size(), source));
  }

  /** The header of rows {@code [from, to)} of the array {@code header} describes; only C-ordered arrays of rank 1 or more have rows. */
  private static NpyHeader rowsOf(NpyHeader header, int from, int to, String source) {
    int[] dims = header.shape().dims();
    if (dims.length == 0) {
      throw new NpyFormatException(source, "holds a scalar, which has no rows to read");
    }
    if (header.order() == Order.F && dims.length > 1) {
      throw new NpyFormatException(source, "is in Fortran order, so a row's elements are not together in the file; save it in C order"
          + " (np.save(path, np.ascontiguousarray(x))) to read it by rows");
    }
    if (from < 0 || to < from || to > dims[0]) {
      throw new IllegalArgumentException("Npy.readRows: expected 0 <= from <= to <= " + dims[0] + " (the rows of " + source + ", shape "
          + header.shape() + "), got [" + from + ", " + to + ")");
    }
    dims[0] = to - from;
    return new NpyHeader(header.dtype(), header.byteOrder(), header.order(), dev.ruru.array.Shape.of(dims), header.stored());
  }

  /** What {@code file} holds (dtype, byte order, memory order, shape), read from its header alone. */
  public static NpyHeader readHeader(Path file) throws IOException {
    try (FileChannel channel = open(file)) {
      return NpyHeader.read(Channels.newInputStream(channel), channel.size(), file.toString());
    }
  }

  /**
   * {@code file} opened for reading. The JDK names only the path when there is no such file, and nothing
   * at all ("Is a directory") when it is a directory; these messages say what is wrong.
   */
  static FileChannel open(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      throw new NpyFormatException(file.toString(), "is a directory, not a file");
    }
    try {
      return FileChannel.open(file, StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(file.toString(), null, "no such file");
    }
  }

  /** {@link #read(InputStream, long, String)} naming the source "stream" in errors. */
  public static NDArray read(InputStream in, long limit) throws IOException {
    return read(in, limit, "stream");
  }

  /**
   * The array at the current position of {@code in}, leaving the stream just after its data (so several
   * arrays written one after another can be read in turn, as with NumPy).
   *
   * @param limit the most bytes {@code in} can hold from here (a file's size, an archive entry's size): the
   *     header's claimed data size is checked against it before anything is allocated
   * @param source the name errors give the stream, e.g. its file
   */
  public static NDArray read(InputStream in, long limit, String source) throws IOException {
    NpyHeader header = NpyHeader.read(in, limit, source);
    int size = header.shape().size();
    return toArray(header, ElementBytes.read(in, header, size, source));
  }

  /**
   * As {@link #read(InputStream, long, String)} for a decompressing stream, whose {@code claimedSize} is only
   * what an archive says: storage grows as data arrives, so a false claim cannot force a large allocation.
   */
  static NDArray readInflating(InputStream in, long claimedSize, String source) throws IOException {
    NpyHeader header = NpyHeader.read(in, claimedSize, source);
    int initial = ElementBytes.CHUNK_BYTES / header.dtype().itemSize();
    return toArray(header, ElementBytes.read(in, header, initial, source));
  }

  /**
   * Writes {@code array} to {@code file} atomically: into a temporary file beside it, then renamed over it.
   * On failure no partial file is left. Inputs are not modified.
   */
  public static void write(Path file, NDArray array) throws IOException {
    Objects.requireNonNull(array, "array");
    AtomicFile.write(file, out -> write(out, array));
  }

  /** Writes {@code array} in {@code .npy} format to {@code out}, which is left open. */
  public static void write(OutputStream out, NDArray array) throws IOException {
    NpyHeader header = headerFor(array);
    out.write(header.encode());
    ElementBytes.write(elementsInFileOrder(array, header.order()), array.dtype(), array.size(), out);
  }

  /** The header NumPy would write for {@code array}: Fortran order only when it is F- but not C-contiguous. */
  static NpyHeader headerFor(NDArray array) {
    // A 1-D (or size-0) array is contiguous both ways; NumPy checks C first and writes C, as here.
    Order order = !array.isContiguous(Order.C) && array.isContiguous(Order.F) ? Order.F : Order.C;
    return new NpyHeader(array.dtype(), ByteOrder.LITTLE_ENDIAN, order, array.shape());
  }

  /** The elements in the file's order, as a flat Java array (bool as 0/1 bytes). */
  static Object elementsInFileOrder(NDArray array, Order order) {
    // F order of an array is C order of its transpose, and toXArray() copies in C order.
    NDArray view = order == Order.F ? array.transpose() : array;
    return switch (array.dtype()) {
      case FLOAT32 -> view.toFloatArray();
      case FLOAT64 -> view.toDoubleArray();
      case INT32 -> view.toIntArray();
      case INT64 -> view.toLongArray();
      case BOOL -> boolBytes(view.toIntArray());
    };
  }

  /** The array a header and its elements describe; Fortran data becomes the transpose of a C array, a view. */
  static NDArray toArray(NpyHeader header, Object elements) {
    int[] dims = header.shape().dims();
    boolean fortran = header.order() == Order.F && dims.length > 1;
    // NDArray.wrap reads an empty shape as 1-D, so a rank-0 array is made as [1] and reshaped to [].
    int[] stored = dims.length == 0 ? new int[] {1} : fortran ? reversed(dims) : dims;
    NDArray array = switch (elements) {
      case float[] values -> NDArray.wrap(values, stored);
      case double[] values -> NDArray.wrap(values, stored);
      case int[] values -> NDArray.wrap(values, stored);
      case long[] values -> NDArray.wrap(values, stored);
      case byte[] values -> boolArray(values, stored);
      default -> throw new IllegalStateException("no array type for " + elements.getClass());
    };
    if (dims.length == 0) {
      return array.reshape();
    }
    return fortran ? array.transpose() : array;
  }

  private static byte[] boolBytes(int[] values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) (values[i] != 0 ? 1 : 0);
    }
    return bytes;
  }

  /** NumPy stores True as any non-zero byte (normally 1); the comparison normalises to Ruru's 0/1 masks. */
  private static NDArray boolArray(byte[] bytes, int[] shape) {
    int[] values = new int[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      values[i] = bytes[i] & 0xFF;
    }
    return NDArray.of(values, shape).gt(0);
  }

  private static int[] reversed(int[] dims) {
    int[] out = new int[dims.length];
    for (int i = 0; i < dims.length; i++) {
      out[i] = dims[dims.length - 1 - i];
    }
    return out;
  }
}
