package dev.ruru.models.quality;

import dev.ruru.array.NDArray;
import dev.ruru.autodiff.Autodiff;
import dev.ruru.autodiff.Tensor;
import dev.ruru.data.ArrayDataset;
import dev.ruru.models.classify.ModelFiles;
import dev.ruru.models.classify.ModelSpec;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Linear;
import dev.ruru.nn.Loss;
import dev.ruru.nn.Mode;
import dev.ruru.nn.Sequential;
import dev.ruru.optim.Adam;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.Trainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The classifier whose penultimate layer is the feature space of the classifier-Fréchet distance, and
 * whose softmax is the classifier score's p(y|x): a network of the classify family (a {@link Sequential}
 * ending in a {@link Linear}), trained on the same data as the generator, here (W3's CNN) or by
 * {@code ruru train --model cnn} and loaded from its directory.
 *
 * <pre>{@code
 * FeatureClassifier classifier = FeatureClassifier.train(data.train(), 2, 7);
 * FeatureClassifier.Outputs out = classifier.outputs(images);   // features [n, 128], logits [n, 10]
 * }</pre>
 */
public final class FeatureClassifier {
  private static final int BATCH = 250;

  private final Sequential network;

  /**
   * Uses {@code network}, unchanged.
   *
   * @throws IllegalArgumentException unless it is a Sequential of at least two layers ending in a Linear
   */
  public FeatureClassifier(Layer network) {
    if (!(network instanceof Sequential sequential) || sequential.size() < 2 || !(sequential.get(sequential.size() - 1) instanceof Linear)) {
      throw new IllegalArgumentException("FeatureClassifier: expected a Sequential classifier ending in a Linear layer, got "
          + network.getClass().getSimpleName() + "; train one with ruru train --model cnn");
    }
    this.network = sequential;
  }

  /**
   * Trains W3's CNN (conv 16, 32, dense 128) on {@code train} (images [n, rows, columns] in [0, 1] with
   * labels) for {@code epochs} with Adam 1e-3, batch 64, seeded, quietly.
   */
  public static FeatureClassifier train(ArrayDataset train, int epochs, long seed) {
    List<Integer> imageShape = IntStream.of(train.features().shape().dims()).skip(1).boxed().toList();
    List<String> names = IntStream.range(0, train.classCount()).mapToObj(String::valueOf).toList();
    ResumableRandom random = new ResumableRandom(seed);
    Layer network = ModelSpec.cnn(imageShape, List.of(16, 32), List.of(128), names).build(random);
    Trainer trainer = Trainer.builder(network, new Adam(network.parameters(), 1e-3)).loss(Loss.crossEntropy())
        .batchSize(64).seed(seed).random(random).quiet().build();
    trainer.fit(train, null, epochs);
    return new FeatureClassifier(network);
  }

  /** The classifier saved by {@code ruru train --model cnn|mlp} in {@code directory}. */
  public static FeatureClassifier load(Path directory) throws IOException {
    return new FeatureClassifier(ModelFiles.load(directory).module());
  }

  /** The network, for saving or inspecting. */
  public Layer network() {
    return network;
  }

  /**
   * The penultimate layer's activations (the input of the last Linear) and the logits, for images
   * [n, ...] shaped as the classifier's input, in evaluation mode, without gradients.
   */
  public Outputs outputs(NDArray images) {
    if (images.rank() == 0 || images.dim(0) == 0) {
      throw new IllegalArgumentException("FeatureClassifier: expected images [n, ...] with n >= 1, got " + images.shape());
    }
    Layer last = network.get(network.size() - 1);
    Sequential body = new Sequential(network.layers().subList(0, network.size() - 1));
    return Autodiff.noGrad(() -> {
      List<NDArray> features = new ArrayList<>();
      List<NDArray> logits = new ArrayList<>();
      for (int start = 0; start < images.dim(0); start += BATCH) {
        NDArray rows = images.slice(0, start, Math.min(start + BATCH, images.dim(0)), 1);
        Tensor feature = body.forward(Tensor.constant(rows), Mode.EVAL);
        features.add(feature.value());
        logits.add(last.forward(feature, Mode.EVAL).value());
      }
      return new Outputs(NDArray.concatenate(features, 0), NDArray.concatenate(logits, 0));
    });
  }

  /** Penultimate-layer features [n, d] and logits [n, classes]. */
  public record Outputs(NDArray features, NDArray logits) {}
}
