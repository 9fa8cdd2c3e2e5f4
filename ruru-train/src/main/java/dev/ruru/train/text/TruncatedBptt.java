package dev.ruru.train.text;

import dev.ruru.array.NDArray;
import dev.ruru.autodiff.Gradients;
import dev.ruru.autodiff.Tensor;
import dev.ruru.data.Batch;
import dev.ruru.data.text.TokenStreams;
import dev.ruru.nn.Mode;
import dev.ruru.nn.Parameter;
import dev.ruru.nn.Params;
import dev.ruru.nn.RecurrentState;
import dev.ruru.optim.GradientClipping;
import dev.ruru.optim.Optimizer;
import java.util.Map;

/**
 * Truncated backpropagation through time: a recurrent language model reads B long streams of a text
 * chunk by chunk ({@link TokenStreams}), and the state at the end of one chunk starts the next, so the
 * model sees context far longer than a chunk, while gradients stop at the chunk boundary (the state is
 * {@link RecurrentState#detach() detached}) and each update costs one chunk's backward pass. Random
 * windows ({@link RandomWindows}) start every window from zeros instead.
 *
 * <pre>{@code
 * TruncatedBptt bptt = new TruncatedBptt(model, optimizer, 1.0);
 * for (int epoch = 0; epoch < 5; epoch++) {
 *   double loss = bptt.epoch(new TokenStreams(ids, 32, 64));   // the state restarts at each epoch
 * }
 * }</pre>
 */
public final class TruncatedBptt {
  private final CharLanguageModel model;
  private final Optimizer optimizer;
  private final double clipNorm;
  private final Map<String, Parameter> parameters;

  /** {@code clipNorm}: the gradients' global norm limit, or 0 for none (recurrent models usually want one). */
  public TruncatedBptt(CharLanguageModel model, Optimizer optimizer, double clipNorm) {
    if (!model.spec().recurrent()) {
      throw new IllegalArgumentException("truncated backpropagation through time carries a recurrent state; " + model.spec().architecture()
          + " has none (train it on random windows)");
    }
    this.model = model;
    this.optimizer = optimizer;
    this.clipNorm = clipNorm;
    this.parameters = model.parameters();
  }

  /** One pass over the chunks of {@code streams}, one update per chunk; returns the mean training loss. */
  public double epoch(TokenStreams streams) {
    RecurrentState state = null;
    double sum = 0;
    for (Batch chunk : streams) {
      CharLanguageModel.Step step = model.step(Tensor.constant(chunk.features()), state, Mode.TRAIN);
      Tensor loss = CharLanguageModel.loss().apply(step.logits(), chunk.labels());
      Gradients gradients = loss.backward(Params.tensors(parameters));
      Map<Parameter, NDArray> byParameter = Params.gradients(parameters, gradients);
      if (clipNorm > 0) {
        byParameter = GradientClipping.byGlobalNorm(byParameter, clipNorm).gradients();
      }
      optimizer.step(byParameter);
      state = step.state().detach();
      sum += loss.item();
    }
    return sum / streams.chunkCount();
  }

  /**
   * The mean loss over {@code streams} without training, carrying the state across all chunks: with a
   * carried state, each position is predicted from everything before it in its stream.
   */
  public double evaluate(TokenStreams streams) {
    return dev.ruru.autodiff.Autodiff.noGrad(() -> {
      RecurrentState state = null;
      double sum = 0;
      for (Batch chunk : streams) {
        CharLanguageModel.Step step = model.step(Tensor.constant(chunk.features()), state, Mode.EVAL);
        sum += CharLanguageModel.loss().apply(step.logits(), chunk.labels()).item();
        state = step.state();
      }
      return sum / streams.chunkCount();
    });
  }
}
