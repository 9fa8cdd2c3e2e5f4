package dev.ruru.data.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruru.array.io.AtomicFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The vocabulary file, version 1:
 * <pre>{@code
 * {
 *   "format" : "ruru-vocabulary",
 *   "version" : 1,
 *   "kind" : "char",
 *   "size" : 65,
 *   "unknown" : "\uFFFD",
 *   "tokens" : [ " ", "e", "t", ... ]
 * }
 * }</pre>
 * {@code "unknown"} is {@code null} when there is no unknown token; {@code "size"} repeats the number of
 * tokens for people reading the file and is checked on reading.
 */
final class VocabularyJson {
  static final String FORMAT = "ruru-vocabulary";
  static final int VERSION = 1;
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private VocabularyJson() {}

  static String toJson(Vocabulary vocabulary) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.put("kind", vocabulary.kind().jsonName());
    root.put("size", vocabulary.size());
    root.put("unknown", vocabulary.unknown().orElse(null));
    ArrayNode tokens = root.putArray("tokens");
    vocabulary.tokens().forEach(tokens::add);
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("vocabulary: cannot write JSON: " + e.getOriginalMessage(), e);
    }
  }

  static void write(Vocabulary vocabulary, Path file) throws IOException {
    AtomicFile.writeString(file, toJson(vocabulary));
  }

  static Vocabulary read(Path file) throws IOException {
    String source = file.toString();
    if (Files.isDirectory(file)) {
      throw new VocabularyFormatException(source, "is a directory, not a vocabulary file");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      // The size check refuses a large file at once; reading one byte past the limit bounds the rest.
      long size = Files.size(file);
      bytes = size > Vocabulary.MAX_FILE_BYTES ? null : in.readNBytes((int) Vocabulary.MAX_FILE_BYTES + 1);
      if (bytes == null || bytes.length > Vocabulary.MAX_FILE_BYTES) {
        throw new VocabularyFormatException(source, "the file has " + (bytes == null ? size + " bytes" : "more bytes") + ", more than the "
            + Vocabulary.MAX_FILE_BYTES + " (64 MiB) a vocabulary file may have");
      }
    } catch (NoSuchFileException e) {
      throw new VocabularyFormatException(source, "no such file");
    }
    // Strict: new String(bytes, UTF_8) would turn bytes that are not UTF-8 into U+FFFD tokens without a word.
    return parse(TextCorpus.decodeStrictly(bytes, problem -> new VocabularyFormatException(source, problem)), source);
  }

  static Vocabulary parse(String json, String source) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      throw new VocabularyFormatException(source, "not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new VocabularyFormatException(source, "expected a JSON object with \"format\": \"" + FORMAT + "\", found "
          + (root == null || root.isMissingNode() ? "nothing" : root.getNodeType().toString().toLowerCase()));
    }
    if (!FORMAT.equals(root.path("format").asText(null))) {
      throw new VocabularyFormatException(source, "not a Ruru vocabulary (\"format\" is " + root.get("format") + ", expected \""
          + FORMAT + "\")");
    }
    JsonNode version = root.get("version");
    if (version == null || !version.isInt() || version.intValue() != VERSION) {
      throw new VocabularyFormatException(source, "\"version\" is " + version + "; this Ruru reads version " + VERSION);
    }
    try {
      TokenKind kind = TokenKind.fromJsonName(text(root, "kind"));
      List<String> tokens = tokens(root.get("tokens"));
      checkSize(root.get("size"), tokens.size());
      Optional<String> unknown = unknown(root.get("unknown"));
      return unknown.isPresent() ? Vocabulary.of(kind, tokens, unknown.get()) : Vocabulary.of(kind, tokens);
    } catch (VocabularyFormatException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new VocabularyFormatException(source, e.getMessage().replaceFirst("^Vocabulary: ", ""));
    }
  }

  private static String text(JsonNode root, String key) {
    JsonNode node = root.get(key);
    if (node == null || !node.isTextual()) {
      throw new IllegalArgumentException("\"" + key + "\" must be a string, found " + node);
    }
    return node.textValue();
  }

  private static List<String> tokens(JsonNode node) {
    if (node == null || !node.isArray()) {
      throw new IllegalArgumentException("\"tokens\" must be an array of strings, found " + (node == null ? "nothing" : node.getNodeType()));
    }
    List<String> tokens = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      JsonNode item = node.get(i);
      if (!item.isTextual()) {
        throw new IllegalArgumentException("\"tokens\" must be an array of strings; element " + i + " is " + item);
      }
      tokens.add(item.textValue());
    }
    return tokens;
  }

  private static void checkSize(JsonNode size, int tokenCount) {
    if (size != null && (!size.isInt() || size.intValue() != tokenCount)) {
      throw new IllegalArgumentException("\"size\" is " + size + " but \"tokens\" has " + tokenCount + " tokens");
    }
  }

  private static Optional<String> unknown(JsonNode node) {
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isTextual()) {
      throw new IllegalArgumentException("\"unknown\" must be a string or null, found " + node);
    }
    return Optional.of(node.textValue());
  }
}
