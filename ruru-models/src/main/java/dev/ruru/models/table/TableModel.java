package dev.ruru.models.table;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.autodiff.Tensor;
import dev.ruru.data.csv.CsvTable;
import dev.ruru.nn.Dropout;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Linear;
import dev.ruru.nn.Mode;
import dev.ruru.nn.ReLU;
import dev.ruru.nn.Sequential;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.model.ModelDirectory;
import dev.ruru.train.model.ModelJson;
import dev.ruru.train.model.ParameterShape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A network trained on a table ({@code ruru train --csv}): a multi-layer perceptron over the encoded
 * columns, with the {@link TableEncoding} it was trained with. Saved as model.safetensors beside a
 * model.json of format {@value #FORMAT} that holds the encoding, so that {@code ruru predict} reads new
 * rows of the same CSV layout and encodes them exactly as training did.
 *
 * <pre>{@code
 * TableModel model = TableModel.load(Path.of("runs/table"));
 * List<String> answers = model.predict(CsvTable.read(Path.of("new-rows.csv"), ','));
 * }</pre>
 */
public final class TableModel {
  static final String FORMAT = "ruru-table-model";
  static final ModelDirectory.Format KIND = new ModelDirectory.Format(FORMAT, "Ruru table model",
      "`ruru train --csv FILE --target COLUMN --out DIR`", "; image models are used with `ruru predict --input IMAGE`");
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final TableEncoding encoding;
  private final List<Integer> hidden;
  private final double dropout;
  private final Layer network;

  TableModel(TableEncoding encoding, List<Integer> hidden, double dropout, Layer network) {
    this.encoding = encoding;
    this.hidden = List.copyOf(hidden);
    this.dropout = dropout;
    this.network = network;
  }

  /** Linear, ReLU (and Dropout) per hidden width, then a Linear to {@code outputs}: PyTorch's nn.Sequential of the same. */
  static Layer build(int inputs, List<Integer> hidden, double dropout, int outputs, RandomGenerator rng) {
    List<Layer> layers = new ArrayList<>();
    int in = inputs;
    for (int width : hidden) {
      layers.add(new Linear(in, width, rng));
      layers.add(new ReLU());
      if (dropout > 0) {
        layers.add(new Dropout(dropout, rng));
      }
      in = width;
    }
    layers.add(new Linear(in, outputs, rng));
    return new Sequential(layers);
  }

  /** The tensors {@link #build} makes, by their Sequential names. */
  static Stream<ParameterShape> shapes(int inputs, List<Integer> hidden, double dropout, int outputs) {
    int step = dropout > 0 ? 3 : 2;
    return IntStream.rangeClosed(0, hidden.size()).boxed().flatMap(k -> {
      long in = k == 0 ? inputs : hidden.get(k - 1);
      long out = k == hidden.size() ? outputs : hidden.get(k);
      return Stream.of(ParameterShape.of(step * k + ".weight", DType.FLOAT32, out, in), ParameterShape.of(step * k + ".bias", DType.FLOAT32, out));
    });
  }

  public TableEncoding encoding() { return encoding; }
  public Layer network() { return network; }

  /** {@code "mlp 7-64-1 relu (regression of price)"}. */
  public String describe() {
    List<String> widths = new ArrayList<>();
    widths.add(String.valueOf(encoding.width()));
    hidden.forEach(width -> widths.add(String.valueOf(width)));
    widths.add(String.valueOf(encoding.outputs()));
    return "mlp " + String.join("-", widths) + " relu" + (dropout > 0 ? " dropout " + dropout : "") + " (" + encoding.task().id() + " of "
        + encoding.target() + ")";
  }

  /** Writes model.safetensors and model.json into {@code directory}, refusing a network the description does not match. */
  public void save(Path directory) throws IOException {
    ModelDirectory.checkSaved(network.stateDict(), shapes(encoding.width(), hidden, dropout, encoding.outputs()), describe());
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", ModelDirectory.SEALED_VERSION);
    hidden.forEach(root.putArray("hidden")::add);
    root.put("dropout", dropout);
    encoding.writeTo(root);
    root.put("weights", ModelDirectory.WEIGHTS);
    root.put("summary", describe());
    ModelDirectory.write(directory, network.stateDict(), describe(), JSON.writeValueAsString(root) + "\n");
  }

  /** Whether {@code directory} holds a table model (its model.json says format {@value #FORMAT}). */
  public static boolean isTableModel(Path directory) throws IOException {
    Path description = directory.resolve(ModelDirectory.DESCRIPTION);
    return Files.isRegularFile(description) && ModelJson.parse(ModelJson.read(description), description.toString()).raw("format").asText()
        .equals(FORMAT);
  }

  /** The model in {@code directory}: its description, then its tensors checked against it, then the seal, then the weights. */
  public static TableModel load(Path directory) throws IOException {
    ModelDirectory.Opened opened = ModelDirectory.open(directory, KIND);
    ModelJson json = opened.json();
    json.checkKeys(List.of("format", "version", "hidden", "dropout", "task", "target", "columns"),
        List.of("classes", "target_mean", "target_std", "weights", "summary"));
    ModelDirectory.checkKeysForPeople(json);
    TableEncoding encoding = TableEncoding.readFrom(rootOf(json), json.source());
    List<Integer> hidden = json.integers("hidden");
    double dropout = json.number("dropout");
    String summary = "table model in " + directory;
    opened.checkTensors(shapes(encoding.width(), hidden, dropout, encoding.outputs()), summary);
    opened.checkSeal();
    Layer network = opened.rebuild(() -> build(encoding.width(), hidden, dropout, encoding.outputs(), new ResumableRandom(0)), summary);
    network.loadStateDict(opened.readWeights());
    return new TableModel(encoding, hidden, dropout, network);
  }

  private static com.fasterxml.jackson.databind.JsonNode rootOf(ModelJson json) {
    ObjectNode node = JSON.createObjectNode();
    for (String key : List.of("task", "target", "columns", "classes", "target_mean", "target_std")) {
      if (json.has(key)) {
        node.set(key, json.raw(key));
      }
    }
    return node;
  }

  /** The network's outputs for encoded {@code features}: class scores {@code [n, classes]}, or standardised numbers {@code [n, 1]}. */
  public NDArray outputs(NDArray features) {
    return network.forward(Tensor.constant(features), Mode.EVAL).value();
  }

  /**
   * One answer per row of {@code rows} (the target column may be there or not): the three likeliest classes
   * with their probabilities, or the predicted number in the target's units.
   */
  public List<String> predict(CsvTable rows) {
    NDArray outputs = outputs(encoding.features(rows));
    List<String> answers = new ArrayList<>();
    for (int row = 0; row < rows.rows().size(); row++) {
      answers.add(encoding.task() == TableTask.REGRESSION
          ? String.format(Locale.ROOT, "%s = %.6g", encoding.target(), encoding.inTargetUnits(outputs).getDouble(row, 0))
          : likeliest(outputs, row));
    }
    return answers;
  }

  private String likeliest(NDArray scores, int row) {
    int classes = scores.dim(1);
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < classes; c++) {
      max = Math.max(max, scores.getDouble(row, c));
    }
    double[] probabilities = new double[classes];
    double sum = 0;
    for (int c = 0; c < classes; c++) {
      // Subtracting the maximum keeps exp() from overflowing.
      probabilities[c] = Math.exp(scores.getDouble(row, c) - max);
      sum += probabilities[c];
    }
    final double total = sum;
    List<Integer> order = IntStream.range(0, classes).boxed().sorted((a, b) -> Double.compare(probabilities[b], probabilities[a])).toList();
    List<String> shown = order.subList(0, Math.min(3, classes)).stream()
        .map(c -> String.format(Locale.ROOT, "%s %.2f%%", encoding.classes().get(c), 100 * probabilities[c] / total)).toList();
    return encoding.target() + ": " + String.join(", ", shown);
  }
}
