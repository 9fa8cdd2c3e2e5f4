package dev.ruru.models.gan;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Autodiff;
import dev.ruru.autodiff.Conv2dSpec;
import dev.ruru.autodiff.Tensor;
import dev.ruru.nn.BatchNorm2d;
import dev.ruru.nn.Conv2d;
import dev.ruru.nn.ConvTranspose2d;
import dev.ruru.nn.Flatten;
import dev.ruru.nn.Layer;
import dev.ruru.nn.LeakyReLU;
import dev.ruru.nn.Mode;
import dev.ruru.nn.ReLU;
import dev.ruru.nn.Sequential;
import dev.ruru.nn.Tanh;
import dev.ruru.nn.Unflatten;
import dev.ruru.train.model.ModelJson;
import dev.ruru.train.model.ParameterShape;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

/**
 * A DCGAN for 28×28 greyscale images, with f = {@code width} (PyTorch's parameter names, as
 * {@code torch.nn.Sequential} numbers them; bench/gan/dcgan.py builds the same networks):
 * <pre>
 *   generator      z [n, L(+C)] → [n, L(+C), 1, 1] → ConvT(2f, 7) → BN → ReLU → ConvT(f, 4, s 2, p 1) → BN → ReLU
 *                  → ConvT(1, 4, s 2, p 1) → Tanh → [n, 1, 28, 28] in (−1, 1)      (7 → 14 → 28)
 *   discriminator  x [n, 1(+C), 28, 28] → Conv(f, 4, s 2, p 1) → LeakyReLU 0.2 → Conv(2f, 4, s 2, p 1) → BN
 *                  → LeakyReLU 0.2 → Conv(1, 7) → [n, 1] logits                    (28 → 14 → 7 → 1)
 * </pre>
 * A conditional GAN (Mirza and Osindero 2014) appends the one-hot class to z and C constant one-hot
 * planes to the image, so both networks see the class ({@link #generatorInput}, {@link #discriminatorInput}).
 *
 * @param latent the size L of the noise vector z ~ N(0, I)
 * @param width f, the channels of the networks' 14×14 layers
 * @param classes C, the number of classes of a conditional GAN; 0 for an unconditional one
 */
public record GanSpec(int latent, int width, int classes) {
  public static final int SIDE = 28;

  public GanSpec {
    if (latent < 1) {
      throw new IllegalArgumentException("gan: --latent must be at least 1, got " + latent);
    }
    if (width < 1) {
      throw new IllegalArgumentException("gan: the width must be at least 1, got " + width);
    }
    if (classes < 0 || classes == 1) {
      throw new IllegalArgumentException("gan: a conditional GAN needs at least 2 classes (0 for an unconditional one), got " + classes);
    }
  }

  public boolean conditional() {
    return classes > 0;
  }

  /** The generator, its weights drawn from {@code rng} (PyTorch's default initialisation). */
  public Layer generator(RandomGenerator rng) {
    int in = latent + classes;
    return new Sequential(new Unflatten(1, in, 1, 1),
        new ConvTranspose2d(in, 2 * width, 7, Conv2dSpec.of(1, 0), 0, rng), new BatchNorm2d(2 * width), new ReLU(),
        new ConvTranspose2d(2 * width, width, 4, Conv2dSpec.of(2, 1), 0, rng), new BatchNorm2d(width), new ReLU(),
        new ConvTranspose2d(width, 1, 4, Conv2dSpec.of(2, 1), 0, rng), new Tanh());
  }

  /** The discriminator, its weights drawn from {@code rng}. */
  public Layer discriminator(RandomGenerator rng) {
    return new Sequential(new Conv2d(1 + classes, width, 4, Conv2dSpec.of(2, 1), rng), new LeakyReLU(0.2),
        new Conv2d(width, 2 * width, 4, Conv2dSpec.of(2, 1), rng), new BatchNorm2d(2 * width), new LeakyReLU(0.2),
        new Conv2d(2 * width, 1, 7, Conv2dSpec.of(1, 0), rng), new Flatten());
  }

  /** z [n, L], or for a conditional GAN z with the one-hot {@code labels} appended, [n, L + C]. */
  public NDArray generatorInput(NDArray noise, NDArray labels) {
    if (noise.rank() != 2 || noise.dim(1) != latent) {
      throw new IllegalArgumentException("gan: expected noise [n, " + latent + "], got " + noise.shape());
    }
    if (!conditional()) {
      return noise;
    }
    return NDArray.concatenate(List.of(noise, oneHot(labels, noise.dim(0)).astype(noise.dtype())), 1);
  }

  /** Images [n, 1, 28, 28], or for a conditional GAN with C one-hot planes of {@code labels} appended, [n, 1 + C, 28, 28]. */
  public Tensor discriminatorInput(Tensor images, NDArray labels) {
    if (!conditional()) {
      return images;
    }
    int n = images.shape().dim(0);
    NDArray planes = oneHot(labels, n).astype(images.dtype()).reshape(n, classes, 1, 1).broadcastTo(Shape.of(n, classes, SIDE, SIDE));
    return Tensor.concat(List.of(images, Tensor.constant(planes)), 1);
  }

  /**
   * Images [n, 28, 28] with pixels in [0, 1] that {@code generator} (built from this spec) makes of noise
   * [n, L] (and {@code labels} [n] when conditional), in evaluation mode, without gradients.
   */
  public NDArray sample(Layer generator, NDArray noise, NDArray labels) {
    NDArray input = generatorInput(noise, labels);
    NDArray images = Autodiff.noGrad(() -> generator.forward(Tensor.constant(input), Mode.EVAL).value());
    return images.reshape(noise.dim(0), SIDE, SIDE).add(1).mul(0.5);
  }

  private NDArray oneHot(NDArray labels, int n) {
    if (labels == null || labels.rank() != 1 || labels.dim(0) != n) {
      throw new IllegalArgumentException("gan: a conditional GAN needs one label per sample, [" + n + "], got "
          + (labels == null ? "none" : labels.shape()));
    }
    long[] values = labels.toLongArray();
    for (long value : values) {
      if (value < 0 || value >= classes) {
        throw new IllegalArgumentException("gan: class " + value + " is outside the model's classes 0.." + (classes - 1));
      }
    }
    return NDArray.oneHot(labels, classes, DType.FLOAT32);
  }

  /** The generator's tensors by name, dtype and shape, for checking a saved file before loading it. */
  public Stream<ParameterShape> generatorShapes() {
    return generator(new java.util.SplittableRandom(0)).stateDict().entrySet().stream()
        .map(entry -> ParameterShape.of(entry.getKey(), entry.getValue().dtype(), entry.getValue().shape()));
  }

  /** {@code "dcgan latent 100 width 32 conditional 10"}. */
  public String describe() {
    return String.format(Locale.ROOT, "dcgan latent %d width %d%s", latent, width, conditional() ? " conditional " + classes : "");
  }

  public ObjectNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("architecture", "dcgan");
    node.put("latent", latent);
    node.put("width", width);
    node.put("classes", classes);
    return node;
  }

  /** The spec in {@code json} (as {@link #toJson} writes it), checked strictly. */
  public static GanSpec fromJson(ModelJson json) {
    json.checkKeys(List.of("architecture", "latent", "width", "classes"), List.of());
    if (!"dcgan".equals(json.text("architecture"))) {
      throw json.mismatch("architecture", "\"dcgan\"");
    }
    return new GanSpec(json.integer("latent"), json.integer("width"), json.integer("classes"));
  }
}
