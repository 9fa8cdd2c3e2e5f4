package dev.ruru.array.io;

import java.nio.ByteOrder;

/**
 * The 8- and 16-bit integer types NumPy writes ({@code np.save} of raw pixels gives {@code '|u1'}), which
 * Ruru reads widened to int32, the narrowest integer array it has: every value of these types fits exactly.
 * {@link #NONE} means the file stores the header's dtype itself.
 */
public enum NarrowInteger {
  NONE("", 0, false),
  UINT8("u1", 1, false),
  INT8("i1", 1, true),
  UINT16("u2", 2, false),
  INT16("i2", 2, true);

  private final String code;
  private final int itemSize;
  private final boolean signed;

  NarrowInteger(String code, int itemSize, boolean signed) {
    this.code = code;
    this.itemSize = itemSize;
    this.signed = signed;
  }

  /** NumPy's type code without the byte order: {@code "u1"}, {@code "i2"}. */
  public String code() {
    return code;
  }

  /** Bytes per element in the file. */
  public int itemSize() {
    return itemSize;
  }

  /** The type with NumPy's code {@code code}, or {@link #NONE} when it is not a narrow integer. */
  static NarrowInteger ofCode(String code) {
    for (NarrowInteger type : values()) {
      if (type != NONE && type.code.equals(code)) {
        return type;
      }
    }
    return NONE;
  }

  /** The elements stored in {@code bytes} (in {@code byteOrder}) as ints. */
  int[] widen(byte[] bytes, ByteOrder byteOrder) {
    int[] values = new int[bytes.length / itemSize];
    boolean big = byteOrder == ByteOrder.BIG_ENDIAN;
    for (int i = 0; i < values.length; i++) {
      int value;
      if (itemSize == 1) {
        value = signed ? bytes[i] : bytes[i] & 0xFF;
      } else {
        int first = bytes[2 * i] & 0xFF;
        int second = bytes[2 * i + 1] & 0xFF;
        int bits = big ? first << 8 | second : second << 8 | first;
        value = signed ? (short) bits : bits;
      }
      values[i] = value;
    }
    return values;
  }
}
