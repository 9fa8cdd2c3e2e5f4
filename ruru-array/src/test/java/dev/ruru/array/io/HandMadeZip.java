package dev.ruru.array.io;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Zip archives written byte by byte (APPNOTE 4.3), so that a test can make what no zip writer makes: several
 * central directory records pointing at one local entry, the layout of a zip bomb.
 */
final class HandMadeZip {
  /** One local entry: its header, name and deflated data, and where it starts. */
  private record Local(String name, long offset, long crc, int compressedSize, int size) {}

  /** A central directory record: the name it gives and the local entry it points at. */
  private record Central(String name, Local local) {}

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final List<Local> locals = new ArrayList<>();
  private final List<Central> centrals = new ArrayList<>();
  private byte[] prefix = new byte[0];
  private boolean zip64;

  /** Puts {@code stub} before the archive, as a self-extracting archive does; offsets stay relative to the archive. */
  HandMadeZip prefix(byte[] stub) {
    prefix = stub.clone();
    return this;
  }

  /** Writes sizes and offsets in ZIP64 extra fields and ZIP64 end records, as for an archive above 4 GiB. */
  HandMadeZip zip64() {
    zip64 = true;
    return this;
  }

  /** Adds {@code content} deflated under {@code name}, listed once in the central directory. */
  HandMadeZip deflated(String name, byte[] content) {
    return deflated(name, content, 0);
  }

  /** As {@link #deflated(String, byte[])}, without the last {@code cut} bytes of the compressed data. */
  HandMadeZip deflated(String name, byte[] content, int cut) {
    Local local = local(name, content, cut);
    centrals.add(new Central(name, local));
    return this;
  }

  /** Lists the entry added {@code index}-th once more, under another name, sharing its data. */
  HandMadeZip alias(String name, int index) {
    centrals.add(new Central(name, locals.get(index)));
    return this;
  }

  private Local local(String name, byte[] content, int cut) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    deflater.setInput(content);
    deflater.finish();
    byte[] buffer = new byte[content.length + 1024];
    int compressed = deflater.deflate(buffer) - cut;
    deflater.end();
    CRC32 crc = new CRC32();
    crc.update(content);
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    Local local = new Local(name, bytes.size(), crc.getValue(), compressed, content.length);
    ByteBuffer header = little(30).putInt(0x04034b50).putShort((short) 20).putShort((short) 0).putShort((short) 8)
        .putInt(0).putInt((int) local.crc()).putInt(compressed).putInt(content.length).putShort((short) nameBytes.length).putShort((short) 0);
    bytes.writeBytes(header.array());
    bytes.writeBytes(nameBytes);
    bytes.write(buffer, 0, compressed);
    locals.add(local);
    return local;
  }

  byte[] toByteArray() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(bytes.toByteArray());
    int directoryStart = out.size();
    for (Central central : centrals) {
      out.writeBytes(centralRecord(central));
    }
    int directoryBytes = out.size() - directoryStart;
    if (zip64) {
      int end64 = out.size();
      out.writeBytes(little(56).putInt(0x06064b50).putLong(44).putShort((short) 45).putShort((short) 45).putInt(0).putInt(0)
          .putLong(centrals.size()).putLong(centrals.size()).putLong(directoryBytes).putLong(directoryStart).array());
      // The locator holds a position in the file, prefix included, as ZipFile reads it.
      out.writeBytes(little(20).putInt(0x07064b50).putInt(0).putLong(prefix.length + end64).putInt(1).array());
    }
    int entries = zip64 ? 0xFFFF : centrals.size();
    out.writeBytes(little(22).putInt(0x06054b50).putShort((short) 0).putShort((short) 0).putShort((short) entries)
        .putShort((short) entries).putInt(zip64 ? -1 : directoryBytes).putInt(zip64 ? -1 : directoryStart).putShort((short) 0).array());
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes(prefix);
    file.writeBytes(out.toByteArray());
    return file.toByteArray();
  }

  private byte[] centralRecord(Central central) {
    Local local = central.local();
    byte[] name = central.name().getBytes(StandardCharsets.UTF_8);
    int extraBytes = zip64 ? 4 + 24 : 0;
    ByteBuffer record = little(46 + name.length + extraBytes).putInt(0x02014b50).putShort((short) 45).putShort((short) 45)
        .putShort((short) 0).putShort((short) 8).putInt(0).putInt((int) local.crc())
        .putInt(zip64 ? -1 : local.compressedSize()).putInt(zip64 ? -1 : local.size())
        .putShort((short) name.length).putShort((short) extraBytes).putShort((short) 0).putShort((short) 0).putShort((short) 0)
        .putInt(0).putInt(zip64 ? -1 : (int) local.offset()).put(name);
    if (zip64) {
      record.putShort((short) 1).putShort((short) 24).putLong(local.size()).putLong(local.compressedSize()).putLong(local.offset());
    }
    return record.array();
  }

  private static ByteBuffer little(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }
}
