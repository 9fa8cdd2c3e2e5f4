package dev.ruru.nn;

import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Recurrence;
import dev.ruru.autodiff.RecurrentCell;
import dev.ruru.autodiff.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.random.RandomGenerator;

/**
 * The stacked, optionally bidirectional recurrence that {@link RNN}, {@link LSTM} and {@link GRU} share.
 * Layer l, direction d has PyTorch's parameters {@code weight_ih_l<l>[_reverse]} [G·H, in],
 * {@code weight_hh_l<l>} [G·H, H], {@code bias_ih_l<l>} and {@code bias_hh_l<l>} [G·H], all from
 * U(−1/√H, 1/√H), so a state dictionary loads into torch.nn.LSTM unchanged. Each layer projects its
 * whole input sequence with one GEMM and runs {@link Recurrence} per direction; a bidirectional layer
 * joins the two directions' outputs along the features.
 */
final class RecurrentStack {
  private final String name;
  private final RecurrentCell cell;
  private final int inputSize, hiddenSize;
  private final RecurrentOptions options;
  private final RandomGenerator rng;
  private final Map<String, Parameter> parameters = new LinkedHashMap<>();

  RecurrentStack(String name, RecurrentCell cell, int inputSize, int hiddenSize, RecurrentOptions options, RandomGenerator rng) {
    if (inputSize < 1 || hiddenSize < 1) {
      throw new IllegalArgumentException(name + ": input and hidden sizes must be positive, got " + inputSize + " and " + hiddenSize);
    }
    this.name = name;
    this.cell = cell;
    this.inputSize = inputSize;
    this.hiddenSize = hiddenSize;
    this.options = options;
    this.rng = rng;
    double bound = 1 / Math.sqrt(hiddenSize);
    Init init = Init.uniform(-bound, bound);
    int width = cell.gates() * hiddenSize;
    for (int layer = 0; layer < options.layers(); layer++) {
      int in = layer == 0 ? inputSize : hiddenSize * options.directions();
      for (int direction = 0; direction < options.directions(); direction++) {
        String suffix = "_l" + layer + (direction == 1 ? "_reverse" : "");
        parameters.put("weight_ih" + suffix, new Parameter(init.sample(Shape.of(width, in), options.dtype(), rng)));
        parameters.put("weight_hh" + suffix, new Parameter(init.sample(Shape.of(width, hiddenSize), options.dtype(), rng)));
        if (options.bias()) {
          parameters.put("bias_ih" + suffix, new Parameter(init.sample(Shape.of(width), options.dtype(), rng)));
          parameters.put("bias_hh" + suffix, new Parameter(init.sample(Shape.of(width), options.dtype(), rng)));
        }
      }
    }
  }

  Map<String, Parameter> parameters() { return java.util.Collections.unmodifiableMap(parameters); }
  RecurrentOptions options() { return options; }
  int inputSize() { return inputSize; }
  int hiddenSize() { return hiddenSize; }

  /** The outputs and final states for {@code input}, from {@code initial} (null: zeros), with an optional padding mask [B, T]. */
  RecurrentOutput run(Tensor input, RecurrentState initial, NDArray mask, Mode mode) {
    Tensor x = batchFirst(input);
    return stack(x.shape().dim(0), direction -> projection(x, 0, direction), initial, mask, mode);
  }

  /**
   * The first layer reading the rows of an embedding table [V, in] at {@code ids} [B, T]. Projecting
   * first and looking up after gives the same x·W_ihᵀ + b_ih, as a lookup in the table's projection
   * [V, G·H]: a GEMM over V rows instead of B·T (65 against 2,048 for a character model's batch), and
   * the same saving in the backward pass.
   */
  RecurrentOutput runOnTable(Tensor table, NDArray ids, RecurrentState initial, Mode mode) {
    if (table.rank() != 2 || table.shape().dim(1) != inputSize) {
      throw new IllegalArgumentException(name + ": expected an embedding table [rows, " + inputSize + "], got " + table.shape());
    }
    if (ids.rank() != 2) {
      throw new IllegalArgumentException(name + ": expected token ids [batch, steps], got " + ids.shape());
    }
    Tensor rows = table.astype(options.dtype());
    return stack(ids.dim(0), direction -> linear(rows, 0, direction).takeRows(ids), initial, null, mode);
  }

  /** The layers over a batch of {@code batch} sequences, the first layer's input projection per direction from {@code firstProjection}. */
  private RecurrentOutput stack(int batch, IntFunction<Tensor> firstProjection, RecurrentState initial, NDArray mask, Mode mode) {
    checkState(initial, batch);
    List<Tensor> hidden = new ArrayList<>(), cells = new ArrayList<>();
    Tensor x = null;
    for (int layer = 0; layer < options.layers(); layer++) {
      if (layer > 0 && options.dropout() > 0) {
        x = Functional.dropout(x, options.dropout(), mode, rng);
      }
      List<Tensor> outputs = new ArrayList<>();
      for (int direction = 0; direction < options.directions(); direction++) {
        int index = layer * options.directions() + direction;
        Tensor p = layer == 0 ? firstProjection.apply(direction) : projection(x, layer, direction);
        Recurrence.Result r = Recurrence.run(cell, p, weight("weight_hh", layer, direction), hiddenBias(layer, direction),
            state(initial, index, batch, false), state(initial, index, batch, true), mask, direction == 1);
        outputs.add(r.output());
        hidden.add(r.hidden().reshape(1, batch, hiddenSize));
        if (r.cell() != null) {
          cells.add(r.cell().reshape(1, batch, hiddenSize));
        }
      }
      x = outputs.size() == 1 ? outputs.get(0) : Tensor.concat(outputs, 2);
    }
    Tensor output = options.batchFirst() ? x : x.permute(1, 0, 2);
    return new RecurrentOutput(output, new RecurrentState(Tensor.concat(hidden, 0), cells.isEmpty() ? null : Tensor.concat(cells, 0)));
  }

  /** x·W_ihᵀ + b_ih of layer {@code layer}, direction {@code direction}, for x [B, T, in]: [B, T, G·H]. */
  private Tensor projection(Tensor x, int layer, int direction) {
    int batch = x.shape().dim(0), steps = x.shape().dim(1);
    return linear(x.reshape(batch * steps, x.shape().dim(2)), layer, direction).reshape(batch, steps, cell.gates() * hiddenSize);
  }

  private Tensor linear(Tensor rows, int layer, int direction) {
    Tensor weightIh = weight("weight_ih", layer, direction);
    return options.bias() ? Functional.linear(rows, weightIh, weight("bias_ih", layer, direction)) : Functional.linear(rows, weightIh);
  }

  private Tensor hiddenBias(int layer, int direction) {
    return options.bias() ? weight("bias_hh", layer, direction)
        : Tensor.constant(NDArray.zeros(Shape.of(cell.gates() * hiddenSize), options.dtype()));
  }

  private Tensor weight(String kind, int layer, int direction) {
    return parameters.get(kind + "_l" + layer + (direction == 1 ? "_reverse" : "")).tensor();
  }

  private Tensor batchFirst(Tensor input) {
    String layout = options.batchFirst() ? "[batch, steps, " + inputSize + "]" : "[steps, batch, " + inputSize + "]";
    if (input.rank() != 3 || input.shape().dim(2) != inputSize) {
      throw new IllegalArgumentException(name + ": expected input " + layout + ", got " + input.shape());
    }
    Tensor x = input.astype(options.dtype());
    return options.batchFirst() ? x : x.permute(1, 0, 2);
  }

  private void checkState(RecurrentState initial, int batch) {
    if (initial == null) {
      return;
    }
    Shape expected = Shape.of(options.layers() * options.directions(), batch, hiddenSize);
    if (!initial.hidden().shape().equals(expected)) {
      throw new IllegalArgumentException(name + ": the initial hidden state must be " + expected + " (layers·directions, batch, hidden), got "
          + initial.hidden().shape());
    }
    if (cell.hasCellState() && (initial.cell() == null || !initial.cell().shape().equals(expected))) {
      throw new IllegalArgumentException(name + ": the initial cell state must be " + expected + ", got "
          + (initial.cell() == null ? "none" : initial.cell().shape()));
    }
  }

  /** Layer-direction {@code index}'s initial h (or c), [B, H]; zeros when none is given. */
  private Tensor state(RecurrentState initial, int index, int batch, boolean cellState) {
    if (cellState && !cell.hasCellState()) {
      return null;
    }
    Tensor all = initial == null ? null : cellState ? initial.cell() : initial.hidden();
    if (all == null) {
      return Tensor.constant(NDArray.zeros(Shape.of(batch, hiddenSize), options.dtype()));
    }
    return all.astype(options.dtype()).slice(0, index, index + 1, 1).reshape(batch, hiddenSize);
  }

  String describe() {
    return name + "(" + inputSize + " -> " + hiddenSize + (options.layers() > 1 ? ", layers=" + options.layers() : "")
        + (options.bidirectional() ? ", bidirectional" : "") + (options.dropout() > 0 ? ", dropout=" + options.dropout() : "")
        + (options.bias() ? "" : ", no bias") + ")";
  }
}
