package dev.ruru.models.quality;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.array.io.Npy;
import dev.ruru.data.idx.IdxValues;
import dev.ruru.data.mnist.MnistData;
import dev.ruru.data.mnist.MnistLoader;
import dev.ruru.data.mnist.MnistVariant;
import dev.ruru.models.gan.GanFiles;
import dev.ruru.models.latent.LatentModelFiles;
import dev.ruru.models.latent.LatentPictures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The sample-quality table of bench/gan/compare_quality.py: one classifier (W3's CNN, 2 epochs, seed 5,
 * as the GAN example's) trained on the Fashion-MNIST training images of a directory, the feature
 * statistics of its test images, and for each named sample source the classifier-Fréchet distance and
 * classifier score of {@code SAMPLES} images: a saved Ruru GAN (its generator on N(0, I) noise), a saved
 * autoencoder or VAE (the decoder's means σ(logits) on codes from its prior or its training codes'
 * Gaussian), or a {@code .npy} file of images [n, 28, 28] in [0, 1] (another framework's). Real training
 * images (the floor) and uniform noise are measured beside them. Prints one Markdown row per source.
 *
 * <pre>
 * java -cp ruru.jar dev.ruru.models.quality.QualityBenchmark DATA_DIR SAMPLES NAME=MODEL_DIR|FILE.npy ...
 * </pre>
 */
public final class QualityBenchmark {
  private static final long SEED = 11;

  private QualityBenchmark() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      throw new IllegalArgumentException("usage: QualityBenchmark DATA_DIR SAMPLES NAME=MODEL_DIR|FILE.npy ...");
    }
    MnistData data = MnistLoader.of(MnistVariant.FASHION_MNIST).pixels(IdxValues.SCALED_TO_UNIT).loadOnly(Path.of(args[0]));
    int samples = Integer.parseInt(args[1]);
    FeatureClassifier classifier = FeatureClassifier.train(data.train(), 2, 5);
    FeatureStatistics real = FeatureStatistics.of(classifier.outputs(data.test().features()).features());
    System.out.printf(Locale.ROOT, "classifier: %d training images, 2 epochs; real statistics of %d test images%n", data.train().size(),
        data.test().size());
    System.out.println("| samples of | classifier-Fréchet | classifier score | images |");
    System.out.println("|---|---|---|---|");
    row("real training images (floor)", SampleQuality.floor(classifier, data.train().features(), data.test().features(), samples));
    row("uniform noise", SampleQuality.of(classifier, NDArray.rand(Shape.of(samples, 28, 28), new SplittableRandom(SEED)).astype(DType.FLOAT32),
        real));
    for (int i = 2; i < args.length; i++) {
      String[] named = args[i].split("=", 2);
      if (named.length != 2) {
        throw new IllegalArgumentException("QualityBenchmark: expected NAME=MODEL_DIR or NAME=FILE.npy, got " + args[i]);
      }
      row(named[0], SampleQuality.of(classifier, images(Path.of(named[1]), samples), real));
    }
  }

  /** {@code samples} images [n, 28, 28] in [0, 1] from a saved GAN or latent model, or the first ones of an .npy file. */
  static NDArray images(Path source, int samples) throws IOException {
    if (Files.isRegularFile(source)) {
      NDArray images = Npy.read(source).astype(DType.FLOAT32);
      return images.slice(0, 0, Math.min(samples, images.dim(0)), 1).reshape(-1, 28, 28);
    }
    if (GanFiles.isGan(source)) {
      GanFiles.Loaded gan = GanFiles.load(source);
      return gan.spec().sample(gan.generator(), NDArray.randn(Shape.of(samples, gan.spec().latent()), new SplittableRandom(SEED)), null);
    }
    LatentModelFiles.Loaded saved = LatentModelFiles.load(source);
    int latent = saved.spec().latent();
    NDArray codes = NDArray.randn(Shape.of(samples, latent), new SplittableRandom(SEED)).astype(DType.FLOAT64)
        .mul(NDArray.of(saved.codeStd(), latent)).add(NDArray.of(saved.codeMean(), latent));
    return LatentPictures.decode(saved.model(), codes, null).reshape(samples, 28, 28);
  }

  private static void row(String name, SampleQuality quality) {
    System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %d |%n", name, quality.frechetDistance(), quality.classifierScore(), quality.samples());
    System.out.flush();
  }
}
