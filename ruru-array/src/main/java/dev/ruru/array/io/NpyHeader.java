package dev.ruru.array.io;

import dev.ruru.array.DType;
import dev.ruru.array.Order;
import dev.ruru.array.Shape;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a {@code .npy} header says about the array that follows it: element type and byte order, memory order
 * and shape. The file is {@code \x93NUMPY}, two version bytes, the header length (2 bytes in version 1.0,
 * 4 in 2.0 and 3.0, little-endian), then the header, a Python dict literal padded with spaces and a newline so
 * that the data starts at a multiple of 64 bytes, then {@code size × itemSize} bytes of elements.
 *
 * @param dtype the element type
 * @param byteOrder how multi-byte elements are stored (NumPy's {@code '<'} or {@code '>'}; bool has none)
 * @param order {@link Order#F} when the file says {@code fortran_order: True}: the first index varies fastest
 * @param shape the extents; {@code Shape.of()} for a rank-0 array
 * @param stored the 8- or 16-bit integer type the file holds, read widened to {@code dtype} int32;
 *     {@link NarrowInteger#NONE} when the file holds {@code dtype} itself
 */
public record NpyHeader(DType dtype, ByteOrder byteOrder, Order order, Shape shape, NarrowInteger stored) {
  /** Longest header read, in bytes: NumPy refuses longer ones too, and a shape and dtype need far fewer. */
  public static final int MAX_HEADER_BYTES = 10_000;

  /** Where the data starts is a multiple of this, so the file can be memory-mapped. */
  private static final int ALIGNMENT = 64;
  /** NumPy leaves room for the growing axis to reach 21 digits, so the header can be rewritten in place. */
  private static final int GROWTH_AXIS_MAX_DIGITS = 21;
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Set<String> KEYS = Set.of("descr", "fortran_order", "shape");
  private static final String SUPPORTED = "'<f4' (float32), '<f8' (float64), '<i4' (int32), '<i8' (int64), '|b1' (bool),"
      + " '|u1', '|i1', '<u2', '<i2' (read as int32), and the big-endian '>f4', '>f8', '>i4', '>i8', '>u2', '>i2'";

  /** A header of a file that stores {@code dtype} itself. */
  public NpyHeader(DType dtype, ByteOrder byteOrder, Order order, Shape shape) {
    this(dtype, byteOrder, order, shape, NarrowInteger.NONE);
  }

  public NpyHeader {
    Objects.requireNonNull(dtype, "dtype");
    Objects.requireNonNull(byteOrder, "byteOrder");
    Objects.requireNonNull(order, "order");
    Objects.requireNonNull(shape, "shape");
    Objects.requireNonNull(stored, "stored");
    if (stored != NarrowInteger.NONE && dtype != DType.INT32) {
      throw new IllegalArgumentException("NpyHeader: " + stored + " is read as int32, not " + dtype);
    }
  }

  /** Bytes of element data after the header: size × the stored item size. */
  public long dataBytes() {
    return (long) shape.size() * (stored == NarrowInteger.NONE ? dtype.itemSize() : stored.itemSize());
  }

  /** NumPy's dtype descriptor: {@code '<f4'}, {@code '>i8'}, {@code '|b1'}. */
  public String descr() {
    if (stored != NarrowInteger.NONE) {
      return (stored.itemSize() == 1 ? "|" : byteOrder == ByteOrder.BIG_ENDIAN ? ">" : "<") + stored.code();
    }
    String code = switch (dtype) {
      case FLOAT32 -> "f4";
      case FLOAT64 -> "f8";
      case INT32 -> "i4";
      case INT64 -> "i8";
      case BOOL -> "b1";
    };
    if (dtype == DType.BOOL) {
      return "|" + code;
    }
    return (byteOrder == ByteOrder.BIG_ENDIAN ? ">" : "<") + code;
  }

  /** The header dict exactly as {@code np.save} writes it, before padding. */
  String dictText() {
    int[] dims = shape.dims();
    StringBuilder text = new StringBuilder("{'descr': '").append(descr()).append("', 'fortran_order': ")
        .append(order == Order.F ? "True" : "False").append(", 'shape': (");
    for (int i = 0; i < dims.length; i++) {
      text.append(i == 0 ? "" : ", ").append(dims[i]);
    }
    text.append(dims.length == 1 ? ",), }" : "), }");
    if (dims.length > 0) {
      int growthAxis = order == Order.F ? dims.length - 1 : 0;
      text.append(" ".repeat(GROWTH_AXIS_MAX_DIGITS - Integer.toString(dims[growthAxis]).length()));
    }
    return text.toString();
  }

  /**
   * Magic, version, length and padded header: the bytes before the data, as NumPy's {@code _wrap_header}
   * makes them. Version 1.0 unless the header needs more than its 2-byte length field, then 2.0.
   */
  byte[] encode() {
    byte[] dict = dictText().getBytes(StandardCharsets.ISO_8859_1);
    int headerLength = dict.length + 1;
    boolean version1 = paddedLength(headerLength, 2) <= 0xFFFF;
    int lengthBytes = version1 ? 2 : 4;
    int padded = paddedLength(headerLength, lengthBytes);
    ByteBuffer out = ByteBuffer.allocate(MAGIC.length + 2 + lengthBytes + padded).order(ByteOrder.LITTLE_ENDIAN);
    out.put(MAGIC).put((byte) (version1 ? 1 : 2)).put((byte) 0);
    if (version1) {
      out.putShort((short) padded);
    } else {
      out.putInt(padded);
    }
    out.put(dict);
    while (out.remaining() > 1) {
      out.put((byte) ' ');
    }
    return out.put((byte) '\n').array();
  }

  /** The header length after padding; NumPy pads a whole 64 bytes when the header is already aligned. */
  private static int paddedLength(int headerLength, int lengthBytes) {
    int prefix = MAGIC.length + 2 + lengthBytes;
    return headerLength + ALIGNMENT - (prefix + headerLength) % ALIGNMENT;
  }

  /**
   * Reads magic, version and header from {@code in}, leaving it at the first data byte, and checks that the
   * data the header promises fits in what is left of {@code available}, the number of bytes the source holds.
   */
  static NpyHeader read(InputStream in, long available, String source) throws IOException {
    int major = readVersion(in, source);
    int lengthBytes = major == 1 ? 2 : 4;
    long headerLength = readHeaderLength(in, lengthBytes, source);
    long consumed = MAGIC.length + 2 + lengthBytes;
    byte[] header = in.readNBytes((int) Math.min(headerLength, Math.max(available - consumed, 0)));
    if (header.length < headerLength) {
      throw new NpyFormatException(source, "truncated: the header claims " + headerLength + " bytes but only " + header.length + " follow");
    }
    NpyHeader parsed = fromDict(HeaderParser.parseDict(decode(header, major, source), major, source), source);
    long left = available - consumed - headerLength;
    if (parsed.dataBytes() > left) {
      throw new NpyFormatException(source, "truncated: the header promises shape " + parsed.shape() + " of '" + parsed.descr()
          + "', " + parsed.dataBytes() + " bytes of data, but only " + left + " bytes follow the header");
    }
    return parsed;
  }

  /** Checks the magic string and returns the major version, 1, 2 or 3. */
  private static int readVersion(InputStream in, String source) throws IOException {
    byte[] prefix = in.readNBytes(MAGIC.length + 2);
    if (prefix.length < MAGIC.length || !Arrays.equals(prefix, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw new NpyFormatException(source, "not a .npy file: expected the magic string \\x93NUMPY, found "
          + (prefix.length == 0 ? "an empty file" : "bytes " + HexFormat.ofDelimiter(" ").formatHex(prefix)));
    }
    if (prefix.length < MAGIC.length + 2) {
      throw new NpyFormatException(source, "truncated: the file ends inside the format version");
    }
    int major = prefix[6] & 0xFF;
    int minor = prefix[7] & 0xFF;
    if (major < 1 || major > 3 || minor != 0) {
      throw new NpyFormatException(source, "unsupported format version " + major + "." + minor + "; readable versions are 1.0, 2.0 and 3.0");
    }
    return major;
  }

  /** The little-endian header length, refused above {@link #MAX_HEADER_BYTES} before anything is read. */
  private static long readHeaderLength(InputStream in, int lengthBytes, String source) throws IOException {
    byte[] field = in.readNBytes(lengthBytes);
    if (field.length < lengthBytes) {
      throw new NpyFormatException(source, "truncated: the file ends inside the header length");
    }
    ByteBuffer buffer = ByteBuffer.wrap(field).order(ByteOrder.LITTLE_ENDIAN);
    long headerLength = lengthBytes == 2 ? buffer.getShort() & 0xFFFFL : buffer.getInt() & 0xFFFFFFFFL;
    if (headerLength > MAX_HEADER_BYTES) {
      throw new NpyFormatException(source, "the header claims to be " + headerLength + " bytes, more than the "
          + MAX_HEADER_BYTES + " allowed (a dtype and shape need far fewer; NumPy refuses such headers too)");
    }
    return headerLength;
  }

  /** Versions 1.0 and 2.0 store the header as Latin-1, version 3.0 as UTF-8. */
  private static String decode(byte[] header, int major, String source) {
    if (major < 3) {
      return new String(header, StandardCharsets.ISO_8859_1);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(header)).toString();
    } catch (CharacterCodingException e) {
      throw new NpyFormatException(source, "malformed header: a version 3.0 header must be UTF-8 text (" + e.getMessage() + ")");
    }
  }

  /** Checks the dict NumPy wrote: exactly the keys descr, fortran_order and shape, with values of their types. */
  static NpyHeader fromDict(Map<String, Object> dict, String source) {
    if (!dict.keySet().equals(KEYS)) {
      throw new NpyFormatException(source, "malformed header: expected the keys [descr, fortran_order, shape], found " + new TreeSet<>(dict.keySet()));
    }
    if (!(dict.get("fortran_order") instanceof Boolean fortran)) {
      throw new NpyFormatException(source, "malformed header: fortran_order must be True or False, found "
          + HeaderParser.repr(dict.get("fortran_order")));
    }
    Order order = fortran ? Order.F : Order.C;
    NarrowInteger narrow = narrowOf(dict.get("descr"));
    if (narrow != NarrowInteger.NONE) {
      boolean big = ((String) dict.get("descr")).charAt(0) == '>';
      return new NpyHeader(DType.INT32, big ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN, order, shapeOf(dict.get("shape"), source), narrow);
    }
    DType dtype = dtypeOf(dict.get("descr"), source);
    ByteOrder byteOrder = dtype != DType.BOOL && ((String) dict.get("descr")).charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    return new NpyHeader(dtype, byteOrder, order, shapeOf(dict.get("shape"), source));
  }

  /** The narrow integer type {@code descr} names ({@code '|u1'}, {@code '<i2'}, ...), or NONE. */
  private static NarrowInteger narrowOf(Object descr) {
    if (!(descr instanceof String text) || text.length() != 3) {
      return NarrowInteger.NONE;
    }
    NarrowInteger type = NarrowInteger.ofCode(text.substring(1));
    char byteOrder = text.charAt(0);
    boolean orderFits = type.itemSize() == 1 ? byteOrder == '|' || byteOrder == '<' || byteOrder == '>' : byteOrder == '<' || byteOrder == '>';
    return orderFits ? type : NarrowInteger.NONE;
  }

  private static DType dtypeOf(Object descr, String source) {
    if (!(descr instanceof String text)) {
      throw new NpyFormatException(source, "unsupported dtype " + HeaderParser.repr(descr) + ": structured (record) dtypes are not supported; supported: " + SUPPORTED);
    }
    if (text.length() >= 2 && text.charAt(1) == 'O') {
      throw new NpyFormatException(source, "unsupported dtype '" + text + "': object arrays hold pickled Python objects, which Ruru"
          + " does not read (save numeric arrays instead); supported: " + SUPPORTED);
    }
    char byteOrder = text.isEmpty() ? '?' : text.charAt(0);
    String code = text.length() == 3 ? text.substring(1) : "";
    if (code.equals("b1") && (byteOrder == '|' || byteOrder == '<' || byteOrder == '>')) {
      return DType.BOOL;
    }
    DType numeric = switch (code) {
      case "f4" -> DType.FLOAT32;
      case "f8" -> DType.FLOAT64;
      case "i4" -> DType.INT32;
      case "i8" -> DType.INT64;
      default -> null;
    };
    if (numeric != null && (byteOrder == '<' || byteOrder == '>')) {
      return numeric;
    }
    throw new NpyFormatException(source, "unsupported dtype '" + text + "'; supported: " + SUPPORTED);
  }

  /** A tuple of non-negative ints whose product fits one Java array. */
  private static Shape shapeOf(Object value, String source) {
    if (!(value instanceof HeaderParser.PyTuple(List<Object> items)) || !items.stream().allMatch(Long.class::isInstance)) {
      throw new NpyFormatException(source, "malformed header: shape must be a tuple of integers, found " + HeaderParser.repr(value));
    }
    int[] dims = new int[items.size()];
    long size = 1;
    for (int i = 0; i < dims.length; i++) {
      long dim = (Long) items.get(i);
      if (dim < 0 || dim > Integer.MAX_VALUE) {
        throw new NpyFormatException(source, "invalid shape " + items + ": entry " + i + " is " + dim
            + (dim < 0 ? ", negative" : ", beyond an int"));
      }
      dims[i] = (int) dim;
      // Capped so the product cannot overflow a long; a later zero extent still makes it 0.
      size = Math.min(size * dim, Long.MAX_VALUE / Integer.MAX_VALUE);
    }
    if (size > Integer.MAX_VALUE - 8) {
      throw new NpyFormatException(source, "shape " + Arrays.toString(dims) + " has more than 2^31 - 9 elements, the most one array can hold");
    }
    return Shape.of(dims);
  }
}
