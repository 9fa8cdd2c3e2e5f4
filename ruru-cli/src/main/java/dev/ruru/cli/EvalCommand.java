package dev.ruru.cli;

import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Autodiff;
import dev.ruru.autodiff.Tensor;
import dev.ruru.data.ArrayDataset;
import dev.ruru.data.mnist.IfMissing;
import dev.ruru.data.mnist.MnistData;
import dev.ruru.data.mnist.MnistLoader;
import dev.ruru.data.mnist.MnistVariant;
import dev.ruru.data.audio.SpokenDigits;
import dev.ruru.data.audio.SpokenDigitsCorpus;
import dev.ruru.models.audio.AudioClassifier;
import dev.ruru.models.audio.GeneratedAudioScore;
import dev.ruru.models.classify.ModelFiles;
import dev.ruru.models.classify.SavedModel;
import dev.ruru.models.transfer.ClassSubset;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Loss;
import dev.ruru.onnx.OnnxClassifier;
import dev.ruru.train.Evaluation;
import dev.ruru.train.model.LayerTreeFiles;
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
 * {@code ruru eval}: rebuilds a saved model from its directory (model.json + model.safetensors, of a built-in
 * family or a layer tree) or an .onnx file and evaluates it on the test set of the dataset it was trained on
 * (a fine-tuned head's classes of it): loss, accuracy, and per-class precision, recall and F1. A spoken-digit classifier
 * (audio-cnn, audio-cnn1d) is evaluated on the test voices of its corpus ({@code --data-dir}, default the one it was trained on).
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Evaluates a saved model (the --out directory of ruru train or ruru finetune, or an .onnx file) on its dataset's test set.")
final class EvalCommand implements Callable<Integer> {
  @Option(names = {"--model-dir", "--model"}, paramLabel = "DIR|FILE.onnx", required = true,
      description = "Directory holding model.json and model.safetensors, or an .onnx classifier of Fashion-MNIST-sized images.")
  private Path modelDirectory;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Read the four IDX files from DIR, and only there (default: search $RURU_DATA, ~/.ruru/data/NAME, /usr/share/datasets/NAME).")
  private Path dataDirectory;

  @Option(names = "--dataset", paramLabel = "NAME", description = "fashion-mnist or mnist (default: the one the model was trained on).")
  private String dataset;

  @Option(names = "--generated", paramLabel = "DIR",
      description = "Score the generated clips under DIR (<digit>-<n>.wav, any sample rate) with the audio-cnn classifier in --model-dir:"
          + " accuracy on the intended digit and inception score (WaveGAN's measure); real test clips give the ceiling.")
  private Path generated;

  @Spec private CommandSpec spec;

  /** Adjusts the dataset loader before use; tests restrict its search path so that the embedded sample is used. */
  UnaryOperator<MnistLoader> loaderSetup = UnaryOperator.identity();

  /** What eval needs of a model, a saved directory or an .onnx file alike. */
  private record Classifier(Layer module, List<Integer> inputShape, int classes, List<String> classNames, String description,
      String dataset) {}

  private Classifier classifier() throws IOException {
    if (modelDirectory.toString().endsWith(".onnx")) {
      OnnxClassifier onnx = OnnxClassifier.read(modelDirectory);
      return new Classifier(onnx.layer(), onnx.imageShape(), onnx.classes(), null, onnx.describe(), MnistVariant.FASHION_MNIST.id());
    }
    if (LayerTreeFiles.isLayerTree(modelDirectory)) {
      LayerTreeFiles.Saved tree = LayerTreeFiles.load(modelDirectory);
      int classes = tree.classNames().isEmpty() ? outputWidth(tree) : tree.classNames().size();
      return new Classifier(tree.model(), tree.inputShape(), classes, tree.classNames().isEmpty() ? null : tree.classNames(),
          "layer tree from " + modelDirectory, tree.notes().getOrDefault("dataset", MnistVariant.FASHION_MNIST.id()));
    }
    SavedModel saved = ModelFiles.load(modelDirectory);
    return new Classifier(saved.module(), saved.spec().inputShape(), saved.spec().classes(), saved.spec().classNames(),
        saved.spec().describe() + " from " + modelDirectory, saved.notes().getOrDefault("dataset", MnistVariant.FASHION_MNIST.id()));
  }

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (generated != null) {
      out.println(GeneratedAudioScore.of(modelDirectory, generated).describe());
      out.flush();
      return 0;
    }
    if (AudioClassifier.isAudioClassifier(modelDirectory)) {
      return evaluateAudio(out);
    }
    Classifier model = classifier();
    out.println("model: " + model.description());
    String datasetId = dataset != null ? dataset : model.dataset();
    MnistLoader loader = MnistLoader.of(MnistVariant.fromId(datasetId)).ifMissing(IfMissing.EMBEDDED_SAMPLE);
    // A directory the user named is the data or an error: never a silent fallback to another copy.
    MnistData data = dataDirectory == null ? loaderSetup.apply(loader).load() : loaderSetup.apply(loader).loadOnly(dataDirectory);
    out.println("data: " + data.source() + (data.isEmbeddedSample() ? " (no full dataset found; see --data-dir)" : ""));
    ArrayDataset images = testImages(model, data);
    Evaluation test = Supervised.evaluate(model.module(), Loss.crossEntropy(), images, 256);
    out.printf(Locale.ROOT, "test: loss %.4f, accuracy %.2f%% (top-2 %.2f%%) on %d images%n%n", test.loss(), 100 * test.accuracy(),
        100 * test.topKAccuracy(2), images.size());
    out.print(test.confusionMatrix().report(model.classNames() != null ? model.classNames() : data.variant().classNames()));
    out.flush();
    return 0;
  }

  /** A spoken-digit classifier on the test voices of --data-dir, or of the corpus it was trained on. */
  private int evaluateAudio(PrintWriter out) throws IOException {
    AudioClassifier model = AudioClassifier.load(modelDirectory);
    SpokenDigitsCorpus corpus = SpokenDigitsCorpus.load(model.corpusOr(dataDirectory));
    out.println("model: " + model.description() + " from " + modelDirectory);
    out.println("data: the test voices of " + corpus.directory() + " (" + String.join(", ", corpus.test().distinctVoices()) + ")");
    Evaluation test = model.evaluate(corpus.test());
    out.printf(Locale.ROOT, "test: loss %.4f, accuracy %.2f%% (top-2 %.2f%%) on %d clips%n%n", test.loss(), 100 * test.accuracy(),
        100 * test.topKAccuracy(2), corpus.test().size());
    out.print(test.confusionMatrix().report(SpokenDigits.WORDS));
    out.flush();
    return 0;
  }

  /**
   * The test images the model classifies: all of them, or, for a model fine-tuned on some of the dataset's
   * classes (ruru finetune --head 5-9 names them), the images of those classes relabelled in its order.
   */
  private static ArrayDataset testImages(Classifier model, MnistData data) {
    List<Integer> imageShape = List.of(data.test().features().dim(1), data.test().features().dim(2));
    List<String> names = data.variant().classNames();
    if (imageShape.equals(model.inputShape()) && data.variant().classCount() == model.classes()) {
      return data.test();
    }
    if (imageShape.equals(model.inputShape()) && model.classNames() != null && names.containsAll(model.classNames())) {
      return ClassSubset.of(data.test(), model.classNames().stream().map(names::indexOf).toList());
    }
    throw new IllegalArgumentException("the model takes inputs " + model.inputShape() + " into " + model.classes()
        + " classes, but " + data.variant().id() + " has images " + imageShape + " in " + data.variant().classCount() + " classes");
  }

  /** The number of outputs of a model that names no classes: its output's width for one zero input. */
  private static int outputWidth(LayerTreeFiles.Saved tree) {
    int[] shape = new int[tree.inputShape().size() + 1];
    shape[0] = 1;
    for (int i = 1; i < shape.length; i++) {
      shape[i] = tree.inputShape().get(i - 1);
    }
    return Autodiff.noGrad(() -> tree.model().forward(Tensor.constant(NDArray.zeros(Shape.of(shape)))).shape().dim(1));
  }
}
