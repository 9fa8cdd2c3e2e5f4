package dev.ruru.train.io;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.io.AtomicFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads and writes safetensors, the weight format of PyTorch and Hugging Face
 * (<a href="https://github.com/huggingface/safetensors">github.com/huggingface/safetensors</a>):
 * <pre>
 *   8 bytes    N, the header length, an unsigned little-endian 64-bit integer
 *   N bytes    the header: UTF-8 JSON {name: {"dtype", "shape", "data_offsets": [begin, end]}, "__metadata__": {...}}
 *   the rest   the tensors' little-endian, C-ordered bytes, offsets relative to the start of this section
 * </pre>
 * Reading bounds every size before allocating: N is at most {@link #MAX_HEADER_BYTES} (the reference
 * limit) and never more than the file, and the entries must tile the data section exactly
 * ({@link SafetensorsHeader#parse}). Writing is atomic ({@link AtomicFile}) and byte-for-byte what the
 * reference writer produces, so files round-trip with {@code safetensors.torch.load_file}.
 *
 * <pre>{@code
 * Safetensors.write(Path.of("model.safetensors"), Map.of("weight", w, "bias", b), Map.of("format", "pt"));
 * NDArray w2 = Safetensors.read(Path.of("model.safetensors")).tensor("weight");
 * }</pre>
 */
public final class Safetensors {
  /** The largest header accepted: 100,000,000 bytes, as in the reference implementation. */
  public static final long MAX_HEADER_BYTES = 100_000_000L;

  private Safetensors() {}

  /** Every tensor and the metadata of {@code file}; nothing is returned unless the whole file is valid. */
  public static SafetensorsFile read(Path file) throws IOException {
    String source = file.toString();
    try (FileChannel channel = open(file); Arena arena = Arena.ofConfined()) {
      MemorySegment bytes = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena);
      return decode(bytes, source);
    }
  }

  /** The header of {@code file} alone (entries and metadata), validated against the file's size. */
  public static SafetensorsHeader readHeader(Path file) throws IOException {
    String source = file.toString();
    try (FileChannel channel = open(file)) {
      long size = checkedFileSize(channel.size(), source);
      ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      readFully(channel, length, 0, source);
      long n = checkedHeaderLength(length.getLong(0), size, source);
      ByteBuffer json = ByteBuffer.allocate((int) n);
      readFully(channel, json, 8, source);
      return SafetensorsHeader.parse(json.array(), size - 8 - n, source);
    }
  }

  /** {@code file} opened for reading, with messages for a missing file or a directory, which the JDK's lack. */
  private static FileChannel open(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      throw new SafetensorsFormatException(file.toString(), "is a directory, not a file");
    }
    try {
      return FileChannel.open(file, StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(file.toString(), null, "no such file");
    }
  }

  /** Decodes a whole safetensors file held in memory ({@code source} names it in messages). */
  public static SafetensorsFile decode(byte[] bytes, String source) {
    return decode(MemorySegment.ofArray(bytes), source);
  }

  private static SafetensorsFile decode(MemorySegment bytes, String source) {
    long size = checkedFileSize(bytes.byteSize(), source);
    long n = checkedHeaderLength(bytes.get(ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), 0), size, source);
    byte[] json = bytes.asSlice(8, n).toArray(ValueLayout.JAVA_BYTE);
    SafetensorsHeader header = SafetensorsHeader.parse(json, size - 8 - n, source);
    Map<String, NDArray> tensors = new LinkedHashMap<>();
    for (TensorEntry entry : header.tensors()) {
      tensors.put(entry.name(), toArray(bytes, 8 + n + entry.begin(), entry));
    }
    return new SafetensorsFile(tensors, header.metadata());
  }

  private static long checkedFileSize(long size, String source) {
    if (size < 8) {
      throw new SafetensorsFormatException(source, "the file is " + size + " bytes long, too short for the 8-byte header length");
    }
    return size;
  }

  /** The header length {@code n} (an unsigned value, so negative means above 2^63), checked against the limit and the file. */
  private static long checkedHeaderLength(long n, long fileSize, String source) {
    if (n < 0 || n > MAX_HEADER_BYTES) {
      throw new SafetensorsFormatException(source, "header length " + Long.toUnsignedString(n) + " bytes is above the limit of "
          + MAX_HEADER_BYTES + " bytes; not a safetensors file, or a corrupt one");
    }
    if (n > fileSize - 8) {
      throw new SafetensorsFormatException(source, "header length " + n + " bytes is more than the " + (fileSize - 8)
          + " bytes that follow it (truncated file?)");
    }
    return n;
  }

  private static void readFully(FileChannel channel, ByteBuffer buffer, long position, String source) throws IOException {
    long at = position;
    while (buffer.hasRemaining()) {
      int got = channel.read(buffer, at);
      if (got < 0) {
        throw new SafetensorsFormatException(source, "the file ends at byte " + at + " inside its header");
      }
      at += got;
    }
  }

  private static NDArray toArray(MemorySegment bytes, long start, TensorEntry entry) {
    int count = entry.shape().size();
    ValueLayout layout = layout(entry.dtype());
    int[] dims = entry.shape().dims();
    // NDArray.of reads an empty shape as 1-D: a rank-0 tensor is made as [1] and reshaped to [].
    int[] stored = dims.length == 0 ? new int[] {1} : dims;
    if (entry.storedItemSize() == 2) {
      NDArray widened = NDArray.of(halves(bytes, start, count, entry.stored().equals(TensorEntry.BRAIN_HALF)), stored);
      return dims.length == 0 ? widened.reshape() : widened;
    }
    NDArray array = switch (entry.dtype()) {
      case FLOAT32 -> NDArray.of(copy(bytes, start, layout, new float[count], count), stored);
      case FLOAT64 -> NDArray.of(copy(bytes, start, layout, new double[count], count), stored);
      case INT32 -> NDArray.of(copy(bytes, start, layout, new int[count], count), stored);
      case INT64 -> NDArray.of(copy(bytes, start, layout, new long[count], count), stored);
      case BOOL -> boolArray(copy(bytes, start, layout, new byte[count], count), stored);
    };
    return dims.length == 0 ? array.reshape() : array;
  }

  private static <T> T copy(MemorySegment bytes, long start, ValueLayout layout, T elements, int count) {
    MemorySegment.copy(bytes, layout, start, elements, 0, count);
    return elements;
  }

  /**
   * 16-bit floats widened exactly to float32: IEEE half precision (F16) through the JDK's conversion,
   * bfloat16 (BF16, the top half of a float32's bits) by shifting its bits into place.
   */
  private static float[] halves(MemorySegment bytes, long start, int count, boolean brain) {
    ValueLayout.OfShort layout = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    float[] values = new float[count];
    for (int i = 0; i < count; i++) {
      short bits = bytes.get(layout, start + 2L * i);
      values[i] = brain ? Float.intBitsToFloat((bits & 0xFFFF) << 16) : Float.float16ToFloat(bits);
    }
    return values;
  }

  /** Any non-zero byte is true; the comparison gives Ruru's 0/1 masks. */
  private static NDArray boolArray(byte[] bytes, int[] shape) {
    int[] values = new int[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      values[i] = bytes[i] & 0xFF;
    }
    return NDArray.of(values, shape).gt(0);
  }

  /** How one element lies in the file: little-endian, unaligned because nothing promises alignment. */
  private static ValueLayout layout(DType dtype) {
    return switch (dtype) {
      case FLOAT32 -> ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
      case FLOAT64 -> ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
      case INT32 -> ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
      case INT64 -> ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
      case BOOL -> ValueLayout.JAVA_BYTE;
    };
  }

  // ---------------------------------------------------------------- writing

  /**
   * Writes {@code tensors} and {@code metadata} to {@code file} atomically (a temporary file renamed over
   * it; on failure nothing is left). Inputs are not modified.
   */
  public static void write(Path file, Map<String, NDArray> tensors, Map<String, String> metadata) throws IOException {
    SafetensorsHeader header = headerFor(tensors, metadata);
    AtomicFile.write(file, out -> write(out, header, tensors));
  }

  /** The bytes of the safetensors file for {@code tensors} and {@code metadata}. */
  public static byte[] encode(Map<String, NDArray> tensors, Map<String, String> metadata) {
    SafetensorsHeader header = headerFor(tensors, metadata);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      write(out, header, tensors);
    } catch (IOException e) {
      throw new IllegalStateException("writing to memory cannot fail", e);
    }
    return out.toByteArray();
  }

  /** Entries in the reference writer's order: descending alignment (I64, F64, F32, I32, BOOL), then by name. */
  static SafetensorsHeader headerFor(Map<String, NDArray> tensors, Map<String, String> metadata) {
    Objects.requireNonNull(tensors, "tensors");
    Objects.requireNonNull(metadata, "metadata");
    List<String> names = new ArrayList<>(tensors.keySet());
    names.sort(Comparator.comparingInt((String name) -> alignmentRank(tensors.get(name).dtype())).thenComparing(Comparator.naturalOrder()));
    List<TensorEntry> entries = new ArrayList<>();
    long offset = 0;
    for (String name : names) {
      if (name.equals(SafetensorsHeader.METADATA_KEY)) {
        throw new IllegalArgumentException("safetensors: a tensor cannot be called " + SafetensorsHeader.METADATA_KEY);
      }
      NDArray array = Objects.requireNonNull(tensors.get(name), name);
      long bytes = (long) array.size() * array.dtype().itemSize();
      entries.add(new TensorEntry(name, array.dtype(), array.shape(), offset, offset + bytes));
      offset += bytes;
    }
    return new SafetensorsHeader(entries, metadata);
  }

  /** The reference's dtype order, largest alignment first (its enum order descending). */
  private static int alignmentRank(DType dtype) {
    return switch (dtype) {
      case INT64 -> 0;
      case FLOAT64 -> 1;
      case FLOAT32 -> 2;
      case INT32 -> 3;
      case BOOL -> 4;
    };
  }

  private static void write(OutputStream out, SafetensorsHeader header, Map<String, NDArray> tensors) throws IOException {
    byte[] json = header.encode();
    byte[] length = new byte[8];
    MemorySegment.ofArray(length).set(ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN), 0, json.length);
    out.write(length);
    out.write(json);
    for (TensorEntry entry : header.tensors()) {
      writeElements(out, tensors.get(entry.name()));
    }
  }

  /** The elements in C order as little-endian bytes, a chunk at a time. */
  private static void writeElements(OutputStream out, NDArray array) throws IOException {
    Object elements = switch (array.dtype()) {
      case FLOAT32 -> array.toFloatArray();
      case FLOAT64 -> array.toDoubleArray();
      case INT32 -> array.toIntArray();
      case INT64 -> array.toLongArray();
      case BOOL -> boolBytes(array.toIntArray());
    };
    ValueLayout layout = layout(array.dtype());
    int itemSize = array.dtype().itemSize();
    int perChunk = (1 << 20) / itemSize;
    byte[] chunk = new byte[(int) Math.min(1 << 20, (long) array.size() * itemSize)];
    MemorySegment chunkSegment = MemorySegment.ofArray(chunk);
    for (int done = 0; done < array.size(); done += perChunk) {
      int n = Math.min(perChunk, array.size() - done);
      MemorySegment.copy(elements, done, chunkSegment, layout, 0, n);
      out.write(chunk, 0, n * itemSize);
    }
  }

  private static byte[] boolBytes(int[] values) {
    byte[] bytes = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      bytes[i] = (byte) (values[i] != 0 ? 1 : 0);
    }
    return bytes;
  }
}
