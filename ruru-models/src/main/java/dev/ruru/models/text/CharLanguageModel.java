package dev.ruru.models.text;

import dev.ruru.array.NDArray;
import dev.ruru.autodiff.Tensor;
import dev.ruru.nn.AttentionMask;
import dev.ruru.nn.Embedding;
import dev.ruru.nn.GRU;
import dev.ruru.nn.LSTM;
import dev.ruru.nn.Layer;
import dev.ruru.nn.LearnedPositionalEncoding;
import dev.ruru.nn.Linear;
import dev.ruru.nn.Loss;
import dev.ruru.nn.Losses;
import dev.ruru.nn.Mode;
import dev.ruru.nn.Parameter;
import dev.ruru.nn.Params;
import dev.ruru.nn.RecurrentLayer;
import dev.ruru.nn.RecurrentOptions;
import dev.ruru.nn.RecurrentOutput;
import dev.ruru.nn.RecurrentState;
import dev.ruru.nn.TransformerEncoder;
import dev.ruru.nn.TransformerLayerConfig;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A next-character model: token ids [B, T] → logits [B, T, V] for the token after each position.
 * Embedding, then a recurrent stack (char-lstm, char-gru) or a causal pre-norm Transformer encoder with
 * learned positions (char-transformer), then a linear head over the vocabulary.
 *
 * <pre>{@code
 * CharLanguageModel model = new CharModelSpec("char-lstm", 65, 64, 256, 1, 1, 64, 0).build(rng);
 * Tensor logits = model.forward(Tensor.constant(ids), Mode.TRAIN);      // ids [32, 64] int64
 * Tensor loss = CharLanguageModel.loss().apply(logits, nextIds);       // mean over all 32·64 positions
 * }</pre>
 */
public final class CharLanguageModel implements Layer {
  private final CharModelSpec spec;
  private final Embedding embedding;
  private final RecurrentLayer recurrent;
  private final LearnedPositionalEncoding positions;
  private final TransformerEncoder transformer;
  private final Linear head;

  CharLanguageModel(CharModelSpec spec, RandomGenerator rng) {
    this.spec = spec;
    this.embedding = new Embedding(spec.vocabulary(), spec.embedding(), rng);
    RecurrentOptions options = RecurrentOptions.defaults().withLayers(spec.layers()).withDropout(spec.layers() > 1 ? spec.dropout() : 0);
    this.recurrent = switch (spec.architecture()) {
      case CharModelSpec.LSTM -> new LSTM(spec.embedding(), spec.hidden(), options, rng);
      case CharModelSpec.GRU -> new GRU(spec.embedding(), spec.hidden(), options, rng);
      default -> null;
    };
    this.positions = spec.recurrent() ? null : new LearnedPositionalEncoding(spec.context(), spec.embedding(), rng);
    this.transformer = spec.recurrent() ? null : TransformerEncoder.withFinalNorm(TransformerLayerConfig.of(spec.embedding(), spec.heads())
        .withFeedforwardDim(spec.hidden()).withDropout(spec.dropout())
        .withNormPlacement(TransformerLayerConfig.NormPlacement.PRE_NORM), spec.layers(), rng);
    this.head = new Linear(spec.recurrent() ? spec.hidden() : spec.embedding(), spec.vocabulary(), rng);
  }

  public CharModelSpec spec() { return spec; }

  /** Softmax cross-entropy of logits [B, T, V] against the next ids [B, T], averaged over every position. */
  public static Loss loss() {
    return (logits, next) -> {
      int vocabulary = logits.shape().dim(logits.rank() - 1);
      return Losses.crossEntropy(logits.reshape(-1, vocabulary), next.reshape(-1));
    };
  }

  @Override
  public Tensor forward(Tensor ids, Mode mode) {
    return step(ids, null, mode).logits();
  }

  /** Logits [B, T, V] and, for a recurrent model, the states after the last step (null for a Transformer). */
  public record Step(Tensor logits, RecurrentState state) {}

  /**
   * Runs {@code ids} [B, T] on from {@code state} (null: the start; recurrent models only): generation
   * feeds one token at a time and carries the state, and truncated backpropagation through time carries
   * it, detached, from one window to the next.
   */
  public Step step(Tensor ids, RecurrentState state, Mode mode) {
    if (ids.rank() != 2) {
      throw new IllegalArgumentException(spec.architecture() + ": expected token ids [batch, steps], got " + ids.shape());
    }
    int batch = ids.shape().dim(0), steps = ids.shape().dim(1);
    if (recurrent != null) {
      // The embedding and the first input projection are both linear: project the table, then look up.
      RecurrentOutput out = recurrent.runOnEmbedding(embedding.weight().tensor(), checkedIds(ids), state, mode);
      return new Step(logits(out.output(), batch, steps), out.state());
    }
    Tensor x = embedding.forward(ids, mode);
    if (state != null) {
      throw new IllegalArgumentException("char-transformer has no recurrent state; pass the last " + spec.context() + " tokens instead");
    }
    Tensor h = transformer.forward(positions.forward(x, mode), AttentionMask.causal(steps, steps), mode);
    return new Step(logits(h, batch, steps), null);
  }

  private NDArray checkedIds(Tensor ids) {
    long[] values = ids.value().toLongArray();
    for (int k = 0; k < values.length; k++) {
      if (values[k] < 0 || values[k] >= spec.vocabulary()) {
        throw new IndexOutOfBoundsException(spec.architecture() + ": token id " + values[k] + " at flat position " + k
            + " is outside the vocabulary [0, " + spec.vocabulary() + ")");
      }
    }
    return ids.value();
  }

  private Tensor logits(Tensor h, int batch, int steps) {
    int width = h.shape().dim(2);
    return head.forward(h.reshape(batch * steps, width), Mode.EVAL).reshape(batch, steps, spec.vocabulary());
  }

  @Override
  public Map<String, Parameter> parameters() {
    Map<String, Parameter> core = recurrent != null ? Params.nested("rnn", recurrent.parameters())
        : Params.merge(Params.nested("positions", positions.parameters()), Params.nested("transformer", transformer.parameters()));
    return Params.merge(List.of(Params.nested("embedding", embedding.parameters()), core, Params.nested("head", head.parameters())));
  }

  @Override
  public String toString() {
    return spec.describe();
  }

  /** The last row of {@code logits} [1, T, V]: the distribution of the token after the input. */
  static NDArray lastLogits(Tensor logits) {
    int steps = logits.shape().dim(1);
    return logits.value().slice(1, steps - 1, steps, 1).reshape(logits.shape().dim(2));
  }
}
