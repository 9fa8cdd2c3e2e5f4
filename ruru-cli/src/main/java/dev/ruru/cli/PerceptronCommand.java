package dev.ruru.cli;

import dev.ruru.array.io.AtomicFile;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruru.data.ArrayDataset;
import dev.ruru.data.Preprocessing;
import dev.ruru.data.SplitFractions;
import dev.ruru.data.Splits;
import dev.ruru.data.Stratification;
import dev.ruru.data.mnist.IfMissing;
import dev.ruru.data.mnist.MnistData;
import dev.ruru.data.mnist.MnistLoader;
import dev.ruru.data.mnist.MnistVariant;
import dev.ruru.models.classify.DataIdentity;
import dev.ruru.perceptron.EpochResult;
import dev.ruru.perceptron.MulticlassPerceptron;
import dev.ruru.perceptron.PerceptronTraining;
import dev.ruru.perceptron.TrainingSettings;
import dev.ruru.perceptron.TrainingSettings.ExampleOrder;
import dev.ruru.perceptron.WeightImages;
import dev.ruru.train.plot.TitledPicture;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ruru perceptron}: the course's first model end to end. Loads MNIST or Fashion-MNIST (the
 * embedded Fashion-MNIST sample when no dataset is found, and says so), holds out a stratified,
 * seeded validation split of the training set, trains a {@link MulticlassPerceptron} with the batched
 * perceptron rule, prints one line per epoch and the test accuracy, and writes {@code metrics.json}
 * (the schema every training command uses) and {@code weights.png} (each class's weights as an image)
 * to the output directory. Both files are written whole or not at all.
 */
@Command(
    name = "perceptron",
    mixinStandardHelpOptions = true,
    description = {
      "Trains the course's multi-class perceptron on MNIST or Fashion-MNIST with the perceptron rule.",
      "Writes OUT/metrics.json and OUT/weights.png (blue: weights for the class, red: against)."
    })
final class PerceptronCommand implements Callable<Integer> {
  @Option(names = "--dataset", paramLabel = "NAME", defaultValue = "fashion-mnist",
      description = "fashion-mnist or mnist (default: ${DEFAULT-VALUE}).")
  private String dataset;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Read the four IDX files from DIR, and only there (default: search $RURU_DATA, ~/.ruru/data/NAME, /usr/share/datasets/NAME).")
  private Path dataDirectory;

  @Option(names = "--epochs", paramLabel = "N", defaultValue = "5", description = "Passes over the training set (default: ${DEFAULT-VALUE}).")
  private int epochs;

  @Option(names = "--lr", paramLabel = "X", defaultValue = "1.0", description = "Learning rate λ of the rule (default: ${DEFAULT-VALUE}).")
  private double learningRate;

  @Option(names = "--batch-size", paramLabel = "B", defaultValue = "100", description = "Examples per update (default: ${DEFAULT-VALUE}).")
  private int batchSize;

  @Option(names = "--validation-split", paramLabel = "F", defaultValue = "0.1",
      description = "Share of the training set held out for validation, in [0, 1) (default: ${DEFAULT-VALUE}).")
  private double validationSplit;

  @Option(names = "--shuffle", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Visit the training examples in a new seeded order each epoch (default); --no-shuffle keeps one order "
          + "(the file order when --validation-split is 0).")
  private boolean shuffle;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed of the split and the shuffles (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs/perceptron", description = "Output directory (default: ${DEFAULT-VALUE}).")
  private Path outputDirectory;

  @Spec private CommandSpec spec;

  /** Adjusts the dataset loader before use; tests restrict its search path so that the embedded sample is used. */
  UnaryOperator<MnistLoader> loaderSetup = UnaryOperator.identity();

  @Override
  public Integer call() throws IOException {
    TrainingSettings settings = new TrainingSettings(epochs, learningRate, batchSize,
        shuffle ? ExampleOrder.SHUFFLED : ExampleOrder.SEQUENTIAL, seed);
    if (!(validationSplit >= 0 && validationSplit < 1)) {
      throw new IllegalArgumentException("Invalid validation split: " + validationSplit + " (must be in [0, 1))");
    }
    PrintWriter out = spec.commandLine().getOut();
    MnistData data = load();
    out.println("data: " + data.source() + (data.isEmbeddedSample() ? " (no full dataset found; see --data-dir)" : ""));
    // Flattened, 28x28 test images and 14x56 training images would fit the same weights and give a meaningless accuracy.
    DataIdentity.checkImageShapes(data);
    Splits parts = split(data.train().mapFeatures(Preprocessing::flatten));
    ArrayDataset test = data.test().mapFeatures(Preprocessing::flatten);
    out.printf(Locale.ROOT, "training %d, validation %d, test %d examples; %d epochs, lr %s, batch %d, %s%n", parts.train().size(),
        parts.validation().size(), test.size(), epochs, learningRate, batchSize, shuffle ? "shuffled (seed " + seed + ")" : "fixed order");
    out.flush();
    MulticlassPerceptron model = new MulticlassPerceptron(test.features().dim(1), data.variant().classCount());
    List<EpochResult> history = PerceptronTraining.train(model, parts.train(), parts.validation(), settings, epoch -> {
      out.printf(Locale.ROOT, "epoch %d/%d  train accuracy %.4f  validation accuracy %s  %.2f s%n", epoch.epoch(), epochs,
          epoch.trainAccuracy(), Double.isNaN(epoch.validationAccuracy()) ? "-" : String.format(Locale.ROOT, "%.4f",
              epoch.validationAccuracy()), epoch.seconds());
      out.flush();
    });
    double testAccuracy = model.accuracy(test.features(), test.labels());
    out.printf(Locale.ROOT, "test accuracy %.4f%n", testAccuracy);
    Files.createDirectories(outputDirectory);
    Path metrics = outputDirectory.resolve("metrics.json");
    Path picture = outputDirectory.resolve("weights.png");
    ObjectNode json = metrics(data, parts, test, history, testAccuracy);
    byte[] text = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(json);
    AtomicFile.write(metrics, stream -> stream.write(text));
    AtomicFile.write(picture, stream -> {
      if (!ImageIO.write(weightPicture(model.weights(), data.variant().classNames()), "png", stream)) {
        throw new IOException("no PNG writer in this Java runtime");
      }
    });
    out.println("wrote " + metrics + " and " + picture);
    return 0;
  }

  /** Training and validation parts (no test part: the dataset has its own test set); all training when the split is 0. */
  private Splits split(ArrayDataset all) {
    if (validationSplit == 0) {
      ArrayDataset none = all.subset(new int[0]);
      return new Splits(all, none, none);
    }
    return Splits.of(all, SplitFractions.trainValidation(validationSplit), seed, Stratification.BY_LABEL);
  }

  private MnistData load() throws IOException {
    // Fashion-MNIST falls back to the sample inside the jar; for MNIST the loader says where it looked.
    MnistLoader loader = MnistLoader.of(MnistVariant.fromId(dataset)).ifMissing(IfMissing.EMBEDDED_SAMPLE);
    // A directory the user named is the data or an error: never a silent fallback to another copy.
    return dataDirectory == null ? loaderSetup.apply(loader).load() : loaderSetup.apply(loader).loadOnly(dataDirectory);
  }

  /** The metrics every training command writes; {@code seconds} is each epoch's training pass alone. */
  private static ObjectNode metrics(MnistData data, Splits parts, ArrayDataset test, List<EpochResult> history,
      double testAccuracy) {
    ObjectNode json = new ObjectMapper().createObjectNode();
    json.put("task", "perceptron");
    json.put("dataset", data.variant().id() + (data.isEmbeddedSample() ? "-sample" : ""));
    json.put("train_size", parts.train().size());
    json.put("validation_size", parts.validation().size());
    json.put("test_size", test.size());
    ArrayNode epochs = json.putArray("epochs");
    double seconds = 0;
    for (EpochResult result : history) {
      ObjectNode epoch = epochs.addObject();
      epoch.put("epoch", result.epoch());
      epoch.put("train_accuracy", result.trainAccuracy());
      if (Double.isNaN(result.validationAccuracy())) {
        epoch.putNull("validation_accuracy");
      } else {
        epoch.put("validation_accuracy", result.validationAccuracy());
      }
      epoch.put("seconds", result.seconds());
      seconds += result.seconds();
    }
    json.put("test_accuracy", testAccuracy);
    json.put("samples_per_second", seconds > 0 ? (double) parts.train().size() * history.size() / seconds : 0);
    return json;
  }

  /** Each class's weights as a 28x28 tile (WeightImages), named, under a title that says how to read the colours. */
  static java.awt.image.BufferedImage weightPicture(dev.ruru.array.NDArray weights, List<String> classNames) {
    int columns = 5;
    int scale = 4;
    java.awt.image.BufferedImage grid = WeightImages.render(weights, columns, scale);
    // WeightImages' layout: tiles of side x scale pixels, gaps of 2 x scale.
    int side = (int) Math.round(Math.sqrt(weights.dim(1)));
    int gap = Math.max(2, 2 * scale);
    for (int c = 0; c < weights.dim(0); c++) {
      String name = c < classNames.size() ? classNames.get(c) : "class " + c;
      TitledPicture.label(grid, c + " " + name, gap + (c % columns) * (side * scale + gap), gap + (c / columns) * (side * scale + gap));
    }
    return TitledPicture.of(grid, "Perceptron weights, one tile per class (a weight per pixel)",
        "blue: ink there argues for the class, red: against, white: 0; each tile scaled to its own largest |weight|");
  }
}
