package dev.ruru.examples;

import dev.ruru.data.ArrayDataset;
import dev.ruru.data.mnist.IfMissing;
import dev.ruru.data.mnist.MnistData;
import dev.ruru.data.mnist.MnistLoader;
import dev.ruru.data.mnist.MnistVariant;
import dev.ruru.perceptron.EpochResult;
import dev.ruru.perceptron.MulticlassPerceptron;
import dev.ruru.perceptron.PerceptronTraining;
import dev.ruru.perceptron.TrainingSettings;
import dev.ruru.perceptron.WeightImages;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The course's first model: a multi-class perceptron learning Fashion-MNIST with the classic rule, no
 * gradients (add a misclassified image to its class's weights, subtract it from the predicted class's).
 * Each class's weights end as a picture of the class: {@code weights.png}. Run it: {@code java -cp ...
 * dev.ruru.examples.PerceptronOnImages [epochs] [weights.png]}.
 */
public class PerceptronOnImages {
  public static void main(String[] args) throws Exception {
    int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    Path picture = Path.of(args.length > 1 ? args[1] : "weights.png");
    double accuracy = run(epochs, picture);
    System.out.printf("test accuracy after %d epochs: %.2f%%; the weights as pictures: %s%n", epochs, 100 * accuracy, picture);
  }

  /** Trains for {@code epochs}, writes the weights' picture, returns the test accuracy. */
  static double run(int epochs, Path picture) throws Exception {
    MnistData data = MnistLoader.of(MnistVariant.FASHION_MNIST).ifMissing(IfMissing.EMBEDDED_SAMPLE).load();
    ArrayDataset train = flat(data.train());
    ArrayDataset test = flat(data.test());
    MulticlassPerceptron model = new MulticlassPerceptron(784, 10);
    List<EpochResult> history = PerceptronTraining.train(model, train, test.subset(new int[0]),
        new TrainingSettings(epochs, 1.0, 1, TrainingSettings.ExampleOrder.SHUFFLED, 0), result -> System.out.println(result));
    ImageIO.write(WeightImages.render(model.weights(), 5, 3), "png", picture.toFile());
    return history.isEmpty() ? Double.NaN : model.accuracy(test.features(), test.labels());
  }

  /** Images [n, 28, 28] as rows [n, 784]: a perceptron sees a vector. */
  private static ArrayDataset flat(ArrayDataset images) {
    return new ArrayDataset(images.features().reshape(images.size(), 784), images.labels());
  }
}
