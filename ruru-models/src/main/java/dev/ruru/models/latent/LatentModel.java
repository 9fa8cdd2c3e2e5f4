package dev.ruru.models.latent;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.autodiff.Conv2dSpec;
import dev.ruru.autodiff.Tensor;
import dev.ruru.nn.Conv2d;
import dev.ruru.nn.Flatten;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Linear;
import dev.ruru.nn.Mode;
import dev.ruru.nn.Parameter;
import dev.ruru.nn.Params;
import dev.ruru.nn.ReLU;
import dev.ruru.nn.Sequential;
import dev.ruru.nn.Unflatten;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * An autoencoder or a VAE: an encoder from images to features, a head from the features to the code
 * (for a VAE two heads, the Gaussian posterior's mean and log-variance), and a decoder from a code back
 * to one logit per pixel (σ(logit) is the reconstruction, or the Bernoulli decoder's probability). A
 * conditional model appends the label's one-hot vector to the encoder's features and to the code.
 *
 * <p>Parameter names: {@code encoder.*}, {@code mean.*}, {@code log_variance.*} (VAE only),
 * {@code decoder.*}; {@link #forward} is the reconstruction σ(decode(mean(x))) of an unconditional model.
 *
 * <pre>{@code
 * LatentModel vae = LatentSpec.of("vae", 20, 400, 0).build(rng);
 * LatentModel.Encoding q = vae.encode(Tensor.constant(images), null, Mode.EVAL);  // mean, logVariance [n, 20]
 * Tensor logits = vae.decode(q.mean(), null, Mode.EVAL);                         // [n, 784]
 * }</pre>
 */
public final class LatentModel implements Layer {
  /** The two convolutions' widths of a convolutional encoder, mirrored by its decoder. */
  static final int[] CHANNELS = {32, 64};
  private final LatentSpec spec;
  private final Layer encoder;
  private final Linear mean;
  private final Linear logVariance;
  private final Layer decoder;

  /** The encoder's output for a batch: the code (an autoencoder's, or a VAE's posterior mean) and, for a VAE, log σ². */
  public record Encoding(Tensor mean, Tensor logVariance) {}

  LatentModel(LatentSpec spec, RandomGenerator rng) {
    this.spec = spec;
    int features = spec.isConvolutional() ? CHANNELS[1] * spec.pixels() / 16 : spec.hidden();
    this.encoder = spec.isConvolutional()
        ? new Sequential(new Conv2d(1, CHANNELS[0], 3, Conv2dSpec.of(2, 1), rng), new ReLU(), new Conv2d(CHANNELS[0], CHANNELS[1], 3,
            Conv2dSpec.of(2, 1), rng), new ReLU(), new Flatten())
        : new Sequential(new Linear(spec.pixels(), spec.hidden(), rng), new ReLU());
    this.mean = new Linear(features + spec.classes(), spec.latent(), rng);
    this.logVariance = spec.isVariational() ? new Linear(features + spec.classes(), spec.latent(), rng) : null;
    this.decoder = spec.isConvolutional() ? convolutionalDecoder(spec, rng)
        : new Sequential(new Linear(spec.latent() + spec.classes(), spec.hidden(), rng), new ReLU(), new Linear(spec.hidden(), spec.pixels(), rng));
  }

  private static Layer convolutionalDecoder(LatentSpec spec, RandomGenerator rng) {
    int h = spec.height() / 4;
    int w = spec.width() / 4;
    return new Sequential(new Linear(spec.latent() + spec.classes(), CHANNELS[1] * h * w, rng), new ReLU(), new Unflatten(1, CHANNELS[1], h, w),
        spec.upsampling().stage(CHANNELS[1], CHANNELS[0], rng), new ReLU(), spec.upsampling().stage(CHANNELS[0], 1, rng), new Flatten());
  }

  public LatentSpec spec() { return spec; }

  /**
   * The code of {@code images} ([n, H, W], [n, 1, H, W] or [n, H·W], values in [0, 1]); {@code labels} [n]
   * for a conditional model, else null.
   */
  public Encoding encode(Tensor images, NDArray labels, Mode mode) {
    int n = images.shape().dim(0);
    if (images.shape().size() != (long) n * spec.pixels()) {
      throw new IllegalArgumentException(spec.architecture() + ": expected images of " + spec.height() + "x" + spec.width() + " pixels, got "
          + images.shape() + "; the model was trained on " + spec.height() + "x" + spec.width() + " images");
    }
    Tensor input = spec.isConvolutional() ? images.reshape(n, 1, spec.height(), spec.width()) : images.reshape(n, spec.pixels());
    Tensor features = withLabels(encoder.forward(input, mode), labels);
    return new Encoding(mean.forward(features, mode), logVariance == null ? null : logVariance.forward(features, mode));
  }

  /** One logit per pixel, [n, H·W], for codes [n, latent] (and {@code labels} [n] for a conditional model). */
  public Tensor decode(Tensor code, NDArray labels, Mode mode) {
    if (code.rank() != 2 || code.shape().dim(1) != spec.latent()) {
      throw new IllegalArgumentException(spec.architecture() + ": expected codes [n, " + spec.latent() + "], got " + code.shape());
    }
    return decoder.forward(withLabels(code, labels), mode);
  }

  /** The reconstruction σ(decode(code of x)) [n, H·W] of an unconditional model. */
  @Override
  public Tensor forward(Tensor input, Mode mode) {
    return decode(encode(input, null, mode).mean(), null, mode).sigmoid();
  }

  private Tensor withLabels(Tensor x, NDArray labels) {
    if (!spec.isConditional()) {
      if (labels != null) {
        throw new IllegalArgumentException(spec.architecture() + ": the model is not conditional; it takes no labels (no --class)");
      }
      return x;
    }
    if (labels == null || labels.rank() != 1 || labels.dim(0) != x.shape().dim(0)) {
      throw new IllegalArgumentException(spec.architecture() + ": a conditional model needs one label per example, got "
          + (labels == null ? "none" : labels.shape().toString()) + " for " + x.shape().dim(0) + " examples");
    }
    long[] values = labels.toLongArray();
    for (long value : values) {
      if (value < 0 || value >= spec.classes()) {
        throw new IllegalArgumentException(spec.architecture() + ": class " + value + " is outside the model's classes 0.." + (spec.classes() - 1));
      }
    }
    NDArray oneHot = NDArray.oneHot(labels, spec.classes(), x.dtype().isFloating() ? x.dtype() : DType.FLOAT32);
    return Tensor.concat(List.of(x, Tensor.constant(oneHot)), 1);
  }

  @Override
  public Map<String, Parameter> parameters() {
    List<Map<String, Parameter>> parts = new ArrayList<>();
    parts.add(Params.nested("encoder", encoder.parameters()));
    parts.add(Params.nested("mean", mean.parameters()));
    if (logVariance != null) {
      parts.add(Params.nested("log_variance", logVariance.parameters()));
    }
    parts.add(Params.nested("decoder", decoder.parameters()));
    return Params.merge(parts);
  }

  @Override
  public String toString() {
    return spec.describe();
  }
}
