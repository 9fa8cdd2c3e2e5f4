package dev.ruru.cli;

import dev.ruru.array.NDArray;
import dev.ruru.autodiff.Autodiff;
import dev.ruru.autodiff.Tensor;
import dev.ruru.data.audio.SpokenDigits;
import dev.ruru.data.csv.CsvTable;
import dev.ruru.models.audio.AudioClassifier;
import dev.ruru.models.classify.ModelFiles;
import dev.ruru.models.classify.SavedModel;
import dev.ruru.nn.Layer;
import dev.ruru.train.model.LayerTreeFiles;
import dev.ruru.onnx.OnnxClassifier;
import dev.ruru.models.table.TableModel;
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
 * {@code ruru predict}: rebuilds a saved model and prints, for each input image, the three most likely
 * classes with their softmax probabilities.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
    description = {"Classifies images with a saved model (the --out directory of ruru train or ruru finetune) or an .onnx file.",
        "Inputs: .npy arrays [28, 28] or [n, 28, 28] (floats in [0, 1], or integer pixels 0..255), or pictures (PNG, JPEG),",
        "greyscale light-on-dark like MNIST, scaled to the model's size.",
        "A model trained on a table (ruru train --csv) takes CSV files with the same header (the target column may be left out).",
        "A spoken-digit classifier (ruru train --model audio-cnn|audio-cnn1d) takes WAV files (any rate, resampled to 16 kHz; 1 s is heard)."})
final class PredictCommand implements Callable<Integer> {
  static final int SHOWN = 3;

  @Option(names = {"--model-dir", "--model"}, paramLabel = "DIR|FILE.onnx", required = true,
      description = "Directory holding model.json and model.safetensors, or an .onnx file.")
  private Path modelDirectory;

  @Option(names = "--input", paramLabel = "FILE", required = true, arity = "1..*", description = "Images to classify (.npy or .png), or CSV files of rows for a table model.")
  private List<Path> inputs;

  @Spec private CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (TableModel.isTableModel(modelDirectory)) {
      predictRows(out, TableModel.load(modelDirectory));
      return 0;
    }
    if (AudioClassifier.isAudioClassifier(modelDirectory)) {
      AudioClassifier audio = AudioClassifier.load(modelDirectory);
      NDArray probabilities = softmax(audio.scores(AudioClassifier.clipsOf(inputs)));
      for (int i = 0; i < inputs.size(); i++) {
        out.println(inputs.get(i) + ": " + topClasses(probabilities, i, SpokenDigits.WORDS));
      }
      out.flush();
      return 0;
    }
    if (modelDirectory.toString().endsWith(".onnx")) {
      OnnxClassifier onnx = OnnxClassifier.read(modelDirectory);
      print(out, onnx.imageShape(), List.of(), onnx::scores);
    } else if (LayerTreeFiles.isLayerTree(modelDirectory)) {
      LayerTreeFiles.Saved tree = LayerTreeFiles.load(modelDirectory);
      print(out, tree.inputShape(), tree.classNames(), images -> scores(tree.model(), images));
    } else {
      SavedModel saved = ModelFiles.load(modelDirectory);
      print(out, saved.spec().inputShape(), saved.spec().classNames(), saved::scores);
    }
    out.flush();
    return 0;
  }

  /** Top classes per image; an ONNX file names no classes, so its are numbered. */
  private void print(PrintWriter out, List<Integer> shape, List<String> names, UnaryOperator<NDArray> scores) throws IOException {
    for (Path input : inputs) {
      NDArray images = InputImages.read(input, shape);
      NDArray probabilities = softmax(scores.apply(images.rank() == shape.size() ? images.unsqueeze(0) : images));
      for (int i = 0; i < images.dim(0); i++) {
        String label = images.dim(0) == 1 ? input.toString() : input + "[" + i + "]";
        out.println(label + ": " + topClasses(probabilities, i, names));
      }
    }
  }

  /** Class scores of {@code model} for {@code images}, in batches of 256 without recording gradients. */
  private static NDArray scores(Layer model, NDArray images) {
    List<NDArray> parts = new java.util.ArrayList<>();
    for (int start = 0; start < images.dim(0); start += 256) {
      NDArray batch = images.slice(0, start, Math.min(images.dim(0), start + 256), 1);
      parts.add(Autodiff.noGrad(() -> model.forward(Tensor.constant(batch)).value()));
    }
    return NDArray.concatenate(parts, 0);
  }

  /** A table model's answer for every row of every --input CSV file, labelled with the file and the row's line. */
  private void predictRows(PrintWriter out, TableModel model) throws IOException {
    for (Path input : inputs) {
      CsvTable rows = CsvTable.read(input, ',');
      List<String> answers = model.predict(rows);
      int[] lines = rows.lines();
      for (int row = 0; row < answers.size(); row++) {
        out.println(input + ":" + lines[row] + ": " + answers.get(row));
      }
    }
    out.flush();
  }

  /** Rows of {@code scores} as probabilities; subtracting each row's maximum keeps exp() from overflowing. */
  static NDArray softmax(NDArray scores) {
    NDArray shifted = scores.sub(scores.max(1, dev.ruru.array.Dims.KEEP)).exp();
    return shifted.div(shifted.sum(1, dev.ruru.array.Dims.KEEP));
  }

  /** {@code "Ankle boot 97.12%, Sneaker 2.31%, Sandal 0.40%"}: the most likely classes of row {@code row}, best first. */
  static String topClasses(NDArray probabilities, int row, List<String> names) {
    int classes = probabilities.dim(1);
    Integer[] order = new Integer[classes];
    for (int c = 0; c < classes; c++) {
      order[c] = c;
    }
    java.util.Arrays.sort(order, (a, b) -> Double.compare(probabilities.getDouble(row, b), probabilities.getDouble(row, a)));
    StringBuilder text = new StringBuilder();
    for (int k = 0; k < Math.min(SHOWN, classes); k++) {
      int c = order[k];
      text.append(k == 0 ? "" : ", ").append(c < names.size() ? names.get(c) : "class " + c)
          .append(String.format(Locale.ROOT, " %.2f%%", 100 * probabilities.getDouble(row, c)));
    }
    return text.toString();
  }
}
