package dev.ruru.onnx;

import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.RecurrentCell;
import dev.ruru.autodiff.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * ONNX's RNN, GRU and LSTM. The variants Ruru's layers have run on the fused recurrence
 * ({@link FusedRecurrence}); the others (peepholes, a GRU resetting before the product) are unrolled over
 * time from Ruru's tensor operations. Both fine-tune. ONNX's gate orders are LSTM i, o, f, c and GRU z, r,
 * h; the input projections of all steps are one product.
 * X is [seq, batch, input] (layout 0) or [batch, seq, input] (layout 1); outputs Y [seq, dirs, batch, H],
 * Y_h (and LSTM's Y_c) [dirs, batch, H], in the same layout.
 */
final class RecurrentOperators {
  private RecurrentOperators() {}

  /** One step of a cell: gates from the input projection and the previous state, the new state. */
  @FunctionalInterface
  private interface Step {
    Tensor[] apply(Tensor inputGates, Tensor h, Tensor c, Tensor recurrent, Tensor recurrentBias);
  }

  private enum Kind {
    RNN(1), GRU(3), LSTM(4);
    final int gates;

    Kind(int gates) {
      this.gates = gates;
    }
  }

  static void register(Map<String, Operator> table) {
    table.put("RNN", call -> run(call, Kind.RNN, (xg, h, c, r, rb) -> new Tensor[] {xg.add(h.matmul(r).add(rb)).tanh(), null}));
    table.put("GRU", call -> run(call, Kind.GRU, gru(call.intAttribute("linear_before_reset", 0) != 0, hidden(call))));
    table.put("LSTM", call -> run(call, Kind.LSTM, null));
  }

  private static int hidden(NodeCall call) {
    return (int) call.intAttribute("hidden_size", 0);
  }

  /** Peepholes P [3H] (i, o, f), when given, add P·c to the input and forget gates and P·c' to the output gate. */
  private static Step lstm(int hidden, Tensor peepholes) {
    return (xg, h, c, r, rb) -> {
      Tensor gates = xg.add(h.matmul(r).add(rb));
      Tensor input = gates.slice(1, 0, hidden, 1);
      Tensor output = gates.slice(1, hidden, 2 * hidden, 1);
      Tensor forget = gates.slice(1, 2 * hidden, 3 * hidden, 1);
      if (peepholes != null) {
        input = input.add(peepholes.slice(0, 0, hidden, 1).mul(c));
        forget = forget.add(peepholes.slice(0, 2 * hidden, 3 * hidden, 1).mul(c));
      }
      Tensor candidate = gates.slice(1, 3 * hidden, 4 * hidden, 1).tanh();
      Tensor cell = forget.sigmoid().mul(c).add(input.sigmoid().mul(candidate));
      if (peepholes != null) {
        output = output.add(peepholes.slice(0, hidden, 2 * hidden, 1).mul(cell));
      }
      return new Tensor[] {output.sigmoid().mul(cell.tanh()), cell};
    };
  }

  /** linear_before_reset applies the reset gate after the recurrent product (PyTorch's GRU) or before it. */
  private static Step gru(boolean linearBeforeReset, int hidden) {
    return (xg, h, c, r, rb) -> {
      Tensor recurrentZr = h.matmul(r.slice(1, 0, 2 * hidden, 1)).add(rb.slice(0, 0, 2 * hidden, 1));
      Tensor update = xg.slice(1, 0, hidden, 1).add(recurrentZr.slice(1, 0, hidden, 1)).sigmoid();
      Tensor reset = xg.slice(1, hidden, 2 * hidden, 1).add(recurrentZr.slice(1, hidden, 2 * hidden, 1)).sigmoid();
      Tensor rh = r.slice(1, 2 * hidden, 3 * hidden, 1);
      Tensor bh = rb.slice(0, 2 * hidden, 3 * hidden, 1);
      Tensor recurrentH = linearBeforeReset ? reset.mul(h.matmul(rh).add(bh)) : reset.mul(h).matmul(rh).add(bh);
      Tensor candidate = xg.slice(1, 2 * hidden, 3 * hidden, 1).add(recurrentH).tanh();
      return new Tensor[] {update.neg().add(1).mul(candidate).add(update.mul(h)), null};
    };
  }

  private static List<Tensor> run(NodeCall call, Kind kind, Step step) {
    checkSupported(call, kind);
    boolean batchFirst = call.intAttribute("layout", 0) != 0;
    Tensor x = batchFirst ? call.input(0).permute(1, 0, 2) : call.input(0);
    int hidden = hidden(call);
    String direction = call.stringAttribute("direction", "forward");
    int directions = direction.equals("bidirectional") ? 2 : 1;
    RecurrentCell fused = x.shape().dim(0) > 0 ? FusedRecurrence.cell(call, kind.name()) : null;
    Tensor[] outputs = fused != null ? FusedRecurrence.run(call, fused, x, hidden, direction) : unrolled(call, kind, step, x, hidden, directions);
    Tensor y = outputs[0];
    Tensor yh = outputs[1];
    Tensor yc = outputs[2];
    if (batchFirst) {
      y = y.permute(2, 0, 1, 3);
      yh = yh.permute(1, 0, 2);
      yc = yc == null ? null : yc.permute(1, 0, 2);
    }
    return yc == null ? List.of(y, yh) : List.of(y, yh, yc);
  }

  /** Y, Y_h and Y_c (null but for the LSTM), time-major, from the steps recorded one by one. */
  private static Tensor[] unrolled(NodeCall call, Kind kind, Step step, Tensor x, int hidden, int directions) {
    String direction = call.stringAttribute("direction", "forward");
    int batch = x.shape().dim(1);
    List<Tensor> ys = new ArrayList<>();
    List<Tensor> hs = new ArrayList<>();
    List<Tensor> cs = new ArrayList<>();
    for (int d = 0; d < directions; d++) {
      boolean reverse = direction.equals("reverse") || d == 1;
      Tensor[] out = direction(call, kind, step, x, d, reverse, hidden, batch);
      ys.add(out[0]);
      hs.add(out[1].reshape(1, batch, hidden));
      cs.add(out[2] == null ? null : out[2].reshape(1, batch, hidden));
    }
    return new Tensor[] {Tensor.concat(ys, 1), Tensor.concat(hs, 0), kind == Kind.LSTM ? Tensor.concat(cs, 0) : null};
  }

  /** One direction over the whole sequence: Y [seq, 1, batch, H], the last h and c. */
  private static Tensor[] direction(NodeCall call, Kind kind, Step step, Tensor x, int d, boolean reverse, int hidden, int batch) {
    int width = kind.gates * hidden;
    Tensor w = call.input(1).slice(0, d, d + 1, 1).reshape(width, -1);
    Tensor r = call.input(2).slice(0, d, d + 1, 1).reshape(width, hidden).transpose();
    Tensor bias = call.optionalInput(3);
    Tensor inputBias = bias == null ? null : bias.slice(0, d, d + 1, 1).reshape(2 * width).slice(0, 0, width, 1);
    Tensor recurrentBias = bias == null ? Tensor.constant(NDArray.zeros(Shape.of(width), x.dtype()))
        : bias.slice(0, d, d + 1, 1).reshape(2 * width).slice(0, width, 2 * width, 1);
    int steps = x.shape().dim(0);
    Tensor projected = x.matmul(w.transpose());
    projected = inputBias == null ? projected : projected.add(inputBias);
    Tensor peepholes = call.optionalInput(7) == null ? null : call.input(7).slice(0, d, d + 1, 1).reshape(3 * hidden);
    step = kind == Kind.LSTM ? lstm(hidden, peepholes) : step;
    Tensor h = initial(call, 5, d, batch, hidden, x);
    Tensor c = kind == Kind.LSTM ? initial(call, 6, d, batch, hidden, x) : null;
    Tensor[] outputs = new Tensor[steps];
    for (int i = 0; i < steps; i++) {
      int t = reverse ? steps - 1 - i : i;
      Tensor[] state = step.apply(projected.slice(0, t, t + 1, 1).reshape(batch, width), h, c, r, recurrentBias);
      h = state[0];
      c = state[1];
      outputs[t] = h.reshape(1, 1, batch, hidden);
    }
    Tensor y = steps == 0 ? Tensor.constant(NDArray.zeros(Shape.of(0, 1, batch, hidden), x.dtype())) : Tensor.concat(Arrays.asList(outputs), 0);
    return new Tensor[] {y, h, c};
  }

  private static Tensor initial(NodeCall call, int index, int d, int batch, int hidden, Tensor x) {
    Tensor given = call.optionalInput(index);
    if (given == null) {
      return Tensor.constant(NDArray.zeros(Shape.of(batch, hidden), x.dtype()));
    }
    Tensor state = call.intAttribute("layout", 0) != 0 ? given.permute(1, 0, 2) : given;
    return state.slice(0, d, d + 1, 1).reshape(batch, hidden);
  }

  private static void checkSupported(NodeCall call, Kind kind) {
    if (call.has("activations") || call.has("clip") || call.intAttribute("input_forget", 0) != 0) {
      throw call.error("custom activations, clip and input_forget are not supported", "Ruru runs the default cells");
    }
    Tensor lengths = call.optionalInput(4);
    if (lengths != null) {
      int steps = call.input(0).shape().dim(call.intAttribute("layout", 0) != 0 ? 1 : 0);
      for (long length : lengths.value().toLongArray()) {
        if (length != steps) {
          throw call.error("sequence_lens " + Arrays.toString(lengths.value().toLongArray()) + " differ from the sequence length " + steps,
              "Ruru runs full-length sequences; pad and mask instead");
        }
      }
    }
    if (hidden(call) <= 0) {
      throw call.error("hidden_size " + hidden(call), "it must be positive");
    }
  }
}
