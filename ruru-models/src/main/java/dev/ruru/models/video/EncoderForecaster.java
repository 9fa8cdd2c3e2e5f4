package dev.ruru.models.video;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Conv2dSpec;
import dev.ruru.autodiff.Tensor;
import dev.ruru.nn.Conv2d;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Mode;
import dev.ruru.nn.Parameter;
import dev.ruru.nn.Params;
import dev.ruru.nn.convrecurrent.ConvGRU;
import dev.ruru.nn.convrecurrent.ConvLSTM;
import dev.ruru.nn.convrecurrent.ConvRecurrentLayer;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Shi et al. (2015)'s encoder-forecaster. Frames [batch, T_in, 1, S, S] are cut into p×p patches
 * ([batch, T_in, p², S/p, S/p]); the encoder, a stack of convolutional recurrent layers, reads them; the
 * forecaster, a stack of the same shape, starts from the encoder's final states and runs T_out steps; a
 * 1×1 convolution of its last layer's maps and a sigmoid give the predicted patches, put back together
 * into frames [batch, T_out, 1, S, S].
 *
 * <p>Two departures from the paper, both for training in minutes on a CPU. The forecaster reads the last
 * input frame at every step (Shi et al.'s reads nothing): the items' looks then need not pass through the
 * encoder's states, which are left to carry where and how fast they move. The 1×1 convolution reads the
 * last layer alone (Shi et al. join every layer's maps), and its bias starts at logit(0.05), so that the
 * first predictions are nearly black, like 90 % of a frame's pixels, rather than the sigmoid's grey 0.5,
 * which the first epoch would otherwise spend unlearning.
 */
public final class EncoderForecaster implements Layer {
  private final VideoSpec spec;
  private final ConvRecurrentLayer encoder;
  private final ConvRecurrentLayer forecaster;
  private final Conv2d head;

  EncoderForecaster(VideoSpec spec, SplittableRandom rng) {
    this.spec = spec;
    int[] hidden = spec.hidden().stream().mapToInt(Integer::intValue).toArray();
    int channels = spec.patchChannels();
    this.encoder = recurrent(spec, channels, hidden, rng);
    this.forecaster = recurrent(spec, channels, hidden, rng);
    this.head = new Conv2d(hidden[hidden.length - 1], channels, 1, 1, Conv2dSpec.of(1, 0), DType.FLOAT32, rng);
    head.bias().set(NDArray.full(Shape.of(channels), Math.log(0.05 / 0.95), DType.FLOAT32));
  }

  private static ConvRecurrentLayer recurrent(VideoSpec spec, int channels, int[] hidden, SplittableRandom rng) {
    return spec.cell().equals(VideoSpec.CONVLSTM) ? new ConvLSTM(channels, hidden, spec.kernel(), DType.FLOAT32, rng)
        : new ConvGRU(channels, hidden, spec.kernel(), DType.FLOAT32, rng);
  }

  /** The predicted future frames [batch, T_out, 1, S, S] in [0, 1] for input frames [batch, T_in, 1, S, S]. */
  @Override
  public Tensor forward(Tensor input, Mode mode) {
    int size = spec.frameSize();
    if (!input.shape().equals(Shape.of(input.shape().dim(0), spec.inputFrames(), 1, size, size))) {
      throw new IllegalArgumentException("EncoderForecaster: expected frames [batch, " + spec.inputFrames() + ", 1, " + size + ", " + size
          + "], got " + input.shape());
    }
    int batch = input.shape().dim(0), cells = size / spec.patch();
    Tensor patched = patches(input.astype(DType.FLOAT32));
    var encoded = encoder.run(patched, null);
    Tensor last = patched.slice(1, spec.inputFrames() - 1, spec.inputFrames(), 1)
        .broadcastTo(Shape.of(batch, spec.futureFrames(), spec.patchChannels(), cells, cells));
    Tensor maps = forecaster.run(last, encoded.states()).output();
    int hidden = maps.shape().dim(2);
    Tensor predicted = head.forward(maps.reshape(batch * spec.futureFrames(), hidden, cells, cells), mode).sigmoid();
    return frames(predicted.reshape(batch, spec.futureFrames(), spec.patchChannels(), cells, cells));
  }

  /** [B, T, 1, S, S] to [B, T, p², S/p, S/p]: channel a·p + b holds pixel (a, b) of every patch. */
  Tensor patches(Tensor frames) {
    int[] d = frames.shape().dims();
    int p = spec.patch(), cells = d[3] / p;
    return frames.reshape(d[0], d[1], cells, p, cells, p).permute(0, 1, 3, 5, 2, 4).reshape(d[0], d[1], p * p, cells, cells);
  }

  /** The inverse of {@link #patches}. */
  Tensor frames(Tensor patched) {
    int[] d = patched.shape().dims();
    int p = spec.patch(), cells = d[3];
    return patched.reshape(d[0], d[1], p, p, cells, cells).permute(0, 1, 4, 2, 5, 3).reshape(d[0], d[1], 1, cells * p, cells * p);
  }

  @Override
  public Map<String, Layer> children() {
    return Params.of("encoder", encoder, "forecaster", forecaster, "head", head);
  }

  @Override
  public Map<String, Parameter> parameters() {
    return Params.merge(Params.nested("encoder", encoder.parameters()), Params.nested("forecaster", forecaster.parameters()),
        Params.nested("head", head.parameters()));
  }

  public VideoSpec spec() { return spec; }

  @Override
  public String toString() {
    return "EncoderForecaster(" + spec.describe() + ")";
  }
}
