package dev.ruru.array.io;

import dev.ruru.array.NDArray;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
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
   * name without its {@code .npy} suffix). Each entry's size is checked before anything is allocated and its
   * CRC after it is read.
   *
   * @throws NpyFormatException if the archive or one of its entries cannot be read; the message names the entry
   */
  public static LinkedHashMap<String, NDArray> read(Path file) throws IOException {
    ZipFile zip;
    try {
      zip = new ZipFile(file.toFile());
    } catch (ZipException e) {
      throw new NpyFormatException(file.toString(), "not a readable .npz (zip) archive: " + e.getMessage());
    }
    try (zip) {
      long archiveSize = Files.size(file);
      LinkedHashMap<String, NDArray> arrays = new LinkedHashMap<>();
      for (ZipEntry entry : Collections.list(zip.entries())) {
        String source = file + "!" + entry.getName();
        if (!entry.getName().endsWith(".npy")) {
          throw new NpyFormatException(source, "not an array: every entry of an .npz archive is a NAME.npy file");
        }
        String name = entry.getName().substring(0, entry.getName().length() - ".npy".length());
        if (arrays.containsKey(name)) {
          throw new NpyFormatException(source, "the archive holds two entries named '" + entry.getName() + "'");
        }
        arrays.put(name, readEntry(zip, entry, archiveSize, source));
      }
      return arrays;
    }
  }

  private static NDArray readEntry(ZipFile zip, ZipEntry entry, long archiveSize, String source) throws IOException {
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
    } catch (ZipException e) {
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
