package dev.ruru.autodiff;

import dev.ruru.array.NDArray;

/**
 * One output of a fused recurrent sequence: the outputs [B, T, H], the final h or the final c [B, H].
 * The three parts share one {@link Run}, computed by whichever part's forward comes first; each part's
 * reverse rule runs backpropagation through time with its own cotangent (the others zero), so when a
 * loss uses several parts their gradients add up by linearity, as the graph expects.
 *
 * <p>Inputs: the input projection p [B, T, G·H], W_hh [G·H, H], b_hh [G·H], h0 [B, H] and, for the
 * LSTM, c0 [B, H]; float32 only ({@link Recurrence} sends other dtypes to the composite).
 * The reverse rule is first order: gradients of gradients need the composite
 * ({@link Recurrence#composite}), whose every step is recorded. The forward rule runs the composite
 * on dual numbers, so forward mode is exact.
 */
final class RecurrentRule implements Rule {
  enum Part { OUTPUT, FINAL_HIDDEN, FINAL_CELL }

  private final Run run;
  private final Part part;
  private Tensor gradientSeen;
  private float[][] gradients;

  RecurrentRule(Run run, Part part) {
    this.run = run;
    this.part = part;
  }

  public String name() { return run.cell.name().toLowerCase(java.util.Locale.ROOT); }

  public NDArray forward(NDArray... in) {
    float[][] values = run.values(in);
    int b = run.batch, h = run.hidden;
    return switch (part) {
      case OUTPUT -> run.inferred != null ? run.inferred.output() : NDArray.wrap(values[0], b, run.steps, h);
      case FINAL_HIDDEN -> NDArray.wrap(values[1], b, h);
      case FINAL_CELL -> NDArray.wrap(values[2], b, h);
    };
  }

  public Tensor vjp(int input, Tensor g, Tensor[] in, Tensor out) {
    if (GradMode.isRecording()) {
      throw new UnsupportedOperationException(name() + ": the fused float32 recurrence has first-order gradients only; "
          + "for gradients of gradients use Recurrence.composite(...) (or a float64 layer), which records every step");
    }
    if (g != gradientSeen) {
      float[] seed = g.value().toFloatArray();
      RecurrentKernel.Gradients all = run.kernel.backward(part == Part.OUTPUT ? seed : null, part == Part.FINAL_HIDDEN ? seed : null,
          part == Part.FINAL_CELL ? seed : null);
      gradients = new float[][] {all.projection(), all.weight(), all.bias(), all.h0(), all.c0()};
      gradientSeen = g;
    }
    return Tensor.constant(NDArray.wrap(gradients[input], in[input].shape().dims()));
  }

  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) {
    Tensor[] duals = new Tensor[in.length];
    for (int i = 0; i < in.length; i++) {
      duals[i] = Tensor.dual(in[i].value(), t[i] != null ? t[i].value() : NDArray.zeros(in[i].shape(), in[i].dtype()));
    }
    Recurrence.Result result = Recurrence.composite(run.cell, duals[0], duals[1], duals[2], duals[3],
        duals.length > 4 ? duals[4] : null, run.mask, run.reverse);
    Tensor value = switch (part) {
      case OUTPUT -> result.output();
      case FINAL_HIDDEN -> result.hidden();
      case FINAL_CELL -> result.cell();
    };
    return value.tangent();
  }

  /** The forward computation the parts share, with what backward needs. */
  static final class Run {
    final RecurrentCell cell;
    final NDArray mask;
    final boolean reverse;
    final int batch, steps, hidden;
    private RecurrentKernel kernel;
    private float[][] values;
    /** The inference path's result, whose output is a view ({@link RecurrentInference#output}); else null. */
    private RecurrentInference inferred;

    Run(RecurrentCell cell, int batch, int steps, int hidden, NDArray mask, boolean reverse) {
      this.cell = cell;
      this.batch = batch;
      this.steps = steps;
      this.hidden = hidden;
      this.mask = mask;
      this.reverse = reverse;
    }

    /**
     * The output, final h and final c (null but for the LSTM). An unpadded LSTM that records no
     * gradients runs {@link RecurrentInference}, which keeps nothing for backward; all else the kernel.
     */
    float[][] values(NDArray[] in) {
      if (values == null && !GradMode.isRecording() && cell == RecurrentCell.LSTM && mask == null) {
        inferred = new RecurrentInference(batch, steps, hidden, reverse, in[0], in[1].floatsToRead(), in[2].floatsToRead(),
            in[3].floatsToRead(), in[4].floatsToRead());
        values = new float[][] {null, inferred.finalHidden, inferred.finalCell};
      } else if (values == null) {
        RecurrentKernel fused = kernel(in);
        values = new float[][] {fused.output, fused.finalHidden, fused.finalCell};
      }
      return values;
    }

    RecurrentKernel kernel(NDArray[] in) {
      if (kernel == null) {
        kernel = new RecurrentKernel(cell, batch, steps, hidden, mask == null ? null : mask.toFloatArray(), reverse,
            in[0].toFloatArray(), in[1].toFloatArray(), in[2].toFloatArray(), in[3].toFloatArray(),
            in.length > 4 ? in[4].toFloatArray() : null);
      }
      return kernel;
    }
  }
}
