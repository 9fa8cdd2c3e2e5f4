package dev.ruru.array.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where each entry of a zip archive lies in the file, read from the central directory the way
 * {@link java.util.zip.ZipFile} reads it (APPNOTE 4.3), so that {@link Npz} can refuse entries that share
 * their bytes. {@code ZipFile} itself does not check: an archive whose 200 directory records all point at
 * one deflated 32 MiB array inflates to 6.4 GB from 43 KB. Python's zipfile refuses such "overlapped
 * entries" since 3.12 (CVE-2024-0450); np.savez never writes them.
 */
final class ZipLayout {
  /** Bytes {@code [start, end)} of one entry: its local header, name, extra field and compressed data. */
  record Region(String name, long start, long end) {
    @Override
    public String toString() {
      return "'" + name + "' (bytes " + start + ".." + end + ")";
    }
  }

  private static final int END_SIGNATURE = 0x06054b50;
  private static final int END_BYTES = 22;
  private static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
  private static final int ZIP64_LOCATOR_BYTES = 20;
  private static final int ZIP64_END_SIGNATURE = 0x06064b50;
  private static final int ZIP64_END_BYTES = 56;
  private static final int CENTRAL_SIGNATURE = 0x02014b50;
  private static final int CENTRAL_BYTES = 46;
  private static final int LOCAL_SIGNATURE = 0x04034b50;
  private static final int LOCAL_BYTES = 30;
  private static final long ZIP64_MAGIC = 0xFFFFFFFFL;

  private final FileChannel channel;
  private final String source;

  private ZipLayout(FileChannel channel, String source) {
    this.channel = channel;
    this.source = source;
  }

  /**
   * The regions of every entry, in central-directory order, after checking that no two overlap.
   *
   * @throws NpyFormatException if the directory cannot be read or two entries share bytes
   */
  static List<Region> checkedRegions(FileChannel channel, String source) throws IOException {
    List<Region> regions = new ZipLayout(channel, source).regions();
    List<Region> sorted = new ArrayList<>(regions);
    sorted.sort(Comparator.comparingLong(Region::start));
    for (int i = 1; i < sorted.size(); i++) {
      Region previous = sorted.get(i - 1);
      Region next = sorted.get(i);
      if (next.start() < previous.end()) {
        throw new NpyFormatException(source + "!" + next.name(), "the entries " + previous + " and " + next + " overlap: they share"
            + " compressed data, so a small archive can inflate to far more than its size (a zip bomb); np.savez never writes this");
      }
    }
    return regions;
  }

  /** Where the central directory lies: {@code bytes} bytes ending at {@code end}, and how many records it holds. */
  private record Directory(long entries, long bytes, long offset, long end) {}

  private List<Region> regions() throws IOException {
    long size = channel.size();
    Directory directory = directory(findEnd(size));
    // Bytes before the archive proper (a self-extracting stub) shift every offset, as ZipFile allows.
    long shift = directory.end() - directory.bytes() - directory.offset();
    if (shift < 0 || directory.bytes() < 0 || directory.offset() < 0 || directory.entries() < 0
        || directory.entries() > directory.bytes() / CENTRAL_BYTES) {
      throw corrupt("the end record gives a central directory of " + directory.bytes() + " bytes at offset " + directory.offset()
          + " with " + directory.entries() + " entries, which does not fit the " + size + "-byte file");
    }
    List<Region> regions = new ArrayList<>();
    long position = directory.end() - directory.bytes();
    for (long i = 0; i < directory.entries(); i++) {
      ByteBuffer central = read(position, CENTRAL_BYTES);
      if (central.getInt(0) != CENTRAL_SIGNATURE) {
        throw corrupt("central directory record " + i + " at byte " + position + " has no signature");
      }
      int nameBytes = central.getShort(28) & 0xFFFF;
      int extraBytes = central.getShort(30) & 0xFFFF;
      int commentBytes = central.getShort(32) & 0xFFFF;
      String name = new String(read(position + CENTRAL_BYTES, nameBytes).array(), StandardCharsets.UTF_8);
      long[] sizes = zip64Sizes(central, read(position + CENTRAL_BYTES + nameBytes, extraBytes), name);
      regions.add(region(name, shift + sizes[2], sizes[1], size));
      position += CENTRAL_BYTES + nameBytes + extraBytes + commentBytes;
    }
    return regions;
  }

  /**
   * The directory the end record at {@code end} describes, or the ZIP64 end record's values when a locator
   * points at one that agrees with it (each 32-bit field equal, or 0xFFFF... to say "see ZIP64"), as ZipFile reads it.
   */
  private Directory directory(long end) throws IOException {
    ByteBuffer record = read(end, END_BYTES);
    Directory plain = new Directory(record.getShort(10) & 0xFFFFL, record.getInt(12) & ZIP64_MAGIC, record.getInt(16) & ZIP64_MAGIC, end);
    if (end < ZIP64_LOCATOR_BYTES) {
      return plain;
    }
    ByteBuffer locator = read(end - ZIP64_LOCATOR_BYTES, ZIP64_LOCATOR_BYTES);
    long position = locator.getLong(8);
    if (locator.getInt(0) != ZIP64_LOCATOR_SIGNATURE || position < 0 || position > end - ZIP64_END_BYTES) {
      return plain;
    }
    ByteBuffer zip64 = read(position, ZIP64_END_BYTES);
    Directory wide = new Directory(zip64.getLong(32), zip64.getLong(40), zip64.getLong(48), position);
    boolean agrees = (plain.entries() == wide.entries() || plain.entries() == 0xFFFF)
        && (plain.bytes() == wide.bytes() || plain.bytes() == ZIP64_MAGIC)
        && (plain.offset() == wide.offset() || plain.offset() == ZIP64_MAGIC);
    return zip64.getInt(0) == ZIP64_END_SIGNATURE && agrees ? wide : plain;
  }

  /** The local header at {@code start} gives the lengths of its name and extra field, so where the data ends. */
  private Region region(String name, long start, long compressedSize, long fileSize) throws IOException {
    ByteBuffer local = read(start, LOCAL_BYTES);
    if (local.getInt(0) != LOCAL_SIGNATURE) {
      throw corrupt("the entry '" + name + "' points at byte " + start + ", where there is no local header");
    }
    long end = start + LOCAL_BYTES + (local.getShort(26) & 0xFFFF) + (local.getShort(28) & 0xFFFF) + compressedSize;
    if (compressedSize < 0 || end > fileSize) {
      throw corrupt("the entry '" + name + "' claims bytes " + start + ".." + end + " of a " + fileSize + "-byte file");
    }
    return new Region(name, start, end);
  }

  /**
   * Uncompressed size, compressed size and local header offset; a field set to 0xFFFFFFFF is in the ZIP64
   * extra field (id 1), which holds only such fields, in this order.
   */
  private long[] zip64Sizes(ByteBuffer central, ByteBuffer extra, String name) {
    long[] values = {central.getInt(24) & ZIP64_MAGIC, central.getInt(20) & ZIP64_MAGIC, central.getInt(42) & ZIP64_MAGIC};
    if (values[0] != ZIP64_MAGIC && values[1] != ZIP64_MAGIC && values[2] != ZIP64_MAGIC) {
      return values;
    }
    for (int at = 0; at + 4 <= extra.limit(); ) {
      int id = extra.getShort(at) & 0xFFFF;
      int length = extra.getShort(at + 2) & 0xFFFF;
      if (id == 1) {
        int field = at + 4;
        for (int i = 0; i < values.length; i++) {
          if (values[i] == ZIP64_MAGIC) {
            if (field + 8 > at + 4 + length || field + 8 > extra.limit()) {
              throw corrupt("the ZIP64 extra field of '" + name + "' is too short");
            }
            values[i] = extra.getLong(field);
            field += 8;
          }
        }
        return values;
      }
      at += 4 + length;
    }
    throw corrupt("the entry '" + name + "' has 32-bit sizes set to 0xFFFFFFFF but no ZIP64 extra field");
  }

  /** The last end-of-central-directory record: its signature, 22 bytes plus a comment of up to 64 KiB from the end. */
  private long findEnd(long size) throws IOException {
    long tailStart = Math.max(0, size - END_BYTES - 0xFFFF);
    ByteBuffer tail = read(tailStart, (int) (size - tailStart));
    for (int at = tail.limit() - END_BYTES; at >= 0; at--) {
      if (tail.getInt(at) == END_SIGNATURE && at + END_BYTES + (tail.getShort(at + 20) & 0xFFFF) <= tail.limit()) {
        return tailStart + at;
      }
    }
    throw corrupt("no end-of-central-directory record");
  }

  private ByteBuffer read(long position, int length) throws IOException {
    if (position < 0) {
      throw corrupt("a record is said to start at byte " + position);
    }
    ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    long at = position;
    while (buffer.hasRemaining()) {
      int got = channel.read(buffer, at);
      if (got < 0) {
        throw corrupt("the file ends at byte " + at + ", inside a record that starts at byte " + position);
      }
      at += got;
    }
    return buffer.flip();
  }

  private NpyFormatException corrupt(String problem) {
    return new NpyFormatException(source, "corrupt archive: " + problem);
  }
}
