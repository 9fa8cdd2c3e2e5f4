package dev.ruru.data.idx;

import dev.ruru.array.io.AtomicFile;
import dev.ruru.array.NDArray;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes arrays as IDX files of any element type, plain or gzip-compressed. Values are checked before
 * anything is written: for an integer type every value must be a whole number in the type's range (a
 * pixel of 256 cannot become a ubyte silently). Files are written to a temporary file beside the target
 * and renamed into place, so a failed write leaves nothing behind.
 *
 * <pre>{@code
 * IdxWriter.write(Path.of("labels-idx1-ubyte.gz"), labels, IdxType.UBYTE, Compression.GZIP);
 * }</pre>
 */
public final class IdxWriter {
  private IdxWriter() {}

  /** Writes {@code array} (rank 1 to {@value IdxReader#MAX_RANK}) to {@code file} as {@code type}. */
  public static void write(Path file, NDArray array, IdxType type, Compression compression) throws IOException {
    byte[] payload = encode(array, type);
    AtomicFile.write(file, out -> {
      if (compression == Compression.GZIP) {
        // finish(), not close(): AtomicFile closes the file after forcing it to disk.
        GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16);
        gzip.write(payload);
        gzip.finish();
      } else {
        out.write(payload);
      }
    });
  }

  /** Writes {@code array} as uncompressed IDX to {@code out}, which is flushed, not closed. */
  public static void write(OutputStream out, NDArray array, IdxType type) throws IOException {
    out.write(encode(array, type));
    out.flush();
  }

  /** The whole file's bytes: magic, dimensions, then the elements in C order, big-endian. */
  static byte[] encode(NDArray array, IdxType type) throws IOException {
    if (array.rank() < 1 || array.rank() > IdxReader.MAX_RANK) {
      throw new IllegalArgumentException("idx: can only write arrays of rank 1 to " + IdxReader.MAX_RANK + ", got shape " + array.shape());
    }
    long bytes = 4 + 4L * array.rank() + (long) array.size() * type.itemSize();
    if (bytes > IdxReader.MAX_DATA_BYTES) {
      throw new IllegalArgumentException("idx: " + array.shape() + " of " + type + " needs " + bytes + " bytes, more than one file buffer holds");
    }
    ByteArrayOutputStream buffer = new ByteArrayOutputStream((int) bytes);
    DataOutputStream out = new DataOutputStream(buffer);
    out.write(new byte[] {0, 0, (byte) type.code(), (byte) array.rank()});
    for (int d : array.shape().dims()) {
      out.writeInt(d);
    }
    writeElements(out, array, type);
    return buffer.toByteArray();
  }

  private static void writeElements(DataOutputStream out, NDArray array, IdxType type) throws IOException {
    switch (type) {
      case FLOAT -> {
        for (float v : array.toFloatArray()) {
          out.writeFloat(v);
        }
      }
      case DOUBLE -> {
        for (double v : array.toDoubleArray()) {
          out.writeDouble(v);
        }
      }
      default -> {
        double[] values = array.toDoubleArray();
        checkRange(values, array, type);
        for (double v : values) {
          switch (type) {
            case SHORT -> out.writeShort((int) v);
            case INT -> out.writeInt((int) v);
            default -> out.writeByte((int) v);
          }
        }
      }
    }
  }

  private static void checkRange(double[] values, NDArray array, IdxType type) {
    for (int i = 0; i < values.length; i++) {
      double v = values[i];
      if (v != Math.rint(v) || v < type.minimum() || v > type.maximum()) {
        throw new IllegalArgumentException("idx: value " + v + " at flat index " + i + " of " + array.shape()
            + " is not a whole number in [" + (long) type.minimum() + ", " + (long) type.maximum() + "], the range of " + type);
      }
    }
  }
}
