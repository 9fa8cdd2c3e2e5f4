package dev.ruru.autodiff;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * A recurrent cell applied along a sequence: the core of RNN, LSTM and GRU layers. The caller projects
 * the whole input sequence at once, p = x·W_ihᵀ + b_ih [B, T, G·H] (one large GEMM), and this runs the
 * steps h_t = cell(p_t, h_{t−1}·W_hhᵀ + b_hh) of {@link RecurrentCell}.
 *
 * <p>float32 runs as one fused primitive per sequence ({@link RecurrentKernel}): one GEMM and one pass
 * of pointwise math per step, backward through time in a loop, so sequence length never grows the
 * stack or the graph. Every other dtype runs {@link #composite}, the same equations recorded step by
 * step from Tensor operations: the fused kernel's test oracle, and the path for gradients of gradients.
 *
 * <pre>{@code
 * Tensor p = x.reshape(b * t, in).matmul(wIh.transpose()).add(bIh).reshape(b, t, 4 * h);
 * Recurrence.Result r = Recurrence.run(RecurrentCell.LSTM, p, wHh, bHh, h0, c0, null, false);
 * r.output();   // [B, T, H]: h_t for every step
 * r.hidden();   // [B, H]: the final h (after each row's last real step)
 * }</pre>
 */
public final class Recurrence {
  private Recurrence() {}

  /** The outputs [B, T, H] (0 at padding), the final h [B, H] and, for the LSTM, the final c (else null). */
  public record Result(Tensor output, Tensor hidden, Tensor cell) {}

  /**
   * Runs {@code cell} over the steps of {@code projection} [B, T, G·H] from h0 (and c0 for the LSTM,
   * else null) [B, H], with weight W_hh [G·H, H] and bias b_hh [G·H]. {@code mask} [B, T] (null: no
   * padding) is nonzero at real steps and 0 at padding, which must follow a row's real steps.
   * {@code reverse} walks the steps from last to first (the backward half of a bidirectional layer).
   */
  public static Result run(RecurrentCell cell, Tensor projection, Tensor weight, Tensor bias, Tensor h0, Tensor c0, NDArray mask,
      boolean reverse) {
    Shape shape = check(cell, projection, weight, bias, h0, c0, mask);
    boolean float32 = projection.dtype() == DType.FLOAT32 && weight.dtype() == DType.FLOAT32 && bias.dtype() == DType.FLOAT32
        && h0.dtype() == DType.FLOAT32 && (c0 == null || c0.dtype() == DType.FLOAT32);
    if (!float32) {
      return composite(cell, projection, weight, bias, h0, c0, mask, reverse);
    }
    RecurrentRule.Run run = new RecurrentRule.Run(cell, shape.dim(0), shape.dim(1), h0.shape().dim(1), mask, reverse);
    Tensor[] in = c0 == null ? new Tensor[] {projection, weight, bias, h0} : new Tensor[] {projection, weight, bias, h0, c0};
    Tensor output = Tensor.apply(new RecurrentRule(run, RecurrentRule.Part.OUTPUT), in);
    Tensor hidden = Tensor.apply(new RecurrentRule(run, RecurrentRule.Part.FINAL_HIDDEN), in);
    Tensor last = c0 == null ? null : Tensor.apply(new RecurrentRule(run, RecurrentRule.Part.FINAL_CELL), in);
    return new Result(output, hidden, last);
  }

  /** {@link #run} composed from recorded Tensor operations, step by step; any dtype, any order of derivative. */
  public static Result composite(RecurrentCell cell, Tensor projection, Tensor weight, Tensor bias, Tensor h0, Tensor c0, NDArray mask,
      boolean reverse) {
    Shape shape = check(cell, projection, weight, bias, h0, c0, mask);
    List<Tensor> steps = new ArrayList<>();
    for (int t = 0; t < shape.dim(1); t++) {
      steps.add(projection.slice(1, t, t + 1, 1).reshape(shape.dim(0), shape.dim(2)));
    }
    return composite(cell, steps, weight, bias, h0, c0, mask, reverse);
  }

  /**
   * The composite on a list of per-step projections [B, G·H]: with separate leaves per step, a long
   * sequence costs O(T) in backward (slicing one [B, T, G·H] tensor costs O(T²), each slice's gradient
   * being as large as the whole).
   */
  public static Result composite(RecurrentCell cell, List<Tensor> steps, Tensor weight, Tensor bias, Tensor h0, Tensor c0, NDArray mask,
      boolean reverse) {
    int count = steps.size(), batch = h0.shape().dim(0), hidden = h0.shape().dim(1);
    Tensor h = h0, c = c0;
    Tensor[] outputs = new Tensor[count];
    Tensor weightT = weight.transpose();
    NDArray real = mask == null ? null : mask.ne(NDArray.scalar(0, mask.dtype()));
    for (int s = 0; s < count; s++) {
      int t = reverse ? count - 1 - s : s;
      Tensor p = steps.get(t), q = h.matmul(weightT).add(bias);
      Tensor[] next = switch (cell) {
        case LSTM -> lstm(p.add(q), c, hidden);
        case GRU -> new Tensor[] {gru(p, q, h, hidden), null};
        case RNN_TANH -> new Tensor[] {p.add(q).tanh(), null};
        case RNN_RELU -> new Tensor[] {p.add(q).relu(), null};
      };
      Tensor out = next[0];
      if (real != null) {
        Tensor valid = Tensor.constant(real.slice(1, t, t + 1, 1));   // [B, 1]
        out = next[0].mul(Tensor.constant(valid.value().astype(h.dtype())));
        next[0] = Tensor.where(valid, next[0], h);
        next[1] = next[1] == null ? null : Tensor.where(valid, next[1], c);
      }
      h = next[0];
      c = next[1];
      outputs[t] = out.reshape(batch, 1, hidden);
    }
    return new Result(Tensor.concat(List.of(outputs), 1), h, c);
  }

  private static Tensor[] lstm(Tensor gates, Tensor c, int h) {
    Tensor i = gates.slice(1, 0, h, 1).sigmoid(), f = gates.slice(1, h, 2 * h, 1).sigmoid();
    Tensor g = gates.slice(1, 2 * h, 3 * h, 1).tanh(), o = gates.slice(1, 3 * h, 4 * h, 1).sigmoid();
    Tensor next = f.mul(c).add(i.mul(g));
    return new Tensor[] {o.mul(next.tanh()), next};
  }

  private static Tensor gru(Tensor p, Tensor q, Tensor previous, int h) {
    Tensor r = p.slice(1, 0, h, 1).add(q.slice(1, 0, h, 1)).sigmoid();
    Tensor z = p.slice(1, h, 2 * h, 1).add(q.slice(1, h, 2 * h, 1)).sigmoid();
    Tensor n = p.slice(1, 2 * h, 3 * h, 1).add(r.mul(q.slice(1, 2 * h, 3 * h, 1))).tanh();
    return n.add(z.mul(previous.sub(n)));
  }

  private static Shape check(RecurrentCell cell, Tensor projection, Tensor weight, Tensor bias, Tensor h0, Tensor c0, NDArray mask) {
    String name = cell.name().toLowerCase(java.util.Locale.ROOT);
    if (h0.rank() != 2) {
      throw new IllegalArgumentException(name + ": the initial hidden state must be [batch, hidden], got " + h0.shape());
    }
    int batch = h0.shape().dim(0), hidden = h0.shape().dim(1), width = cell.gates() * hidden;
    expect(name, "the input projection", projection.shape(), projection.rank() == 3 && projection.shape().dim(0) == batch
        && projection.shape().dim(2) == width, "[" + batch + ", steps, " + width + "]");
    expect(name, "W_hh", weight.shape(), weight.shape().equals(Shape.of(width, hidden)), Shape.of(width, hidden).toString());
    expect(name, "b_hh", bias.shape(), bias.shape().equals(Shape.of(width)), Shape.of(width).toString());
    if (cell.hasCellState() != (c0 != null)) {
      throw new IllegalArgumentException(name + ": " + (c0 == null ? "needs an initial cell state c0 [batch, hidden]"
          : "has no cell state, but c0 was given"));
    }
    if (c0 != null) {
      expect(name, "c0", c0.shape(), c0.shape().equals(h0.shape()), h0.shape().toString());
    }
    if (mask != null) {
      SequenceMask.check(name, mask, batch, projection.shape().dim(1));
    }
    return projection.shape();
  }

  private static void expect(String name, String what, Shape found, boolean ok, String expected) {
    if (!ok) {
      throw new IllegalArgumentException(name + ": " + what + " must be " + expected + ", got " + found);
    }
  }
}
