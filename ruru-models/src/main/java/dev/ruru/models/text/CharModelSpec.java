package dev.ruru.models.text;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruru.array.DType;
import dev.ruru.train.model.ModelJson;
import dev.ruru.train.model.ParameterShape;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import java.util.stream.Stream;

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
  /** The keys of the description's {@code "model"} object, all required. */
  private static final List<String> KEYS = List.of("architecture", "vocabulary", "embedding", "hidden", "layers", "heads", "context", "dropout");

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

  /**
   * The state dictionary {@link #build} gives, name by name in its order, without building it (PyTorch's
   * names: {@code nn.LSTM}/{@code nn.GRU}'s {@code weight_ih_l0}, ... with 4 or 3 gates;
   * {@code nn.TransformerEncoderLayer}'s {@code self_attn.in_proj_weight}, ...). Lazy, so a description
   * of a million layers is compared with a file only as far as they agree.
   */
  public Stream<ParameterShape> parameterShapes() {
    long vocabularySize = vocabulary;
    long width = recurrent() ? hidden : embedding;
    Stream<ParameterShape> core = recurrent() ? IntStream.range(0, layers).boxed().flatMap(this::recurrentLayer)
        : Stream.concat(Stream.of(shape("positions.weight", context, embedding)),
            Stream.concat(IntStream.range(0, layers).boxed().flatMap(this::transformerLayer),
                Stream.of(shape("transformer.norm.weight", embedding), shape("transformer.norm.bias", embedding))));
    return Stream.of(Stream.of(shape("embedding.weight", vocabularySize, embedding)), core,
        Stream.of(shape("head.weight", vocabularySize, width), shape("head.bias", vocabularySize))).flatMap(part -> part);
  }

  private Stream<ParameterShape> recurrentLayer(int layer) {
    long gates = (architecture.equals(LSTM) ? 4L : 3L) * hidden;
    return Stream.of(shape("rnn.weight_ih_l" + layer, gates, layer == 0 ? embedding : hidden), shape("rnn.weight_hh_l" + layer, gates, hidden),
        shape("rnn.bias_ih_l" + layer, gates), shape("rnn.bias_hh_l" + layer, gates));
  }

  private Stream<ParameterShape> transformerLayer(int layer) {
    String prefix = "transformer.layers." + layer + ".";
    long d = embedding;
    return Stream.of(shape(prefix + "self_attn.in_proj_weight", 3 * d, d), shape(prefix + "self_attn.in_proj_bias", 3 * d),
        shape(prefix + "self_attn.out_proj.weight", d, d), shape(prefix + "self_attn.out_proj.bias", d),
        shape(prefix + "linear1.weight", hidden, d), shape(prefix + "linear1.bias", hidden),
        shape(prefix + "linear2.weight", d, hidden), shape(prefix + "linear2.bias", d),
        shape(prefix + "norm1.weight", d), shape(prefix + "norm1.bias", d), shape(prefix + "norm2.weight", d), shape(prefix + "norm2.bias", d));
  }

  private static ParameterShape shape(String name, long... dims) {
    return ParameterShape.of(name, DType.FLOAT32, dims);
  }

  /** The spec in {@code json} (the {@code "model"} object of a model.json), read strictly; messages name the file and the key. */
  public static CharModelSpec fromJson(ModelJson json) {
    json.checkKeys(KEYS, List.of());
    String architecture = json.text("architecture");
    int vocabulary = json.integer("vocabulary");
    int embedding = json.integer("embedding");
    int hidden = json.integer("hidden");
    int layers = json.integer("layers");
    int heads = json.integer("heads");
    int context = json.integer("context");
    double dropout = json.number("dropout");
    try {
      return new CharModelSpec(architecture, vocabulary, embedding, hidden, layers, heads, context, dropout);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(json.source() + ": " + e.getMessage(), e);
    }
  }
}
