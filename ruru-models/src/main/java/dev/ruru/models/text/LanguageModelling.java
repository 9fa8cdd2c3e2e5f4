package dev.ruru.models.text;

import dev.ruru.array.NDArray;
import dev.ruru.autodiff.Tensor;
import dev.ruru.data.Batch;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Mode;
import dev.ruru.nn.RecurrentState;
import dev.ruru.optim.Optimizer;
import dev.ruru.train.objective.Objective;
import dev.ruru.train.objective.PassMetrics;
import dev.ruru.train.objective.Phase;
import dev.ruru.train.objective.Supervised;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Character language modelling: predict each next token of a batch of windows, softmax cross-entropy
 * averaged over every position. Reports {@code loss}, {@code accuracy} (next tokens guessed) and, over a
 * pass, {@code perplexity} = e^loss: how many tokens the model is, in effect, choosing between.
 *
 * <p>Two ways to read a text. <b>Random windows</b> ({@link #windows}): every window starts from a zero
 * state, so batches may come in any order. <b>Truncated backpropagation through time</b>
 * ({@link #truncatedBptt}, recurrent models only): the batches are B parallel streams of the text read
 * chunk by chunk ({@link dev.ruru.data.text.TokenStreams}), and the state at the end of one chunk starts
 * the next, so the model sees context far longer than a chunk, while gradients stop at the chunk boundary
 * (the state is {@link RecurrentState#detach() detached}) and each update costs one chunk's backward
 * pass. The state restarts at each pass.
 *
 * <pre>{@code
 * Objective objective = LanguageModelling.truncatedBptt(model, new Adam(model.parameters(), 3e-3));
 * Trainer.builder(objective).clipGradientNorm(1.0).build().fit(new TokenStreams(ids, 32, 64), null, 5);
 * }</pre>
 */
public final class LanguageModelling implements Objective {
  private final CharLanguageModel model;
  private final List<Phase> phases;
  private final boolean carryState;
  private RecurrentState state;

  private LanguageModelling(CharLanguageModel model, Optimizer optimizer, boolean carryState) {
    this.model = Objects.requireNonNull(model, "model");
    this.phases = List.of(Phase.of(optimizer));
    this.carryState = carryState;
  }

  /** Independent windows, each from a zero state (any model). */
  public static LanguageModelling windows(CharLanguageModel model, Optimizer optimizer) {
    return new LanguageModelling(model, optimizer, false);
  }

  /** Ordered chunks of parallel streams, the state carried (detached) from each chunk to the next: recurrent models only. */
  public static LanguageModelling truncatedBptt(CharLanguageModel model, Optimizer optimizer) {
    if (!model.spec().recurrent()) {
      throw new IllegalArgumentException("truncated backpropagation through time carries a recurrent state; " + model.spec().architecture()
          + " has none (train it on random windows)");
    }
    return new LanguageModelling(model, optimizer, true);
  }

  public CharLanguageModel model() { return model; }

  @Override
  public Map<String, Layer> models() {
    return Map.of("model", model);
  }

  @Override
  public List<Phase> phases() {
    return phases;
  }

  @Override
  public void startPass(Mode mode) {
    state = null;
  }

  @Override
  public Result compute(Batch batch, Phase phase, Mode mode) {
    CharLanguageModel.Step step = model.step(Tensor.constant(batch.features()), carryState ? state : null, mode);
    if (carryState) {
      state = step.state().detach();
    }
    NDArray logits = step.logits().value();
    return Result.of(CharLanguageModel.loss().apply(step.logits(), batch.labels())).with("accuracy", Supervised.accuracy(logits, batch.labels()));
  }

  @Override
  public PassMetrics newPass() {
    return new PassMetrics() {
      private final Means means = new Means();

      @Override
      public void add(Batch batch, Map<String, Double> metrics, NDArray outputs) {
        means.add(batch, metrics, outputs);
      }

      @Override
      public Map<String, Double> values() {
        Map<String, Double> values = new LinkedHashMap<>(means.values());
        if (values.containsKey("loss")) {
          values.put("perplexity", Math.exp(values.get("loss")));
        }
        return values;
      }
    };
  }
}
