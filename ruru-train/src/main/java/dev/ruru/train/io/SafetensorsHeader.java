package dev.ruru.train.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruru.array.DType;
import dev.ruru.array.Shape;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON header of a safetensors file: the tensor entries, ordered by where their data lies, and the
 * optional {@code __metadata__} map of strings.
 *
 * <p>{@link #parse} checks everything the reference implementation checks, with a message naming the
 * tensor: the header is UTF-8 JSON, an object; each entry has a known {@code dtype}, a {@code shape} of
 * non-negative integers, and {@code data_offsets [begin, end]} with {@code end - begin} equal to
 * {@code size · itemSize}; sorted by offset, the entries tile the data section exactly — the first begins
 * at 0, each begins where the previous ends (no overlap, no hole), and the last ends at the end of the file.
 * {@link #encode} writes what the reference writer writes: entries sorted by descending alignment, then by
 * name, compact JSON, padded with spaces to a multiple of 8 bytes so the data that follows is aligned; the
 * metadata comes first, its keys sorted.
 */
public record SafetensorsHeader(List<TensorEntry> tensors, Map<String, String> metadata) {
  static final String METADATA_KEY = "__metadata__";

  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  public SafetensorsHeader {
    tensors = List.copyOf(tensors);
    metadata = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }

  /** Bytes of data all entries cover: the last entry's end (0 without entries). */
  public long dataBytes() {
    return tensors.isEmpty() ? 0 : tensors.get(tensors.size() - 1).end();
  }

  /**
   * Parses and validates a header.
   *
   * @param json the header bytes (after the 8-byte length), padding included
   * @param dataBytes the size of the data section that follows it in the file
   * @param source the file, for messages
   */
  public static SafetensorsHeader parse(byte[] json, long dataBytes, String source) {
    ObjectNode root = parseObject(json, source);
    Map<String, String> metadata = new LinkedHashMap<>();
    List<TensorEntry> entries = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : root.properties()) {
      if (field.getKey().equals(METADATA_KEY)) {
        metadata = metadataOf(field.getValue(), source);
      } else {
        entries.add(entryOf(field.getKey(), field.getValue(), source));
      }
    }
    entries.sort(Comparator.comparingLong(TensorEntry::begin).thenComparingLong(TensorEntry::end));
    checkTiling(entries, dataBytes, source);
    return new SafetensorsHeader(entries, metadata);
  }

  private static ObjectNode parseObject(byte[] json, String source) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(json)).toString();
    } catch (CharacterCodingException e) {
      throw new SafetensorsFormatException(source, "the header is not valid UTF-8");
    }
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new SafetensorsFormatException(source, "the header is not valid JSON: " + e.getOriginalMessage());
    }
    if (!(root instanceof ObjectNode object)) {
      throw new SafetensorsFormatException(source, "the header must be a JSON object {name: {dtype, shape, data_offsets}},"
          + " found " + (root == null ? "nothing" : root.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)));
    }
    return object;
  }

  private static Map<String, String> metadataOf(JsonNode node, String source) {
    if (!node.isObject()) {
      throw new SafetensorsFormatException(source, METADATA_KEY + " must be an object of strings, found " + node);
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      if (!field.getValue().isTextual()) {
        throw new SafetensorsFormatException(source, METADATA_KEY + " value of '" + field.getKey() + "' must be a string, found "
            + field.getValue());
      }
      metadata.put(field.getKey(), field.getValue().textValue());
    }
    return metadata;
  }

  private static TensorEntry entryOf(String name, JsonNode node, String source) {
    if (!node.isObject()) {
      throw new SafetensorsFormatException(source, "tensor '" + name + "': expected {dtype, shape, data_offsets}, found " + node);
    }
    JsonNode code = node.get("dtype");
    if (code == null || !code.isTextual()) {
      throw new SafetensorsFormatException(source, "tensor '" + name + "': missing or non-string dtype");
    }
    DType dtype = TensorEntry.dtypeOf(code.textValue());
    if (dtype == null) {
      throw new SafetensorsFormatException(source, "tensor '" + name + "': unsupported dtype '" + code.textValue()
          + "'; Ruru reads F32, F64, F16, BF16, I32, I64 and BOOL");
    }
    long[] dims = integers(node.get("shape"), -1, name, "shape", source);
    long[] offsets = integers(node.get("data_offsets"), 2, name, "data_offsets", source);
    long size = elementCount(dims, name, source);
    if (offsets[1] < offsets[0]) {
      throw new SafetensorsFormatException(source, "tensor '" + name + "': data_offsets [" + offsets[0] + ", " + offsets[1]
          + "] end before they begin");
    }
    String stored = code.textValue();
    long expected = size * new TensorEntry(name, dtype, Shape.of(), 0, 0, stored).storedItemSize();
    if (offsets[1] - offsets[0] != expected) {
      throw new SafetensorsFormatException(source, "tensor '" + name + "': shape " + java.util.Arrays.toString(dims) + " of "
          + code.textValue() + " needs " + expected + " bytes but data_offsets [" + offsets[0] + ", " + offsets[1] + "] hold "
          + (offsets[1] - offsets[0]));
    }
    int[] shape = new int[dims.length];
    for (int i = 0; i < dims.length; i++) {
      shape[i] = (int) dims[i];
    }
    return new TensorEntry(name, dtype, Shape.of(shape), offsets[0], offsets[1], stored);
  }

  /** A JSON array of non-negative integers ({@code length} of them unless it is -1). */
  private static long[] integers(JsonNode node, int length, String name, String key, String source) {
    String problem = "tensor '" + name + "': " + key + " must be an array of " + (length >= 0 ? length + " " : "")
        + "non-negative integers, found " + node;
    if (node == null || !node.isArray() || (length >= 0 && node.size() != length)) {
      throw new SafetensorsFormatException(source, problem);
    }
    long[] values = new long[node.size()];
    for (int i = 0; i < values.length; i++) {
      JsonNode item = node.get(i);
      if (!item.isIntegralNumber() || !item.canConvertToLong() || item.longValue() < 0) {
        throw new SafetensorsFormatException(source, problem);
      }
      values[i] = item.longValue();
    }
    return values;
  }

  /** The product of the extents, which Ruru's arrays bound by {@code Integer.MAX_VALUE}. */
  private static long elementCount(long[] dims, String name, String source) {
    long size = 1;
    for (long dim : dims) {
      if (dim > Integer.MAX_VALUE || (dim > 0 && size > Integer.MAX_VALUE / dim)) {
        throw new SafetensorsFormatException(source, "tensor '" + name + "': shape " + java.util.Arrays.toString(dims)
            + " has more than " + Integer.MAX_VALUE + " elements");
      }
      size *= dim;
    }
    return size;
  }

  private static void checkTiling(List<TensorEntry> entries, long dataBytes, String source) {
    long position = 0;
    String previous = null;
    for (TensorEntry entry : entries) {
      if (entry.begin() < position) {
        throw new SafetensorsFormatException(source, "tensor '" + entry.name() + "' (bytes " + entry.begin() + ".." + entry.end()
            + ") overlaps tensor '" + previous + "' (which ends at " + position + ")");
      }
      if (entry.begin() > position) {
        throw new SafetensorsFormatException(source, "bytes " + position + ".." + entry.begin() + " of the data belong to no tensor"
            + " (a hole before tensor '" + entry.name() + "')");
      }
      position = entry.end();
      previous = entry.name();
    }
    if (position != dataBytes) {
      throw new SafetensorsFormatException(source, "the tensors cover " + position + " bytes of data but the file holds "
          + dataBytes + " after the header" + (position > dataBytes ? " (truncated file?)" : ""));
    }
  }

  /**
   * The header bytes the reference writer produces for these entries: compact JSON (metadata first, then
   * the entries in the given order, which {@link Safetensors} makes the reference order), padded with
   * spaces to a multiple of 8.
   */
  public byte[] encode() {
    ObjectNode root = JSON.createObjectNode();
    if (!metadata.isEmpty()) {
      // Sorted keys: the same metadata always gives the same bytes (the reference keeps it in a hash map, in no order).
      ObjectNode meta = root.putObject(METADATA_KEY);
      new java.util.TreeMap<>(metadata).forEach(meta::put);
    }
    for (TensorEntry entry : tensors) {
      ObjectNode node = root.putObject(entry.name());
      node.put("dtype", entry.stored());
      ArrayNode shape = node.putArray("shape");
      for (int dim : entry.shape().dims()) {
        shape.add(dim);
      }
      node.putArray("data_offsets").add(entry.begin()).add(entry.end());
    }
    byte[] json = root.toString().getBytes(StandardCharsets.UTF_8);
    int padded = (json.length + 7) / 8 * 8;
    byte[] out = java.util.Arrays.copyOf(json, padded);
    java.util.Arrays.fill(out, json.length, padded, (byte) ' ');
    return out;
  }
}
