package dev.ruru.onnx.proto;

import java.nio.charset.StandardCharsets;

/**
 * Reads one protocol-buffer message from a range of a byte array: a sequence of fields, each a tag (field
 * number and wire type) and a value (varint, 64-bit, length-delimited or 32-bit). Every length is checked
 * against the bytes that remain before anything is allocated, so a hostile length cannot make the reader
 * allocate more than the input holds. Errors name the source and the byte offset.
 *
 * <pre>{@code
 * ProtoReader message = new ProtoReader(bytes, "model.onnx");
 * while (message.hasMore()) {
 *   switch (message.readTag()) {
 *     case 1 -> irVersion = message.readVarint();
 *     case 7 -> graph = readGraph(message.readMessage());
 *     default -> message.skipField();
 *   }
 * }
 * }</pre>
 */
public final class ProtoReader {
  static final int VARINT = 0;
  static final int FIXED64 = 1;
  static final int LENGTH_DELIMITED = 2;
  static final int FIXED32 = 5;

  private final byte[] bytes;
  private final String source;
  private final int limit;
  private int position;
  private int wireType = -1;

  /** A reader over the whole of {@code bytes}; {@code source} names them in error messages. */
  public ProtoReader(byte[] bytes, String source) {
    this(bytes, source, 0, bytes.length);
  }

  private ProtoReader(byte[] bytes, String source, int start, int limit) {
    this.bytes = bytes;
    this.source = source;
    this.position = start;
    this.limit = limit;
  }

  public boolean hasMore() { return position < limit; }
  public String source() { return source; }
  /** The wire type of the field whose tag was read last. */
  public int wireType() { return wireType; }

  /** The next field's number; its wire type is then {@link #wireType()}. */
  public int readTag() {
    int at = position;
    long tag = readRawVarint();
    int field = (int) (tag >>> 3);
    wireType = (int) (tag & 7);
    if (tag >>> 3 > Integer.MAX_VALUE || field == 0) {
      throw error(at, "invalid field tag " + tag);
    }
    if (wireType != VARINT && wireType != FIXED64 && wireType != LENGTH_DELIMITED && wireType != FIXED32) {
      throw error(at, "unsupported wire type " + wireType + " in field " + field + " (groups are not used by ONNX)");
    }
    return field;
  }

  public long readVarint() {
    expect(VARINT, "an integer");
    return readRawVarint();
  }

  /** An integer field that must fit in an int (enums, data types). */
  public int readInt32() {
    int at = position;
    long value = readVarint();
    if (value != (int) value) {
      throw error(at, "value " + value + " does not fit in 32 bits");
    }
    return (int) value;
  }

  public float readFloat() {
    expect(FIXED32, "a float");
    return Float.intBitsToFloat((int) readLittleEndian(4));
  }

  public double readDouble() {
    expect(FIXED64, "a double");
    return Double.longBitsToDouble(readLittleEndian(8));
  }

  public String readString() {
    int length = readLength("a string");
    String text = new String(bytes, position, length, StandardCharsets.UTF_8);
    position += length;
    return text;
  }

  public byte[] readBytes() {
    int length = readLength("bytes");
    byte[] out = new byte[length];
    System.arraycopy(bytes, position, out, 0, length);
    position += length;
    return out;
  }

  /** The embedded message in this field, as a reader over its bytes; this reader moves past it. */
  public ProtoReader readMessage() {
    int length = readLength("a message");
    ProtoReader inner = new ProtoReader(bytes, source, position, position + length);
    position += length;
    return inner;
  }

  /** Skips the value of the field whose tag was just read. */
  public void skipField() {
    switch (wireType) {
      case VARINT -> readRawVarint();
      case FIXED64 -> skip(8);
      case FIXED32 -> skip(4);
      default -> {
        int length = readLength("a field"); // read first: `position += readLength()` would add to the old position
        position += length;
      }
    }
  }

  /**
   * Appends the integers of a repeated varint field to {@code into}: one value, or a packed run of them
   * (both encodings are legal for repeated scalars).
   */
  public void readVarints(RepeatedScalars into) {
    if (wireType == VARINT) {
      into.add(readRawVarint());
      return;
    }
    ProtoReader packed = readMessage();
    while (packed.hasMore()) {
      into.add(packed.readRawVarint());
    }
  }

  /** Appends the bits of a repeated float field's values (one value, or a packed run) to {@code into}. */
  public void readFloats(RepeatedScalars into) {
    if (wireType == FIXED32) {
      into.add(Float.floatToRawIntBits(readFloat()));
      return;
    }
    ProtoReader packed = readMessage();
    if ((packed.limit - packed.position) % 4 != 0) {
      throw error(position, "packed floats of " + (packed.limit - packed.position) + " bytes, not a multiple of 4");
    }
    while (packed.hasMore()) {
      into.add(packed.readLittleEndian(4));
    }
  }

  /** Appends the bits of a repeated double field's values (one value, or a packed run) to {@code into}. */
  public void readDoubles(RepeatedScalars into) {
    if (wireType == FIXED64) {
      into.add(Double.doubleToRawLongBits(readDouble()));
      return;
    }
    ProtoReader packed = readMessage();
    if ((packed.limit - packed.position) % 8 != 0) {
      throw error(position, "packed doubles of " + (packed.limit - packed.position) + " bytes, not a multiple of 8");
    }
    while (packed.hasMore()) {
      into.add(packed.readLittleEndian(8));
    }
  }

  /** An error at the current position: "{@code source}: byte N: what". */
  public OnnxFormatException error(String what) {
    return error(position, what);
  }

  private OnnxFormatException error(int at, String what) {
    return new OnnxFormatException(source + ": byte " + at + ": " + what + "; the file is not a valid ONNX model"
        + " (truncated or corrupt?)");
  }

  private void expect(int type, String what) {
    if (wireType != type) {
      throw error("expected " + what + " (wire type " + type + "), found wire type " + wireType);
    }
  }

  private int readLength(String what) {
    expect(LENGTH_DELIMITED, what);
    int at = position;
    long length = readRawVarint();
    if (length < 0 || length > limit - position) {
      throw error(at, what + " of " + length + " bytes, but only " + (limit - position) + " remain");
    }
    return (int) length;
  }

  private long readRawVarint() {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (position >= limit) {
        throw error("truncated integer");
      }
      byte b = bytes[position++];
      value |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return value;
      }
    }
    throw error("integer longer than 10 bytes");
  }

  private long readLittleEndian(int width) {
    if (limit - position < width) {
      throw error("truncated " + (8 * width) + "-bit value");
    }
    long value = 0;
    for (int i = 0; i < width; i++) {
      value |= (bytes[position + i] & 0xFFL) << (8 * i);
    }
    position += width;
    return value;
  }

  private void skip(int count) {
    if (limit - position < count) {
      throw error("truncated " + (8 * count) + "-bit value");
    }
    position += count;
  }
}
