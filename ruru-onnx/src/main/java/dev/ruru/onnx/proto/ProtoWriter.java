package dev.ruru.onnx.proto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Writes one protocol-buffer message: fields as tag and value. An embedded message is written to its own
 * writer first, because its length precedes it on the wire.
 */
public final class ProtoWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  public ProtoWriter varint(int field, long value) {
    tag(field, ProtoReader.VARINT);
    raw(value);
    return this;
  }

  public ProtoWriter floatValue(int field, float value) {
    tag(field, ProtoReader.FIXED32);
    int bits = Float.floatToRawIntBits(value);
    for (int i = 0; i < 4; i++) {
      out.write(bits >>> (8 * i));
    }
    return this;
  }

  public ProtoWriter string(int field, String value) {
    return bytes(field, value.getBytes(StandardCharsets.UTF_8));
  }

  public ProtoWriter bytes(int field, byte[] value) {
    tag(field, ProtoReader.LENGTH_DELIMITED);
    raw(value.length);
    out.writeBytes(value);
    return this;
  }

  /** An embedded message, written by {@code body}. */
  public ProtoWriter message(int field, Consumer<ProtoWriter> body) {
    ProtoWriter inner = new ProtoWriter();
    body.accept(inner);
    return bytes(field, inner.toByteArray());
  }

  /** A packed repeated varint field (nothing when {@code values} is empty). */
  public ProtoWriter packedVarints(int field, long[] values) {
    if (values.length == 0) {
      return this;
    }
    ProtoWriter packed = new ProtoWriter();
    for (long value : values) {
      packed.raw(value);
    }
    return bytes(field, packed.toByteArray());
  }

  public byte[] toByteArray() {
    return out.toByteArray();
  }

  private void tag(int field, int wireType) {
    raw(((long) field << 3) | wireType);
  }

  private void raw(long value) {
    while ((value & ~0x7FL) != 0) {
      out.write((int) (value & 0x7F) | 0x80);
      value >>>= 7;
    }
    out.write((int) value);
  }
}
