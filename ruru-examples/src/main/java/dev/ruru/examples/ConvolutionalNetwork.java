package dev.ruru.examples;

import dev.ruru.autodiff.Conv2dSpec;
import dev.ruru.data.ArrayDataset;
import dev.ruru.data.mnist.IfMissing;
import dev.ruru.data.mnist.MnistData;
import dev.ruru.data.mnist.MnistLoader;
import dev.ruru.data.mnist.MnistVariant;
import dev.ruru.nn.Conv2d;
import dev.ruru.nn.Flatten;
import dev.ruru.nn.Linear;
import dev.ruru.nn.Loss;
import dev.ruru.nn.MaxPool2d;
import dev.ruru.nn.ReLU;
import dev.ruru.nn.Seed;
import dev.ruru.nn.Sequential;
import dev.ruru.nn.Unflatten;
import dev.ruru.optim.Adam;
import dev.ruru.train.Trainer;
import dev.ruru.train.objective.Supervised;
import dev.ruru.train.plot.ConvolutionPictures;
import java.nio.file.Path;

/**
 * Vision with a convolutional network: 3×3 filters slide over the image (weights shared across
 * positions), pooling halves the resolution, and a linear layer classifies what the filters found. The
 * first layer's filters are drawn to {@code filters.png}: edge and blob detectors after one epoch. Run it:
 * {@code java -cp ... dev.ruru.examples.ConvolutionalNetwork [epochs] [filters.png] [training images]}.
 */
public class ConvolutionalNetwork {
  public static void main(String[] args) throws Exception {
    int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    Path picture = Path.of(args.length > 1 ? args[1] : "filters.png");
    int images = args.length > 2 ? Integer.parseInt(args[2]) : Integer.MAX_VALUE;
    double accuracy = run(epochs, picture, images);
    System.out.printf("test accuracy: %.2f%%; first-layer filters: %s%n", 100 * accuracy, picture);
  }

  /** Trains on the first {@code images} training images for {@code epochs}; draws the filters; returns the test accuracy. */
  static double run(int epochs, Path picture, int images) throws Exception {
    Seed.manualSeed(0);
    MnistData data = MnistLoader.of(MnistVariant.FASHION_MNIST).ifMissing(IfMissing.EMBEDDED_SAMPLE).load();
    ArrayDataset train = data.train().subset(java.util.stream.IntStream.range(0, Math.min(images, data.train().size())).toArray());
    Conv2d first = new Conv2d(1, 16, 3, Conv2dSpec.of(1, 1));
    Sequential model = new Sequential(new Unflatten(1, 1, 28), first, new ReLU(), new MaxPool2d(2),   // [b, 16, 14, 14]
        new Conv2d(16, 32, 3, Conv2dSpec.of(1, 1)), new ReLU(), new MaxPool2d(2),                       // [b, 32, 7, 7]
        new Flatten(), new Linear(32 * 7 * 7, 10));
    Supervised objective = new Supervised(model, new Adam(model.parameters(), 1e-3), Loss.crossEntropy());
    Trainer.builder(objective).batchSize(64).build().fit(train, null, epochs);
    ConvolutionPictures.writeFilters(picture, first.weight().value());
    return objective.evaluate(data.test(), 256).accuracy();
  }
}
