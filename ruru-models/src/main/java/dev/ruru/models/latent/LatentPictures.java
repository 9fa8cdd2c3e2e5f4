package dev.ruru.models.latent;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Autodiff;
import dev.ruru.autodiff.Tensor;
import dev.ruru.nn.Mode;
import dev.ruru.train.plot.Png;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * What a latent-space model learned, as pictures: reconstructions (inputs above outputs), the 2-D code
 * space coloured by class (a longer code through its first two principal components), the decoded manifold over a grid of 2-D codes (Kingma and Welling's figure),
 * an interpolation between two test images' codes, and samples. A VAE samples its prior N(0, I); an
 * autoencoder, which has none, samples a Gaussian fitted to its training codes (mean and standard
 * deviation per dimension), which shows how far its code space is from one you can sample.
 *
 * <pre>{@code
 * List<Path> written = LatentPictures.write(out, model, codes, test.features(), test.labels(), classNames, 0, printer);
 * }</pre>
 */
public final class LatentPictures {
  public static final String RECONSTRUCTIONS = "reconstructions.png";
  public static final String LATENT_SPACE = "latent_space.png";
  public static final String MANIFOLD = "manifold.png";
  public static final String INTERPOLATION = "interpolation.png";
  public static final String SAMPLES = "samples.png";
  private static final int BATCH = 500;
  private static final int MANIFOLD_SIZE = 15;

  private LatentPictures() {}

  /** The codes' distribution to sample and span: per-dimension mean and standard deviation. */
  public record CodeDistribution(double[] mean, double[] std) {
    /** A VAE's prior N(0, I). */
    public static CodeDistribution standardNormal(int latent) {
      double[] ones = new double[latent];
      java.util.Arrays.fill(ones, 1);
      return new CodeDistribution(new double[latent], ones);
    }

    /** The mean and standard deviation of each column of {@code codes} [n, latent]. */
    public static CodeDistribution of(NDArray codes) {
      NDArray mean = codes.astype(DType.FLOAT64).mean(0);
      NDArray centred = codes.astype(DType.FLOAT64).sub(mean);
      return new CodeDistribution(mean.toDoubleArray(), centred.mul(centred).mean(0).sqrt().toDoubleArray());
    }
  }

  /** Writes every picture that applies into {@code directory}; says on {@code out} which it skipped and why; returns the files written. */
  public static List<Path> write(Path directory, LatentModel model, CodeDistribution codes, NDArray testImages, NDArray testLabels,
      List<String> classNames, long seed, PrintWriter out) throws IOException {
    LatentSpec spec = model.spec();
    List<Path> written = new ArrayList<>();
    NDArray labels = spec.isConditional() ? testLabels : null;
    written.add(png(directory.resolve(RECONSTRUCTIONS), reconstructions(model, testImages, labels)));
    written.add(png(directory.resolve(INTERPOLATION), interpolation(model, testImages, testLabels)));
    written.add(png(directory.resolve(SAMPLES), samples(model, codes, 64, -1, new java.util.SplittableRandom(seed))));
    if (spec.latent() >= 2) {
      NDArray means = encode(model, testImages, labels);
      written.add(png(directory.resolve(LATENT_SPACE), CodeScatter.renderCodes("Test images' codes (" + spec.architecture() + ", "
          + (spec.isVariational() ? "posterior means" : "codes") + ")", means, testLabels, classNames)));
    }
    if (spec.latent() == 2) {
      written.add(png(directory.resolve(MANIFOLD), manifold(model, codes)));
    } else {
      out.println("pictures: manifold.png needs a 2-number code; this one has " + spec.latent() + " (train with --latent 2 to see it)"
          + (spec.latent() == 1 ? "; latent_space.png needs at least 2" : ""));
    }
    return written;
  }

  private static Path png(Path file, BufferedImage image) throws IOException {
    Png.write(file, image);
    return file;
  }

  /** The codes (a VAE's posterior means) of {@code images} [n, ...], [n, latent], in batches, without gradients. */
  public static NDArray encode(LatentModel model, NDArray images, NDArray labels) {
    int n = images.dim(0);
    List<NDArray> parts = new ArrayList<>();
    for (int start = 0; start < n; start += BATCH) {
      int stop = Math.min(n, start + BATCH);
      NDArray batch = images.slice(0, start, stop, 1).astype(DType.FLOAT32);
      NDArray batchLabels = labels == null ? null : labels.slice(0, start, stop, 1);
      parts.add(Autodiff.noGrad(() -> model.encode(Tensor.constant(batch), batchLabels, Mode.EVAL).mean().value()));
    }
    return NDArray.concatenate(parts, 0);
  }

  /** σ(decode(codes)) [n, pixels] for {@code codes} [n, latent] (and labels [n] for a conditional model). */
  public static NDArray decode(LatentModel model, NDArray codes, NDArray labels) {
    return Autodiff.noGrad(() -> model.decode(Tensor.constant(codes.astype(DType.FLOAT32)), labels, Mode.EVAL).value().sigmoid());
  }

  static BufferedImage reconstructions(LatentModel model, NDArray images, NDArray labels) {
    int count = Math.min(10, images.dim(0));
    NDArray inputs = images.slice(0, 0, count, 1).astype(DType.FLOAT32).reshape(count, model.spec().pixels());
    NDArray shownLabels = labels == null ? null : labels.slice(0, 0, count, 1);
    NDArray outputs = decode(model, encode(model, inputs, shownLabels), shownLabels);
    return ImageSheet.render("Reconstructions (" + model.spec().describe() + ")", List.of(inputs, outputs), List.of("input", "output"),
        model.spec().height(), model.spec().width());
  }

  /** The first test image and the first one of another class, and the decoded straight line between their codes. */
  static BufferedImage interpolation(LatentModel model, NDArray images, NDArray labels) {
    long[] classes = labels.toLongArray();
    int other = IntStream.range(1, classes.length).filter(i -> classes[i] != classes[0]).findFirst().orElse(Math.min(1, classes.length - 1));
    NDArray pair = NDArray.concatenate(List.of(images.slice(0, 0, 1, 1), images.slice(0, other, other + 1, 1)), 0);
    NDArray pairLabels = model.spec().isConditional() ? NDArray.of(new long[] {classes[0], classes[0]}, 2) : null;
    double[] ends = encode(model, pair, pairLabels).astype(DType.FLOAT64).toDoubleArray();
    int latent = model.spec().latent();
    int steps = 10;
    double[] path = new double[steps * latent];
    for (int s = 0; s < steps; s++) {
      double t = s / (double) (steps - 1);
      for (int d = 0; d < latent; d++) {
        path[s * latent + d] = (1 - t) * ends[d] + t * ends[latent + d];
      }
    }
    NDArray stepLabels = pairLabels == null ? null : NDArray.full(Shape.of(steps), classes[0], DType.INT64);
    NDArray decoded = decode(model, NDArray.of(path, steps, latent), stepLabels);
    NDArray shownEnds = pair.astype(DType.FLOAT32).reshape(2, model.spec().pixels());
    return ImageSheet.render("Interpolation between the codes of two test images", List.of(shownEnds, decoded), List.of("ends", "decoded"),
        model.spec().height(), model.spec().width());
  }

  /**
   * {@code count} decoded draws from {@code codes}' Gaussian: of class {@code label} for a conditional model
   * (or, when {@code label} is negative, a row per class), in rows of 8.
   */
  public static BufferedImage samples(LatentModel model, CodeDistribution codes, int count, int label, RandomGenerator rng) {
    LatentSpec spec = model.spec();
    int perRow = spec.isConditional() && label < 0 ? Math.max(1, count / spec.classes()) : 8;
    int rows = spec.isConditional() && label < 0 ? spec.classes() : (count + perRow - 1) / perRow;
    List<NDArray> sheet = new ArrayList<>();
    List<String> captions = new ArrayList<>();
    for (int r = 0; r < rows; r++) {
      int k = spec.isConditional() && label < 0 ? perRow : Math.min(perRow, count - r * perRow);
      NDArray z = NDArray.randn(Shape.of(k, spec.latent()), rng).astype(DType.FLOAT64).mul(NDArray.of(codes.std(), spec.latent()))
          .add(NDArray.of(codes.mean(), spec.latent()));
      int rowLabel = label >= 0 ? label : r;
      sheet.add(decode(model, z, spec.isConditional() ? NDArray.full(Shape.of(k), rowLabel, DType.INT64) : null));
      captions.add(spec.isConditional() ? "class " + rowLabel : "");
    }
    String source = spec.isVariational() ? "the prior N(0, I)" : "a Gaussian fitted to the training codes";
    return ImageSheet.render("Samples from " + source + " (" + spec.architecture() + ")", sheet, captions, spec.height(), spec.width());
  }

  /**
   * The decoder's images over a 15x15 grid of 2-D codes, at the Gaussian quantiles of 1/32 .. 31/32 of each
   * dimension's distribution (Kingma and Welling's figure 4): equal steps of probability, not of distance.
   */
  static BufferedImage manifold(LatentModel model, CodeDistribution codes) {
    List<NDArray> rows = new ArrayList<>();
    for (int r = 0; r < MANIFOLD_SIZE; r++) {
      double[] grid = new double[MANIFOLD_SIZE * 2];
      double second = codes.mean()[1] + codes.std()[1] * normalQuantile((MANIFOLD_SIZE - r - 0.5) / MANIFOLD_SIZE);
      for (int c = 0; c < MANIFOLD_SIZE; c++) {
        grid[2 * c] = codes.mean()[0] + codes.std()[0] * normalQuantile((c + 0.5) / MANIFOLD_SIZE);
        grid[2 * c + 1] = second;
      }
      NDArray labels = model.spec().isConditional() ? NDArray.zeros(Shape.of(MANIFOLD_SIZE), DType.INT64) : null;
      rows.add(decode(model, NDArray.of(grid, MANIFOLD_SIZE, 2), labels));
    }
    String what = model.spec().isConditional() ? " (class 0)" : "";
    return ImageSheet.render("Decoded manifold over a grid of 2-D codes" + what, rows, java.util.Collections.nCopies(MANIFOLD_SIZE, ""),
        model.spec().height(), model.spec().width());
  }

  /** Φ⁻¹(p) by bisection on Φ below (accurate to about 1e-7, far more than a picture needs). */
  static double normalQuantile(double p) {
    double low = -10;
    double high = 10;
    for (int i = 0; i < 80; i++) {
      double middle = (low + high) / 2;
      if (normalCdf(middle) < p) {
        low = middle;
      } else {
        high = middle;
      }
    }
    return (low + high) / 2;
  }

  /** Φ(x) from the complementary error function's Abramowitz-Stegun 7.1.26 approximation (error below 1.5e-7). */
  private static double normalCdf(double x) {
    double z = Math.abs(x) / Math.sqrt(2);
    double t = 1 / (1 + 0.3275911 * z);
    double erfc = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) * Math.exp(-z * z);
    return x >= 0 ? 1 - erfc / 2 : erfc / 2;
  }
}
