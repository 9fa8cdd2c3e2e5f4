package dev.ruru.autodiff;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;

/**
 * Padding masks for batches of sequences of different lengths: [B, T], 1 at a row's real steps and 0
 * at the padding after them (PyTorch's packed sequences, as a mask). Recurrent layers carry the state
 * through padding unchanged; the mask and the lengths are two views of one fact and are checked
 * against each other.
 */
public final class SequenceMask {
  private SequenceMask() {}

  /** The mask [lengths.length, steps] with row b real at steps [0, lengths[b]). */
  public static NDArray fromLengths(int[] lengths, int steps) {
    float[] mask = new float[lengths.length * steps];
    for (int b = 0; b < lengths.length; b++) {
      if (lengths[b] < 0 || lengths[b] > steps) {
        throw new IllegalArgumentException("sequence lengths: row " + b + " has length " + lengths[b] + " but the batch has "
            + steps + " steps (lengths must be in [0, " + steps + "])");
      }
      java.util.Arrays.fill(mask, b * steps, b * steps + lengths[b], 1f);
    }
    return NDArray.wrap(mask, lengths.length, steps);
  }

  /** Each row's length: its number of real steps. The mask must have the form {@link #check} accepts. */
  public static int[] lengths(NDArray mask) {
    check("sequence mask", mask, mask.rank() == 2 ? mask.dim(0) : -1, mask.rank() == 2 ? mask.dim(1) : -1);
    long[] counts = mask.ne(NDArray.scalar(0, mask.dtype())).astype(DType.INT64).sum(new int[] {1}, dev.ruru.array.Dims.DROP)
        .toLongArray();
    int[] lengths = new int[counts.length];
    for (int b = 0; b < counts.length; b++) {
      lengths[b] = (int) counts[b];
    }
    return lengths;
  }

  /** Refuses a mask that is not [batch, steps] or has a real step after padding, naming the row and the steps. */
  static void check(String name, NDArray mask, int batch, int steps) {
    if (mask.rank() != 2 || mask.dim(0) != batch || mask.dim(1) != steps) {
      throw new IllegalArgumentException(name + ": the padding mask must be [" + batch + ", " + steps + "] (batch, steps) like the input, got "
          + mask.shape());
    }
    float[] values = mask.toFloatArray();
    for (int b = 0; b < batch; b++) {
      int firstPad = -1;
      for (int t = 0; t < steps; t++) {
        boolean real = values[b * steps + t] != 0;
        if (!real && firstPad < 0) {
          firstPad = t;
        } else if (real && firstPad >= 0) {
          throw new IllegalArgumentException(name + ": row " + b + " of the padding mask has a real step at " + t
              + " after padding at " + firstPad + "; padding must come after a sequence's steps");
        }
      }
    }
  }
}
