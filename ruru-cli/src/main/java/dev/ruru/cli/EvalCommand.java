package dev.ruru.cli;

import dev.ruru.data.mnist.IfMissing;
import dev.ruru.data.mnist.MnistData;
import dev.ruru.data.mnist.MnistLoader;
import dev.ruru.data.mnist.MnistVariant;
import dev.ruru.models.classify.ModelFiles;
import dev.ruru.models.classify.SavedModel;
import dev.ruru.nn.Loss;
import dev.ruru.train.Evaluation;
import dev.ruru.train.objective.Supervised;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ruru eval}: rebuilds a saved model from its directory (model.json + model.safetensors) and
 * evaluates it on the test set of the dataset it was trained on: loss, accuracy, and per-class precision,
 * recall and F1.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Evaluates a saved model (the --out directory of ruru train) on its dataset's test set.")
final class EvalCommand implements Callable<Integer> {
  @Option(names = "--model-dir", paramLabel = "DIR", required = true, description = "Directory holding model.json and model.safetensors.")
  private Path modelDirectory;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Read the four IDX files from DIR, and only there (default: search $RURU_DATA, ~/.ruru/data/NAME, /usr/share/datasets/NAME).")
  private Path dataDirectory;

  @Option(names = "--dataset", paramLabel = "NAME", description = "fashion-mnist or mnist (default: the one the model was trained on).")
  private String dataset;

  @Spec private CommandSpec spec;

  /** Adjusts the dataset loader before use; tests restrict its search path so that the embedded sample is used. */
  UnaryOperator<MnistLoader> loaderSetup = UnaryOperator.identity();

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    SavedModel saved = ModelFiles.load(modelDirectory);
    out.println("model: " + saved.spec().describe() + " from " + modelDirectory);
    String datasetId = dataset != null ? dataset : saved.notes().getOrDefault("dataset", MnistVariant.FASHION_MNIST.id());
    MnistLoader loader = MnistLoader.of(MnistVariant.fromId(datasetId)).ifMissing(IfMissing.EMBEDDED_SAMPLE);
    // A directory the user named is the data or an error: never a silent fallback to another copy.
    MnistData data = dataDirectory == null ? loaderSetup.apply(loader).load() : loaderSetup.apply(loader).loadOnly(dataDirectory);
    out.println("data: " + data.source() + (data.isEmbeddedSample() ? " (no full dataset found; see --data-dir)" : ""));
    List<Integer> imageShape = List.of(data.test().features().dim(1), data.test().features().dim(2));
    if (!imageShape.equals(saved.spec().inputShape()) || data.variant().classCount() != saved.spec().classes()) {
      throw new IllegalArgumentException("the model takes inputs " + saved.spec().inputShape() + " into " + saved.spec().classes()
          + " classes, but " + data.variant().id() + " has images " + imageShape + " in " + data.variant().classCount() + " classes");
    }
    Evaluation test = Supervised.evaluate(saved.module(), Loss.crossEntropy(), data.test(), 256);
    out.printf(Locale.ROOT, "test: loss %.4f, accuracy %.2f%% (top-2 %.2f%%) on %d images%n%n", test.loss(), 100 * test.accuracy(),
        100 * test.topKAccuracy(2), data.test().size());
    out.print(test.confusionMatrix().report(saved.spec().classNames()));
    out.flush();
    return 0;
  }
}
