package dev.ruru.train.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * What a character language model is, enough to rebuild it (model.json): the architecture, the
 * vocabulary size and the layer sizes. {@code context} is the training window length: a Transformer's
 * learned positions cover that many steps, and generation feeds it at most that many characters.
 */
public record CharModelSpec(String architecture, int vocabulary, int embedding, int hidden, int layers, int heads, int context,
    double dropout) {
  public static final String LSTM = "char-lstm";
  public static final String GRU = "char-gru";
  public static final String TRANSFORMER = "char-transformer";
  public static final List<String> ARCHITECTURES = List.of(LSTM, GRU, TRANSFORMER);

  public CharModelSpec {
    if (!ARCHITECTURES.contains(architecture)) {
      throw new IllegalArgumentException("unknown language model '" + architecture + "'; expected one of " + String.join(", ", ARCHITECTURES));
    }
    positive("vocabulary size", vocabulary);
    positive("--embedding", embedding);
    positive("--hidden", hidden);
    positive("--layers", layers);
    positive("--heads", heads);
    positive("--seq-len", context);
    if (!(dropout >= 0 && dropout < 1)) {
      throw new IllegalArgumentException("Invalid --dropout: " + dropout + " (must be in [0, 1))");
    }
    if (architecture.equals(TRANSFORMER) && embedding % heads != 0) {
      throw new IllegalArgumentException("char-transformer: --embedding " + embedding + " must be divisible by --heads " + heads);
    }
  }

  private static void positive(String what, int value) {
    if (value < 1) {
      throw new IllegalArgumentException("Invalid " + what + ": " + value + " (must be >= 1)");
    }
  }

  public boolean recurrent() { return !architecture.equals(TRANSFORMER); }

  public CharLanguageModel build(RandomGenerator rng) {
    return new CharLanguageModel(this, rng);
  }

  public String describe() {
    String core = switch (architecture) {
      case LSTM -> "LSTM(" + embedding + " -> " + hidden + (layers > 1 ? " x" + layers : "") + ")";
      case GRU -> "GRU(" + embedding + " -> " + hidden + (layers > 1 ? " x" + layers : "") + ")";
      default -> "TransformerEncoder(" + layers + " pre-norm causal layers, d " + embedding + ", " + heads + " heads, feed-forward " + hidden
          + ", context " + context + ")";
    };
    int width = recurrent() ? hidden : embedding;
    return String.format(Locale.ROOT, "Embedding(%d, %d) -> %s -> Linear(%d -> %d)%s", vocabulary, embedding, core, width, vocabulary,
        dropout > 0 ? ", dropout " + dropout : "");
  }

  public ObjectNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("architecture", architecture);
    node.put("vocabulary", vocabulary);
    node.put("embedding", embedding);
    node.put("hidden", hidden);
    node.put("layers", layers);
    node.put("heads", heads);
    node.put("context", context);
    node.put("dropout", dropout);
    return node;
  }

  /** The spec in {@code node}; {@code source} names the file in errors. */
  public static CharModelSpec fromJson(JsonNode node, String source) {
    for (String key : List.of("architecture", "vocabulary", "embedding", "hidden", "layers", "heads", "context", "dropout")) {
      if (!node.hasNonNull(key)) {
        throw new IllegalArgumentException(source + ": the language model description has no \"" + key + "\"");
      }
    }
    return new CharModelSpec(node.get("architecture").asText(), node.get("vocabulary").asInt(), node.get("embedding").asInt(),
        node.get("hidden").asInt(), node.get("layers").asInt(), node.get("heads").asInt(), node.get("context").asInt(),
        node.get("dropout").asDouble());
  }
}
