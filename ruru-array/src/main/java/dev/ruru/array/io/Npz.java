package dev.ruru.array.io;

import dev.ruru.array.NDArray;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * NumPy's {@code .npz} format: a zip archive of named arrays, one {@code NAME.npy} entry each, as written by
 * {@code np.savez} (stored) and {@code np.savez_compressed} (deflated) and read by {@code np.load}.
 *
 * <pre>{@code
 * Npz.write(Path.of("model.npz"), Map.of("weight", w, "bias", b));   // np.load("model.npz")["weight"]
 * LinkedHashMap<String, NDArray> arrays = Npz.read(Path.of("data.npz"));
 * }</pre>
 */
public final class Npz {
  /** DEFLATE cannot expand data more than about 1032 : 1; an entry claiming more is corrupt or hostile. */
  private static final long MAX_DEFLATE_RATIO = 1032;
  /** NumPy's zip entries carry this date (Python's ZipInfo default); fixed, so equal input gives equal files. */
  private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

  private Npz() {}

  /**
   * The arrays in {@code file}, in archive order, named as {@code np.load(file).files} names them (the entry
   * name without its {@code .npy} suffix), inflating at most {@link InflateLimit#configured()} bytes.
   *
   * @throws NpyFormatException if the archive or one of its entries cannot be read; the message names the entry
   */
  public static LinkedHashMap<String, NDArray> read(Path file) throws IOException {
    return read(file, InflateLimit.configured());
  }

  /**
   * As {@link #read(Path)}, refusing an archive whose deflated entries claim more than {@code limit} bytes in
   * all. Before anything is allocated, every entry's sizes are checked against the file and against what
   * DEFLATE can produce, and the entries must not overlap in the file (one compressed array listed 200 times
   * is a zip bomb); each entry's CRC is checked after it is read.
   */
  public static LinkedHashMap<String, NDArray> read(Path file, InflateLimit limit) throws IOException {
    try (FileChannel channel = Npy.open(file); ZipFile zip = openZip(file)) {
      List<ZipEntry> entries = new ArrayList<>(Collections.list(zip.entries()));
      checkEntries(entries, ZipLayout.checkedRegions(channel, file.toString()), channel.size(), limit, file.toString());
      LinkedHashMap<String, NDArray> arrays = new LinkedHashMap<>();
      for (ZipEntry entry : entries) {
        String name = entry.getName().substring(0, entry.getName().length() - ".npy".length());
        arrays.put(name, readEntry(zip, entry, file + "!" + entry.getName()));
      }
      return arrays;
    }
  }

  private static ZipFile openZip(Path file) throws IOException {
    try {
      return new ZipFile(file.toFile());
    } catch (ZipException e) {
      throw new NpyFormatException(file.toString(), "not a readable .npz (zip) archive: " + e.getMessage());
    } catch (EOFException e) {
      throw new NpyFormatException(file.toString(), "not a readable .npz (zip) archive: the file ends inside a record (a comment or"
          + " directory) that the zip end record points to");
    }
  }

  /**
   * Every entry is a distinct NAME.npy whose sizes fit the file and DEFLATE's ratio, the deflated entries
   * together claim at most {@code limit}, and the central directory lists the entries ZipFile found.
   */
  private static void checkEntries(List<ZipEntry> entries, List<ZipLayout.Region> regions, long archiveSize, InflateLimit limit,
      String file) {
    if (regions.size() != entries.size()) {
      throw new NpyFormatException(file, "corrupt archive: the central directory lists " + regions.size() + " entries, the zip reader "
          + entries.size());
    }
    Set<String> names = new HashSet<>();
    long inflated = 0;
    for (int i = 0; i < entries.size(); i++) {
      ZipEntry entry = entries.get(i);
      String source = file + "!" + entry.getName();
      if (!entry.getName().equals(regions.get(i).name())) {
        throw new NpyFormatException(source, "corrupt archive: central directory record " + i + " is named '" + regions.get(i).name()
            + "', the zip reader read '" + entry.getName() + "'");
      }
      if (!entry.getName().endsWith(".npy")) {
        throw new NpyFormatException(source, "not an array: every entry of an .npz archive is a NAME.npy file");
      }
      if (!names.add(entry.getName())) {
        throw new NpyFormatException(source, "the archive holds two entries named '" + entry.getName() + "'");
      }
      checkSizes(entry, archiveSize, source);
      if (entry.getMethod() != ZipEntry.STORED) {
        inflated += entry.getSize();
        if (!limit.allows(inflated)) {
          throw new NpyFormatException(source, limit.refusal("the deflated entries up to and including this one", inflated));
        }
      }
    }
  }

  private static void checkSizes(ZipEntry entry, long archiveSize, String source) {
    long size = entry.getSize();
    boolean stored = entry.getMethod() == ZipEntry.STORED;
    if (size < 0 || entry.getCompressedSize() > archiveSize || (stored && size != entry.getCompressedSize())) {
      throw new NpyFormatException(source, "corrupt archive: the entry records " + size + " bytes, " + entry.getCompressedSize()
          + " compressed, in a " + archiveSize + "-byte file");
    }
    if (size > entry.getCompressedSize() * MAX_DEFLATE_RATIO + 1024) {
      throw new NpyFormatException(source, "the entry claims " + size + " bytes from " + entry.getCompressedSize()
          + " compressed bytes, more than DEFLATE can produce");
    }
  }

  private static NDArray readEntry(ZipFile zip, ZipEntry entry, String source) throws IOException {
    long size = entry.getSize();
    boolean stored = entry.getMethod() == ZipEntry.STORED;
    CRC32 crc = new CRC32();
    try (InputStream in = new CheckedInputStream(zip.getInputStream(entry), crc)) {
      // A stored entry's size is backed by bytes in the file; a compressed one's is only a claim.
      NDArray array = stored ? Npy.read(in, size, source) : Npy.readInflating(in, size, source);
      if (in.read() != -1) {
        throw new NpyFormatException(source, "the entry holds more bytes than its header promises; a .npy entry holds exactly one array");
      }
      if (crc.getValue() != entry.getCrc()) {
        throw new NpyFormatException(source, String.format("corrupt entry: CRC-32 is %08x, the archive says %08x", crc.getValue(), entry.getCrc()));
      }
      return array;
    } catch (ZipException | EOFException e) {
      // EOFException: the inflater ran out of compressed bytes before the data's end.
      throw new NpyFormatException(source, "corrupt compressed data: " + e.getMessage());
    }
  }

  /**
   * Writes {@code arrays} uncompressed, as {@code np.savez(file, **arrays)}: one entry {@code NAME.npy} per
   * map entry, in the map's iteration order. Atomic: a temporary file renamed into place. Inputs are not modified.
   */
  public static void write(Path file, Map<String, NDArray> arrays) throws IOException {
    write(file, arrays, false);
  }

  /** As {@link #write}, deflated, as {@code np.savez_compressed}: smaller, slower to write and read. */
  public static void writeCompressed(Path file, Map<String, NDArray> arrays) throws IOException {
    write(file, arrays, true);
  }

  private static void write(Path file, Map<String, NDArray> arrays, boolean compress) throws IOException {
    arrays.forEach((name, array) -> {
      Objects.requireNonNull(name, "array name");
      Objects.requireNonNull(array, () -> "array '" + name + "'");
      if (name.isEmpty()) {
        throw new IllegalArgumentException("Npz.write: an array name is empty; names become entry names NAME.npy");
      }
    });
    AtomicFile.write(file, out -> {
      ZipOutputStream zip = new ZipOutputStream(out);
      for (Map.Entry<String, NDArray> named : arrays.entrySet()) {
        writeEntry(zip, named.getKey() + ".npy", named.getValue(), compress);
      }
      // finish, not close: AtomicFile owns the file and closes it after forcing it to disk.
      zip.finish();
    });
  }

  private static void writeEntry(ZipOutputStream zip, String entryName, NDArray array, boolean compress) throws IOException {
    NpyHeader header = Npy.headerFor(array);
    byte[] head = header.encode();
    Object elements = Npy.elementsInFileOrder(array, header.order());
    ZipEntry entry = new ZipEntry(entryName);
    entry.setTimeLocal(ENTRY_TIME);
    if (compress) {
      entry.setMethod(ZipEntry.DEFLATED);
    } else {
      // A stored entry's size and CRC precede its data, so the CRC takes a first pass over the bytes.
      long size = head.length + header.dataBytes();
      CRC32 crc = new CRC32();
      crc.update(head);
      ElementBytes.write(elements, array.dtype(), array.size(), new CheckedOutputStream(OutputStream.nullOutputStream(), crc));
      entry.setMethod(ZipEntry.STORED);
      entry.setSize(size);
      entry.setCompressedSize(size);
      entry.setCrc(crc.getValue());
    }
    zip.putNextEntry(entry);
    zip.write(head);
    ElementBytes.write(elements, array.dtype(), array.size(), zip);
    zip.closeEntry();
  }
}
