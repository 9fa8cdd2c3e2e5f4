package dev.ruru.train.model;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model description ({@code model.json}) read strictly, so that a file that says something other than
 * what was meant is refused rather than half-understood: one JSON object and nothing after it, no key
 * twice, no key the format does not know, and every value of its key's type with no coercion ({@code 10.5}
 * is not an integer, {@code "0.5"} not a number). Every message reads
 * {@code <file>: "<key>": expected <what>, found <value>}; keys inside an object are named by their
 * path, {@code "model.hidden"}.
 *
 * <pre>{@code
 * ModelJson json = ModelJson.parse(ModelJson.read(file), file.toString());
 * int classes = json.integer("classes");
 * }</pre>
 */
public final class ModelJson {
  /** The largest description read: a char model's embeds its vocabulary, which may be this large too. */
  public static final long MAX_BYTES = 64L << 20;

  private static final ObjectMapper STRICT = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private final ObjectNode node;
  private final String source;
  private final String path;

  private ModelJson(ObjectNode node, String source, String path) {
    this.node = node;
    this.source = source;
    this.path = path;
  }

  /** The bytes of {@code file}, refused unread when it is larger than {@link #MAX_BYTES}. */
  public static byte[] read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw new IllegalArgumentException(file + ": more than " + MAX_BYTES + " bytes, too large for a model description"
            + " (a model.json is a few kilobytes)");
      }
      return bytes;
    }
  }

  /** {@code bytes} as one strict JSON object; {@code source} names the file in messages. */
  public static ModelJson parse(byte[] bytes, String source) {
    JsonNode root;
    try {
      root = STRICT.readTree(bytes);
    } catch (MismatchedInputException e) {
      // FAIL_ON_TRAILING_TOKENS's own message names Jackson's classes; say what it means.
      throw new IllegalArgumentException(source + ": text after the JSON object" + at(e.getLocation())
          + "; a model description is one JSON object and nothing else", e);
    } catch (IOException e) {
      String problem = e instanceof JsonProcessingException json ? json.getOriginalMessage() + at(json.getLocation()) : e.getMessage();
      throw new IllegalArgumentException(source + ": not valid JSON: " + problem, e);
    }
    if (!(root instanceof ObjectNode object)) {
      throw new IllegalArgumentException(source + ": expected a JSON object {...}, found "
          + (root == null || root.isMissingNode() ? "nothing" : shortened(root)));
    }
    return new ModelJson(object, source, "");
  }

  private static String at(JsonLocation location) {
    return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }

  /** The file, for messages. */
  public String source() {
    return source;
  }

  /** Refuses a missing {@code required} key, and any key neither {@code required} nor {@code optional}. */
  public void checkKeys(List<String> required, List<String> optional) {
    for (String key : required) {
      if (!node.has(key)) {
        throw new IllegalArgumentException(source + ": " + name(key) + " is missing" + (path.isEmpty() ? "" : " from \"" + path + "\""));
      }
    }
    for (String key : (Iterable<String>) () -> node.fieldNames()) {
      if (!required.contains(key) && !optional.contains(key)) {
        List<String> known = new ArrayList<>(required);
        known.addAll(optional);
        throw new IllegalArgumentException(source + ": unknown key " + name(key) + "; expected only " + known);
      }
    }
  }

  public boolean has(String key) {
    return node.has(key);
  }

  /** The object under {@code key}, read as strictly. */
  public ModelJson object(String key) {
    if (!(node.get(key) instanceof ObjectNode object)) {
      throw mismatch(key, "an object {...}");
    }
    return new ModelJson(object, source, path + key + ".");
  }

  /** The value under {@code key} as it is, for a reader of its own (a vocabulary). */
  public JsonNode raw(String key) {
    JsonNode value = node.get(key);
    if (value == null) {
      throw new IllegalArgumentException(source + ": " + name(key) + " is missing");
    }
    return value;
  }

  public String text(String key) {
    JsonNode value = node.get(key);
    if (value == null || !value.isTextual()) {
      throw mismatch(key, "a string");
    }
    return value.textValue();
  }

  /** An integral JSON number that fits an {@code int}: {@code 10}, not {@code 10.5}, {@code 10.0} or {@code "10"}. */
  public int integer(String key) {
    JsonNode value = node.get(key);
    if (value == null || !isInt(value)) {
      throw mismatch(key, "an integer");
    }
    return value.intValue();
  }

  /** Any JSON number: {@code 0}, {@code 0.25}, not {@code "0.25"}. */
  public double number(String key) {
    JsonNode value = node.get(key);
    if (value == null || !value.isNumber()) {
      throw mismatch(key, "a number");
    }
    return value.doubleValue();
  }

  public List<Integer> integers(String key) {
    List<Integer> values = new ArrayList<>();
    for (JsonNode item : array(key, "an array of integers")) {
      if (!isInt(item)) {
        throw mismatch(key, "an array of integers");
      }
      values.add(item.intValue());
    }
    return values;
  }

  public List<String> texts(String key) {
    List<String> values = new ArrayList<>();
    for (JsonNode item : array(key, "an array of strings")) {
      if (!item.isTextual()) {
        throw mismatch(key, "an array of strings");
      }
      values.add(item.textValue());
    }
    return values;
  }

  /** An object whose values are all strings, such as {@code "notes"}, in file order. */
  public Map<String, String> textMap(String key) {
    JsonNode value = node.get(key);
    Map<String, String> values = new LinkedHashMap<>();
    if (!(value instanceof ObjectNode object)) {
      throw mismatch(key, "an object of strings");
    }
    for (Map.Entry<String, JsonNode> entry : object.properties()) {
      if (!entry.getValue().isTextual()) {
        throw mismatch(key, "an object of strings");
      }
      values.put(entry.getKey(), entry.getValue().textValue());
    }
    return values;
  }

  /** {@code true} or {@code false}, not {@code "true"} or {@code 1}. */
  public boolean flag(String key) {
    JsonNode value = node.get(key);
    if (value == null || !value.isBoolean()) {
      throw mismatch(key, "true or false");
    }
    return value.booleanValue();
  }

  /** An array of objects, each read as strictly; element i's keys are named {@code "key[i].name"} in messages. */
  public List<ModelJson> objects(String key) {
    List<ModelJson> values = new ArrayList<>();
    for (JsonNode item : array(key, "an array of objects")) {
      if (!(item instanceof ObjectNode object)) {
        throw mismatch(key, "an array of objects");
      }
      values.add(new ModelJson(object, source, path + key + "[" + values.size() + "]."));
    }
    return values;
  }

  /** {@code source: "key": expected what, found value}: the message for a value of the wrong type. */
  public IllegalArgumentException mismatch(String key, String expected) {
    JsonNode value = node.get(key);
    return new IllegalArgumentException(source + ": " + name(key) + ": expected " + expected + ", found "
        + (value == null ? "nothing (the key is missing)" : shortened(value)));
  }

  private Iterable<JsonNode> array(String key, String expected) {
    JsonNode value = node.get(key);
    if (value == null || !value.isArray()) {
      throw mismatch(key, expected);
    }
    return value;
  }

  private static boolean isInt(JsonNode value) {
    return value.isIntegralNumber() && value.canConvertToInt();
  }

  private String name(String key) {
    return "\"" + path + key + "\"";
  }

  /** The value as JSON, cut to 80 characters: a message shows what was found, not a whole vocabulary. */
  private static String shortened(JsonNode value) {
    String text = value.toString();
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}
