package dev.ruru.models.wavenet;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Autodiff;
import dev.ruru.data.audio.Waveform;
import dev.ruru.nn.Mode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Sampling audio from a {@link WaveNet}, a code at a time: each new code is drawn from the softmax of
 * the logits divided by the temperature (0: the most likely code) and fed back as the next input. The
 * first input is silence (code 128) and the layers' inputs before it are zeros, as the causal
 * convolutions' padding has them in training.
 *
 * <p>{@link Caching#RECOMPUTE} runs the whole network over the last receptive field of codes for every
 * sample, the cost of a forward pass over RF positions. {@link Caching#QUEUES} is "fast WaveNet" (Paine et
 * al. 2016): layer i of dilation d needs, besides its current input, only its input d steps back, so each
 * layer keeps its last d inputs in a queue and a sample costs one step per layer. Both compute the same
 * logits, so the same generator draws the same samples.
 *
 * <pre>{@code
 * NDArray codes = WaveNetGeneration.generate(net, NDArray.of(new int[] {7}, 1), 8000, 1.0, rng, Caching.QUEUES);
 * NDArray audio = MuLaw.decode(codes);        // [1, 8000] samples in [-1, 1]
 * }</pre>
 */
public final class WaveNetGeneration {
  /** How the network's past activations are obtained for each new sample. */
  public enum Caching {
    /** Each layer keeps its past inputs in a queue: one step per layer per sample. */
    QUEUES,
    /** The network runs over the last receptive field of codes for every sample. */
    RECOMPUTE
  }

  /** The longest audio {@link #speak} makes: a minute (480,000 steps at 8 kHz). */
  public static final double MAX_SECONDS = 60;

  private WaveNetGeneration() {}

  /**
   * {@code samples} codes [B, samples] (int32) for each of {@code digits} [B], drawn from {@code rng} at
   * {@code temperature} (0 takes the most likely code).
   */
  public static NDArray generate(WaveNet net, NDArray digits, int samples, double temperature, RandomGenerator rng, Caching caching) {
    if (samples < 1) {
      throw new IllegalArgumentException("wavenet generation: the number of samples must be positive, got " + samples);
    }
    if (!(temperature >= 0) || Double.isInfinite(temperature)) {
      throw new IllegalArgumentException("wavenet generation: the temperature must be 0 or more, got " + temperature);
    }
    int batch = digits.dim(0);
    NDArray start = NDArray.full(Shape.of(batch), MuLaw.SILENCE, DType.INT32);
    net.logits(start.reshape(batch, 1), digits, Mode.EVAL);    // checks the digits before a long loop
    NextLogits next = caching == Caching.QUEUES ? new Queues(net, digits) : new Recompute(net, digits);
    int[] codes = new int[batch * samples];
    int[] input = start.toIntArray();
    for (int t = 0; t < samples; t++) {
      input = Sampling.draw(next.after(input), batch, MuLaw.LEVELS, temperature, rng);
      for (int b = 0; b < batch; b++) {
        codes[b * samples + t] = input[b];
      }
    }
    return NDArray.wrap(codes, batch, samples);
  }

  /**
   * {@code seconds} of audio of {@code digit} at the model's sample rate, drawn from {@code seed}: what
   * {@code ruru generate --digit D} writes ({@code --recompute} for {@link Caching#RECOMPUTE}).
   */
  public static Waveform speak(WaveNet net, int digit, double seconds, double temperature, long seed, Caching caching) {
    int classes = net.spec().digits();
    if (digit < 0 || digit >= classes) {
      throw new IllegalArgumentException("--digit " + digit + ": outside 0.." + (classes - 1) + "; the model speaks the digits 0 to "
          + (classes - 1));
    }
    if (!(seconds > 0 && seconds <= MAX_SECONDS)) {
      throw new IllegalArgumentException("--seconds " + seconds + ": expected more than 0 and at most " + MAX_SECONDS);
    }
    int samples = (int) Math.max(1, Math.round(seconds * net.spec().sampleRate()));
    NDArray codes = generate(net, NDArray.wrap(new long[] {digit}, 1), samples, temperature, new SplittableRandom(seed), caching);
    return Waveform.mono(net.spec().sampleRate(), MuLaw.decode(codes).reshape(samples).toFloatArray());
  }

  /**
   * The logits [B, 256, T] that {@code caching} computes when codes [B, T] are fed one at a time, as
   * generation feeds its samples: both ways must equal {@link WaveNet#logits} of the whole sequence.
   */
  static NDArray stepwiseLogits(WaveNet net, NDArray digits, NDArray codes, Caching caching) {
    NextLogits next = caching == Caching.QUEUES ? new Queues(net, digits) : new Recompute(net, digits);
    int batch = codes.dim(0);
    int time = codes.dim(1);
    int[] all = codes.toIntArray();
    double[] out = new double[batch * MuLaw.LEVELS * time];
    for (int t = 0; t < time; t++) {
      int[] input = new int[batch];
      for (int b = 0; b < batch; b++) {
        input[b] = all[b * time + t];
      }
      double[] logits = next.after(input);
      for (int i = 0; i < batch * MuLaw.LEVELS; i++) {
        out[i * time + t] = logits[i];
      }
    }
    return NDArray.wrap(out, batch, MuLaw.LEVELS, time);
  }

  /** The logits [B·256] of the code after {@code input} [B], given every input before it. */
  private interface NextLogits {
    double[] after(int[] input);
  }

  /** Fast WaveNet: each layer's last d inputs in a ring ({@link LayerStep}), so x_i[t − d] is at hand. */
  private static final class Queues implements NextLogits {
    private final List<LayerStep> steps = new ArrayList<>();
    private final WaveNet.HeadStep head;
    private final double[] table;
    private final int channels;
    private final int batch;

    Queues(WaveNet net, NDArray digits) {
      for (GatedLayer layer : net.layers()) {
        steps.add(layer.stepper(digits));
      }
      this.head = net.headStepper();
      this.table = net.embeddingTable();
      this.channels = net.spec().residualChannels();
      this.batch = digits.dim(0);
    }

    @Override
    public double[] after(int[] input) {
      double[] x = new double[batch * channels];
      double[] next = new double[batch * channels];
      for (int b = 0; b < batch; b++) {
        System.arraycopy(table, input[b] * channels, x, b * channels, channels);
      }
      double[] skips = new double[batch * head.skipChannels()];
      for (LayerStep step : steps) {
        step.apply(x, skips, next);
        double[] swap = x;
        x = next;
        next = swap;
      }
      return head.apply(skips, batch);
    }
  }

  /** The network over the last receptive field of inputs, for every sample. */
  private static final class Recompute implements NextLogits {
    private final WaveNet net;
    private final NDArray digits;
    private final List<NDArray> inputs = new ArrayList<>();

    Recompute(WaveNet net, NDArray digits) {
      this.net = net;
      this.digits = digits;
    }

    @Override
    public double[] after(int[] input) {
      inputs.add(NDArray.wrap(input.clone(), input.length));
      int field = net.spec().receptiveField();
      List<NDArray> window = inputs.subList(Math.max(0, inputs.size() - field), inputs.size());
      NDArray codes = NDArray.stack(window, 1);
      int last = window.size() - 1;
      return Autodiff.noGrad(() -> net.logits(codes, digits, Mode.EVAL).value().slice(2, last, last + 1, 1)).toDoubleArray();
    }
  }
}
