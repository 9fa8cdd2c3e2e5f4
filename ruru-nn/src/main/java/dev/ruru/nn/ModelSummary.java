package dev.ruru.nn;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Autodiff;
import dev.ruru.autodiff.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A model as a table, as Keras's {@code model.summary()}: each layer's path, type, output shape (from one
 * forward pass in {@link Mode#EVAL}, without gradients), parameter count and how many of those are
 * trainable. A {@link Sequential} is opened up, layer by layer (each fed the one before's output); any
 * other layer is one row.
 *
 * <pre>{@code
 * System.out.println(model.summary(Shape.of(1, 28, 28)));
 * // path  layer      output shape     parameters  trainable
 * // 1     Conv2d     [1, 16, 28, 28]         160        160 ...
 * }</pre>
 *
 * @param rows one per layer, in order
 */
public record ModelSummary(List<Row> rows, long parameters, long trainable) {
  /** One layer: its path, type, output shape, and its parameters, all and trainable. */
  public record Row(String path, String type, Shape outputShape, long parameters, long trainable) {}

  public ModelSummary {
    rows = List.copyOf(rows);
  }

  /** The summary of {@code model} run on zeros of {@code inputShape} (batch axis included). */
  public static ModelSummary of(Layer model, Shape inputShape) {
    DType dtype = model.parameters().values().stream().map(Parameter::dtype).findFirst().orElse(DType.FLOAT32);
    return of(model, NDArray.zeros(inputShape, dtype));
  }

  /** The summary of {@code model} run on {@code input} (for inputs that are not floats: token indices). */
  public static ModelSummary of(Layer model, NDArray input) {
    List<Row> rows = new ArrayList<>();
    Autodiff.noGrad(() -> visit(model, "", Tensor.constant(input), rows));
    return new ModelSummary(rows, Params.count(model.parameters()), Params.count(model.trainableParameters()));
  }

  /** Appends the rows of {@code layer} at {@code path} and returns its output. */
  private static Tensor visit(Layer layer, String path, Tensor input, List<Row> rows) {
    if (layer instanceof Sequential sequential && sequential.size() > 0) {
      Tensor x = input;
      for (Map.Entry<String, Layer> child : sequential.children().entrySet()) {
        x = visit(child.getValue(), path.isEmpty() ? child.getKey() : path + "." + child.getKey(), x, rows);
      }
      return x;
    }
    Tensor output;
    try {
      output = layer.forward(input, Mode.EVAL);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("summary: layer '" + path + "' (" + layer + ") failed on input " + input.shape() + ": "
          + e.getMessage(), e);
    }
    rows.add(new Row(path, layer.getClass().getSimpleName(), output.shape(), Params.count(layer.parameters()),
        Params.count(layer.trainableParameters())));
    return output;
  }

  /** The table, aligned, with a line of totals. */
  @Override
  public String toString() {
    List<String[]> cells = new ArrayList<>();
    cells.add(new String[] {"path", "layer", "output shape", "parameters", "trainable"});
    for (Row row : rows) {
      cells.add(new String[] {row.path(), row.type(), row.outputShape().toString(), String.format("%,d", row.parameters()),
          String.format("%,d", row.trainable())});
    }
    int[] widths = new int[5];
    cells.forEach(line -> {
      for (int i = 0; i < 5; i++) {
        widths[i] = Math.max(widths[i], line[i].length());
      }
    });
    StringBuilder text = new StringBuilder();
    for (String[] line : cells) {
      text.append(String.format("%-" + widths[0] + "s  %-" + widths[1] + "s  %-" + widths[2] + "s  %" + widths[3] + "s  %" + widths[4] + "s",
          (Object[]) line).stripTrailing()).append('\n');
    }
    return text.append(String.format("total %,d parameters, %,d trainable, %,d frozen", parameters, trainable, parameters - trainable))
        .toString();
  }
}
