package dev.ruru.onnx;

import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Recurrence;
import dev.ruru.autodiff.RecurrentCell;
import dev.ruru.autodiff.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * ONNX's LSTM (without peepholes), GRU with {@code linear_before_reset=1} (what PyTorch exports) and tanh
 * RNN run on Ruru's fused recurrence ({@link Recurrence}: one GEMM and one pass of pointwise math per step,
 * backward through time in a loop), the cells nn.LSTM and nn.GRU run on, instead of a dozen recorded
 * operations per step. The fused cells use PyTorch's gate order, so the weights' gate blocks are reordered
 * (LSTM: ONNX i, o, f, c to i, f, c, o; GRU: z, r, h to r, z, h) by differentiable slices, and the
 * imported graph still fine-tunes; in inference the reordered weights are kept ({@link DerivedWeights}). {@link RecurrentOperators} runs every other variant step by step.
 */
final class FusedRecurrence {
  private FusedRecurrence() {}

  /** The cell the fused recurrence runs for {@code call}, or null when it must run step by step. */
  static RecurrentCell cell(NodeCall call, String opType) {
    return switch (opType) {
      case "LSTM" -> call.optionalInput(7) == null ? RecurrentCell.LSTM : null;
      case "GRU" -> call.intAttribute("linear_before_reset", 0) != 0 ? RecurrentCell.GRU : null;
      case "RNN" -> RecurrentCell.RNN_TANH;
      default -> null;
    };
  }

  /** Y [seq, dirs, batch, H], Y_h and (LSTM) Y_c [dirs, batch, H], time-major; the caller applies the layout. */
  static Tensor[] run(NodeCall call, RecurrentCell cell, Tensor timeMajor, int hidden, String direction) {
    int directions = direction.equals("bidirectional") ? 2 : 1;
    int steps = timeMajor.shape().dim(0);
    int batch = timeMajor.shape().dim(1);
    // Rows in the order they lie in memory, so that the reshape is a view: PyTorch's graphs transpose a
    // batch-first input to time-major before the LSTM, and copying it back cost a pass per layer.
    boolean batchFirst = timeMajor.permute(1, 0, 2).value().isContiguous() && !timeMajor.value().isContiguous();
    Tensor rows = (batchFirst ? timeMajor.permute(1, 0, 2) : timeMajor).reshape(steps * batch, timeMajor.shape().dim(2));
    List<Tensor> ys = new ArrayList<>();
    List<Tensor> hs = new ArrayList<>();
    List<Tensor> cs = new ArrayList<>();
    for (int d = 0; d < directions; d++) {
      boolean reverse = direction.equals("reverse") || d == 1;
      Recurrence.Result result = direction(call, cell, rows, batchFirst, steps, batch, hidden, d, reverse);
      ys.add(result.output().permute(1, 0, 2).reshape(steps, 1, batch, hidden));
      hs.add(result.hidden().reshape(1, batch, hidden));
      cs.add(result.cell() == null ? null : result.cell().reshape(1, batch, hidden));
    }
    Tensor yc = cell == RecurrentCell.LSTM ? joined(cs, 0) : null;
    return new Tensor[] {joined(ys, 1), joined(hs, 0), yc};
  }

  /** The directions' tensors along {@code axis}; one direction's as it is (a concat of one copies it). */
  private static Tensor joined(List<Tensor> parts, int axis) {
    return parts.size() == 1 ? parts.getFirst() : Tensor.concat(parts, axis);
  }

  /**
   * One direction: the whole sequence's input projection as one product, then the fused steps. The
   * rows are batch-first ({@code batchFirst}) or time-major.
   */
  private static Recurrence.Result direction(NodeCall call, RecurrentCell cell, Tensor rows, boolean batchFirst, int steps, int batch,
      int hidden, int d, boolean reverse) {
    int width = cell.gates() * hidden;
    List<Tensor> weights = call.derived("direction" + d, java.util.Arrays.asList(call.input(1), call.input(2), call.optionalInput(3)),
        () -> reordered(call, cell, d, width, hidden, rows));
    Tensor inputBias = weights.get(2);
    // W·rowsᵀ [G·H, rows], viewed as [batch, seq, G·H]: each gate unit's values together, as the
    // inference kernel reads them (RecurrentInference); rows·Wᵀ had them G·H apart.
    Tensor projected = weights.get(0).matmul(rows.transpose());
    if (inputBias != null) {
      projected = projected.add(inputBias.reshape(width, 1));
    }
    Tensor sequence = batchFirst ? projected.reshape(width, batch, steps).permute(1, 2, 0)
        : projected.reshape(width, steps, batch).permute(2, 1, 0);
    Tensor h0 = initial(call, 5, d, batch, hidden, rows);
    Tensor c0 = cell == RecurrentCell.LSTM ? initial(call, 6, d, batch, hidden, rows) : null;
    return Recurrence.run(cell, sequence, weights.get(1), weights.get(3), h0, c0, null, reverse);
  }

  /**
   * Direction {@code d}'s W [G·H, in], R [G·H, H], input bias (null without B) and recurrent bias, gates
   * in PyTorch's order. The LSTM and the RNN add both biases to the same sum, so they go in as one
   * recurrent bias (their sum, through which gradients reach both) and the input projection is a plain
   * product: adding a bias to its [seq·batch, G·H] rows was a strided pass of its own (6% of the LSTM
   * fixture's batch-64 inference in JFR). The GRU's r scales its recurrent bias, so it keeps both.
   */
  private static List<Tensor> reordered(NodeCall call, RecurrentCell cell, int d, int width, int hidden, Tensor like) {
    Tensor w = reorder(cell, call.input(1).slice(0, d, d + 1, 1).reshape(width, -1), hidden);
    Tensor r = reorder(cell, call.input(2).slice(0, d, d + 1, 1).reshape(width, hidden), hidden);
    Tensor bias = call.optionalInput(3);
    Tensor both = bias == null ? null : bias.slice(0, d, d + 1, 1).reshape(2 * width);
    Tensor inputBias = both == null ? null : reorder(cell, both.slice(0, 0, width, 1), hidden);
    Tensor recurrentBias = both == null ? Tensor.constant(NDArray.zeros(Shape.of(width), like.dtype()))
        : reorder(cell, both.slice(0, width, 2 * width, 1), hidden);
    if (inputBias != null && cell != RecurrentCell.GRU) {
      return java.util.Arrays.asList(w, r, null, inputBias.add(recurrentBias));
    }
    return java.util.Arrays.asList(w, r, inputBias, recurrentBias);
  }

  /** The gate blocks (axis 0) from ONNX's order to PyTorch's. */
  private static Tensor reorder(RecurrentCell cell, Tensor blocks, int hidden) {
    int[] order = switch (cell) {
      case LSTM -> new int[] {0, 2, 3, 1};
      case GRU -> new int[] {1, 0, 2};
      default -> new int[] {0};
    };
    if (order.length == 1) {
      return blocks;
    }
    List<Tensor> parts = new ArrayList<>();
    for (int block : order) {
      parts.add(blocks.slice(0, block * hidden, (block + 1) * hidden, 1));
    }
    return Tensor.concat(parts, 0);
  }

  private static Tensor initial(NodeCall call, int index, int d, int batch, int hidden, Tensor like) {
    Tensor given = call.optionalInput(index);
    if (given == null) {
      return Tensor.constant(NDArray.zeros(Shape.of(batch, hidden), like.dtype()));
    }
    Tensor state = call.intAttribute("layout", 0) != 0 ? given.permute(1, 0, 2) : given;
    return state.slice(0, d, d + 1, 1).reshape(batch, hidden);
  }
}
