package dev.ruru.array;

/**
 * Walks several operands of one (broadcast) shape row by row: the innermost axis is a row, handed to a
 * kernel with each operand's start offset; the kernel reads {@link #innerStride(int)} for the step.
 * Axes that lie in memory as one (for every operand) are merged first, so a contiguous array is a
 * single long row and a broadcast add is a few long rows. Large loops are split across cores.
 */
final class StridedLoop {
  /** Elements per parallel chunk: large enough to amortise a fork, small enough to balance 2+ cores. */
  private static final int CHUNK = 1 << 16;

  @FunctionalInterface
  interface Row {
    /** Processes {@code length} elements starting at {@code offsets[k]} for operand k; must not keep the array. */
    void run(int[] offsets, int length);
  }

  private final int[] shape;
  private final int[][] strides;
  private final int[] offsets;
  private final int size;

  /** @param strides per operand, already broadcast to {@code shape} */
  StridedLoop(int[] shape, int[][] strides, int[] offsets) {
    this.offsets = offsets.clone();
    this.size = Layout.size(shape);
    int operands = strides.length;
    int[] dims = new int[Math.max(shape.length, 1)];
    int[][] str = new int[operands][dims.length];
    int rank = 0;
    for (int i = 0; i < shape.length; i++) {
      if (shape[i] == 1) {
        continue;
      }
      boolean merge = rank > 0;
      for (int k = 0; k < operands && merge; k++) {
        merge = str[k][rank - 1] == strides[k][i] * shape[i];
      }
      if (merge) {
        dims[rank - 1] *= shape[i];
        for (int k = 0; k < operands; k++) {
          str[k][rank - 1] = strides[k][i];
        }
      } else {
        dims[rank] = shape[i];
        for (int k = 0; k < operands; k++) {
          str[k][rank] = strides[k][i];
        }
        rank++;
      }
    }
    if (rank == 0) {
      dims[0] = shape.length == 0 ? 1 : Layout.size(shape);
      rank = 1;
    }
    this.shape = java.util.Arrays.copyOf(dims, rank);
    this.strides = new int[operands][];
    for (int k = 0; k < operands; k++) {
      this.strides[k] = java.util.Arrays.copyOf(str[k], rank);
    }
  }

  int innerStride(int operand) {
    return strides[operand][shape.length - 1];
  }

  void run(Row row) {
    if (size == 0) {
      return;
    }
    int inner = shape[shape.length - 1];
    int rows = size / inner;
    if (size < Parallel.MIN_PARALLEL_ELEMENTS) {
      runRows(0, rows, 0, inner, row);
    } else if (rows == 1) {
      Parallel.forEachChunk(inner, CHUNK, (from, to) -> runRows(0, 1, from, to, row));
    } else {
      Parallel.forEachChunk(rows, Math.max(1, CHUNK / inner), (from, to) -> runRows(from, to, 0, inner, row));
    }
  }

  private void runRows(int fromRow, int toRow, int fromColumn, int toColumn, Row row) {
    int operands = strides.length;
    int outer = shape.length - 1;
    int[] index = new int[outer];
    int[] offset = new int[operands];
    int remaining = fromRow;
    for (int axis = outer - 1; axis >= 0; axis--) {
      index[axis] = remaining % shape[axis];
      remaining /= shape[axis];
    }
    for (int k = 0; k < operands; k++) {
      offset[k] = offsets[k] + fromColumn * strides[k][outer];
      for (int axis = 0; axis < outer; axis++) {
        offset[k] += index[axis] * strides[k][axis];
      }
    }
    int length = toColumn - fromColumn;
    for (int r = fromRow; r < toRow; r++) {
      row.run(offset, length);
      // odometer: advance the outer index, fixing offsets incrementally
      for (int axis = outer - 1; axis >= 0; axis--) {
        if (++index[axis] < shape[axis]) {
          for (int k = 0; k < operands; k++) {
            offset[k] += strides[k][axis];
          }
          break;
        }
        index[axis] = 0;
        for (int k = 0; k < operands; k++) {
          offset[k] -= strides[k][axis] * (shape[axis] - 1);
        }
      }
    }
  }
}
