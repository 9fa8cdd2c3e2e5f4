package dev.ruru.models.latent;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruru.array.NDArray;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.model.ModelJson;
import dev.ruru.train.model.ParameterShape;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

/**
 * What a latent-space model is, enough to rebuild it: the family ({@code autoencoder},
 * {@code conv-autoencoder}, {@code vae}, {@code conv-vae}), the code size, the dense layers' width, the
 * classes a conditional model takes as a one-hot label (0: not conditional), how a convolutional decoder
 * upsamples, and the image size. Dense models are 784-hidden-code (PyTorch's VAE example is hidden 400,
 * latent 20); convolutional ones encode with two stride-2 3x3 convolutions (32 and 64 channels, 28 to 7
 * pixels) and decode mirror-wise with {@link Upsampling}.
 *
 * @param architecture one of {@link #ARCHITECTURES}
 * @param latent the code's size, at least 1
 * @param hidden the dense layers' width (the encoder's hidden layer and the decoder's first)
 * @param classes the label's classes for a conditional model, 0 for none
 * @param upsampling how a convolutional decoder doubles its image (ignored by dense models)
 * @param height image height (a multiple of 4 for convolutional models)
 * @param width image width
 */
public record LatentSpec(String architecture, int latent, int hidden, int classes, Upsampling upsampling, int height, int width) {
  public static final String AUTOENCODER = "autoencoder";
  public static final String CONV_AUTOENCODER = "conv-autoencoder";
  public static final String VAE = "vae";
  public static final String CONV_VAE = "conv-vae";
  public static final List<String> ARCHITECTURES = List.of(AUTOENCODER, CONV_AUTOENCODER, VAE, CONV_VAE);
  /** Bounds that keep a description read from a file from asking for gigabytes before anything is checked. */
  static final int MAX_LATENT = 4096;
  static final int MAX_HIDDEN = 8192;
  private static final ObjectMapper JSON = new ObjectMapper();

  public LatentSpec {
    if (!ARCHITECTURES.contains(architecture)) {
      throw new IllegalArgumentException("latent model: unknown architecture '" + architecture + "'; expected one of " + ARCHITECTURES);
    }
    if (latent < 1 || latent > MAX_LATENT) {
      throw new IllegalArgumentException("Invalid --latent: " + latent + " (the code's size must be in [1, " + MAX_LATENT + "])");
    }
    if (hidden < 1 || hidden > MAX_HIDDEN) {
      throw new IllegalArgumentException("Invalid --hidden: " + hidden + " (must be in [1, " + MAX_HIDDEN + "])");
    }
    if (classes < 0 || classes > 1000) {
      throw new IllegalArgumentException("latent model: invalid class count " + classes + " (0 for an unconditional model, at most 1000)");
    }
    if (height < 1 || width < 1 || height * (long) width > 1 << 20) {
      throw new IllegalArgumentException("latent model: invalid image size " + height + "x" + width);
    }
    boolean convolutional = architecture.startsWith("conv-");
    if (convolutional && (height % 4 != 0 || width % 4 != 0)) {
      throw new IllegalArgumentException(architecture + ": images must be a multiple of 4 pixels high and wide (two stride-2 convolutions), got "
          + height + "x" + width);
    }
  }

  /** A model of 28x28 images (MNIST, Fashion-MNIST) with transposed-convolution upsampling. */
  public static LatentSpec of(String architecture, int latent, int hidden, int classes) {
    return new LatentSpec(architecture, latent, hidden, classes, Upsampling.TRANSPOSED, 28, 28);
  }

  public boolean isVariational() { return architecture.equals(VAE) || architecture.equals(CONV_VAE); }
  public boolean isConvolutional() { return architecture.startsWith("conv-"); }
  public boolean isConditional() { return classes > 0; }
  public int pixels() { return height * width; }

  /** A new network with weights drawn from {@code rng}. */
  public LatentModel build(RandomGenerator rng) {
    return new LatentModel(this, rng);
  }

  /** The state dictionary's names, dtypes and shapes, for checking a file before loading it. */
  public Stream<ParameterShape> parameterShapes() {
    Map<String, NDArray> state = build(new ResumableRandom(0)).stateDict();
    return state.entrySet().stream().map(entry -> ParameterShape.of(entry.getKey(), entry.getValue().dtype(), entry.getValue().shape()));
  }

  /** "vae 784-400-20" or "conv-vae 20 (conditional on 10 classes, bilinear upsampling)". */
  public String describe() {
    String sizes = isConvolutional() ? " " + height + "x" + width + " conv 32-64, code " + latent
        : " " + pixels() + "-" + hidden + "-" + latent;
    String extras = (isConditional() ? ", conditional on " + classes + " classes" : "")
        + (isConvolutional() ? ", " + upsampling.id() + " upsampling" : "");
    return architecture + sizes + extras;
  }

  public ObjectNode toJson() {
    ObjectNode node = JSON.createObjectNode();
    node.put("architecture", architecture);
    node.put("latent", latent);
    node.put("hidden", hidden);
    node.put("classes", classes);
    node.put("upsampling", upsampling.id());
    node.put("height", height);
    node.put("width", width);
    return node;
  }

  /** The spec {@link #toJson} wrote, read strictly; messages name the file. */
  public static LatentSpec fromJson(ModelJson json) {
    json.checkKeys(List.of("architecture", "latent", "hidden", "classes", "upsampling", "height", "width"), List.of());
    try {
      return new LatentSpec(json.text("architecture"), json.integer("latent"), json.integer("hidden"), json.integer("classes"),
          Upsampling.fromId(json.text("upsampling")), json.integer("height"), json.integer("width"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(json.source() + ": " + e.getMessage(), e);
    }
  }
}
