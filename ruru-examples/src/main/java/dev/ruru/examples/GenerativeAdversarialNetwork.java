package dev.ruru.examples;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.data.ArrayDataset;
import dev.ruru.data.idx.IdxValues;
import dev.ruru.data.mnist.EmbeddedSample;
import dev.ruru.data.mnist.IfMissing;
import dev.ruru.data.mnist.MnistData;
import dev.ruru.data.mnist.MnistLoader;
import dev.ruru.data.mnist.MnistVariant;
import dev.ruru.models.gan.AdversarialObjective;
import dev.ruru.models.gan.GanSpec;
import dev.ruru.models.gan.SampleGrids;
import dev.ruru.models.quality.FeatureClassifier;
import dev.ruru.models.quality.FeatureStatistics;
import dev.ruru.models.quality.SampleQuality;
import dev.ruru.train.History;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.Trainer;
import dev.ruru.train.progress.ProgressBar;
import dev.ruru.train.progress.ProgressStyle;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The course's "generative adversarial networks": a DCGAN learns to draw Fashion-MNIST. Two networks
 * play a game in every step of the one Trainer: the discriminator learns to tell real images from the
 * generator's, then the generator learns to fool it (the non-saturating loss, two phases, two Adams).
 *
 * <p>What to watch: {@code d_real} and {@code d_fake} (the discriminator's belief that real and fake
 * images are real) in the progress bar: neither should reach 0 or 1 for long, or one player has won and
 * the other stops learning. {@code samples/epoch-NNN.png} shows the same noise vectors' images epoch
 * after epoch and {@code samples.gif} animates them. At the end, the classifier-Fréchet distance of the
 * samples to the test images, beside the floor (real training images) and uniform noise.
 *
 * <p>Run it: {@code java -cp ... dev.ruru.examples.GenerativeAdversarialNetwork [epochs] [directory]}
 * (default 5 epochs of a width-32 DCGAN on the full Fashion-MNIST when installed, else the embedded
 * sample; {@code runs/gan-example}).
 */
public final class GenerativeAdversarialNetwork {
  private GenerativeAdversarialNetwork() {}

  /** What a run measured: the samples' quality, the floor, and uniform noise's. */
  record Result(History history, SampleQuality samples, SampleQuality floor, SampleQuality noise) {}

  public static void main(String[] args) throws IOException {
    int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    Path directory = Path.of(args.length > 1 ? args[1] : "runs/gan-example");
    MnistData data = MnistLoader.of(MnistVariant.FASHION_MNIST).ifMissing(IfMissing.EMBEDDED_SAMPLE).load();
    run(data.train(), data.test(), new GanSpec(100, 32, 0), epochs, directory, new PrintWriter(System.out, true));
  }

  /** The fast mode its test uses: a width-8 DCGAN, one epoch on 1,000 of the embedded sample's images. */
  static Result fast(Path directory, PrintWriter out) throws IOException {
    MnistData sample = EmbeddedSample.fashionMnist(IdxValues.SCALED_TO_UNIT);
    return run(sample.train().subset(IntStream.range(0, 1000).toArray()), sample.test(), new GanSpec(16, 8, 0), 1, directory, out);
  }

  static Result run(ArrayDataset train, ArrayDataset test, GanSpec spec, int epochs, Path directory, PrintWriter out) throws IOException {
    Files.createDirectories(directory);
    AdversarialObjective gan = new AdversarialObjective(spec, new ResumableRandom(1), new ResumableRandom(2), 2e-4);
    SampleGrids grids = new SampleGrids(gan, directory, 3);
    History history = Trainer.builder(gan).batchSize(64).seed(4).progress(new ProgressBar(out, ProgressStyle.detect())).callbacks(grids)
        .build().fit(train, null, epochs);
    out.println("samples: " + grids.frame(history.epochs().size()) + ", animation: " + grids.animation());

    // The quality measures need a classifier of the same data: two epochs of W3's CNN.
    FeatureClassifier classifier = FeatureClassifier.train(train, 2, 5);
    int n = Math.min(1000, test.size());
    FeatureStatistics real = FeatureStatistics.of(classifier.outputs(test.features()).features());
    NDArray generated = spec.sample(gan.generator(), NDArray.randn(Shape.of(n, spec.latent()), new SplittableRandom(6)), null);
    Result result = new Result(history, SampleQuality.of(classifier, generated, real),
        SampleQuality.of(classifier, train.features().slice(0, 0, Math.min(n, train.size()), 1), real),
        SampleQuality.of(classifier, NDArray.rand(Shape.of(n, 28, 28), new Random(7)).astype(DType.FLOAT32), real));
    out.println("generated: " + result.samples().describe());
    out.println("real training images (the floor): " + result.floor().describe());
    out.println("uniform noise: " + result.noise().describe());
    return result;
  }
}
