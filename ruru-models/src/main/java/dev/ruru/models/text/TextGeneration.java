package dev.ruru.models.text;

import dev.ruru.array.NDArray;
import dev.ruru.autodiff.Autodiff;
import dev.ruru.autodiff.Tensor;
import dev.ruru.data.text.SamplingSettings;
import dev.ruru.data.text.TokenSampler;
import dev.ruru.nn.Mode;
import dev.ruru.nn.RecurrentState;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Samples text from a {@link CharLanguageModel}, one token at a time: the prompt goes in, each sampled
 * token is appended and fed back. A recurrent model reads the prompt once and then carries its state,
 * one step per token; a Transformer re-reads the last {@code context} tokens for each new one.
 * The same model, prompt, settings and generator state give the same text.
 *
 * <pre>{@code
 * int[] text = TextGeneration.generate(model, tokenizer.encodePrompt("The "), 200, SamplingSettings.DEFAULT.withTopK(5), rng);
 * }</pre>
 */
public final class TextGeneration {
  /**
   * The most tokens one call generates: the text is held in memory and returned at once, and it is sampled
   * one token at a time (a million is minutes of sampling); longer texts are made in pieces, each
   * continuing the last as its prompt.
   */
  public static final int MAX_LENGTH = 1_000_000;

  private TextGeneration() {}

  /** Refuses a {@code --length} outside [0, {@link #MAX_LENGTH}], saying why. */
  public static void checkLength(int length) {
    if (length < 0 || length > MAX_LENGTH) {
      throw new IllegalArgumentException("Invalid --length: " + length + " (must be in [0, " + MAX_LENGTH + "]: the text is sampled one"
          + " character at a time and held in memory; generate a longer text in pieces, each continuing the last with --prompt)");
    }
  }

  /** {@code prompt} (at least one token) followed by {@code length} sampled tokens. */
  public static int[] generate(CharLanguageModel model, int[] prompt, int length, SamplingSettings settings, RandomGenerator rng) {
    if (prompt.length == 0) {
      throw new IllegalArgumentException("generate: the prompt must hold at least one token");
    }
    checkLength(length);
    TokenSampler sampler = new TokenSampler(settings);
    int[] text = Arrays.copyOf(prompt, prompt.length + length);
    return Autodiff.noGrad(() -> {
      CharLanguageModel.Step step = model.spec().recurrent() ? model.step(ids(text, 0, prompt.length), null, Mode.EVAL) : null;
      for (int n = prompt.length; n < text.length; n++) {
        if (!model.spec().recurrent()) {
          int from = Math.max(0, n - model.spec().context());
          step = model.step(ids(text, from, n), null, Mode.EVAL);
        }
        text[n] = sampler.sample(CharLanguageModel.lastLogits(step.logits()), rng);
        if (model.spec().recurrent() && n + 1 < text.length) {
          RecurrentState state = step.state();
          step = model.step(ids(text, n, n + 1), state, Mode.EVAL);
        }
      }
      return text;
    });
  }

  private static Tensor ids(int[] text, int from, int to) {
    long[] ids = new long[to - from];
    for (int i = from; i < to; i++) {
      ids[i - from] = text[i];
    }
    return Tensor.constant(NDArray.wrap(ids, 1, ids.length));
  }
}
