package dev.ruru.cli;

import dev.ruru.array.NDArray;
import dev.ruru.array.io.Npy;
import dev.ruru.array.io.Npz;
import dev.ruru.train.io.Safetensors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * The file formats {@code ruru inspect} reads, each recognised by its magic number (its first bytes)
 * or, failing that, by its extension, and read into arrays by name. A new format (IDX, ONNX) is one
 * more constant here.
 */
enum ArrayFileFormat {
  /** NumPy's single-array file; the array is named after the file. */
  NPY("npy", new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'}) {
    @Override
    Map<String, NDArray> read(Path file) throws IOException {
      return Map.of(file.getFileName().toString(), Npy.read(file));
    }
  },

  /** NumPy's zip of named {@code .npy} files ({@code np.savez}); every zip starts "PK\3\4". */
  NPZ("npz", new byte[] {'P', 'K', 3, 4}) {
    @Override
    Map<String, NDArray> read(Path file) throws IOException {
      return Npz.read(file);
    }
  },

  /**
   * The weights format of Ruru's model.safetensors, PyTorch and Hugging Face. It has no magic number: an
   * 8-byte header length, then the JSON header, so a '{' at byte 8 recognises it.
   */
  SAFETENSORS("safetensors", new byte[0]) {
    @Override
    Map<String, NDArray> read(Path file) throws IOException {
      return Safetensors.read(file).tensors();
    }

    @Override
    boolean startsLike(byte[] head) {
      return head.length > 8 && head[8] == '{';
    }
  };

  private final String extension;
  private final byte[] magic;

  ArrayFileFormat(String extension, byte[] magic) {
    this.extension = extension;
    this.magic = magic;
  }

  /** The arrays in {@code file}, by name, in the file's order. */
  abstract Map<String, NDArray> read(Path file) throws IOException;

  /** Whether a file's first bytes are this format's magic number. */
  boolean startsLike(byte[] head) {
    return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
  }

  /** The name users know the format by: its extension, {@code "npy"}. */
  String id() {
    return extension;
  }

  /**
   * The format of {@code file}: the one whose magic number it starts with, else the one its extension
   * names (whose reader then says what is wrong with the contents).
   *
   * @throws IllegalArgumentException when neither the first bytes nor the extension match a format
   */
  static ArrayFileFormat of(Path file) throws IOException {
    byte[] head = firstBytes(file, 16);
    for (ArrayFileFormat format : values()) {
      if (format.startsLike(head)) {
        return format;
      }
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    for (ArrayFileFormat format : values()) {
      if (name.endsWith("." + format.extension)) {
        return format;
      }
    }
    throw new IllegalArgumentException("unrecognised file format; expected a .npy, .npz or .safetensors file (neither its first "
        + "bytes nor its extension match)");
  }

  private static byte[] firstBytes(Path file, int count) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(count);
    }
  }
}
