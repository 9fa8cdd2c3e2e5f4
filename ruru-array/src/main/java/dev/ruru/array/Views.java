package dev.ruru.array;

import java.util.Arrays;

/**
 * Views: new shape, strides and offset over the same storage, in O(1). Only {@link #reshape} may copy,
 * when the strides of its input cannot express the new shape (e.g. a transposed matrix flattened).
 */
final class Views {
  private Views() {}

  static NDArray reshape(NDArray a, int[] requested) {
    int[] shape = inferShape(a, requested);
    int[] strides = Layout.reshapeStrides(a.shape, a.strides, shape);
    if (strides != null) {
      return new NDArray(a.dtype, a.data, shape, strides, a.offset);
    }
    NDArray copy = a.copy(Order.C);
    return new NDArray(a.dtype, copy.data, shape, Layout.strides(shape, Order.C), 0);
  }

  private static int[] inferShape(NDArray a, int[] requested) {
    int[] shape = requested.clone();
    int unknown = -1;
    long known = 1;
    for (int i = 0; i < shape.length; i++) {
      if (shape[i] == -1) {
        if (unknown >= 0) {
          throw new IllegalArgumentException("reshape: can only infer one dimension; got " + Arrays.toString(requested));
        }
        unknown = i;
      } else if (shape[i] < 0) {
        throw new IllegalArgumentException("reshape: negative dimension " + shape[i] + " in " + Arrays.toString(requested));
      } else {
        known *= shape[i];
      }
    }
    int size = a.size();
    // With a 0 among the other extents any value would do for -1, so NumPy refuses to choose one.
    boolean ambiguous = unknown >= 0 && known == 0;
    if (unknown >= 0 && known != 0 && size % known == 0) {
      shape[unknown] = (int) (size / known);
      known *= shape[unknown];
    }
    if (known != size || ambiguous) {
      String hint = ambiguous && size == 0 ? "; the extent -1 stands for is ambiguous beside a 0" : "";
      throw new ShapeMismatchException("reshape: cannot reshape array of size " + size + " (shape " + Arrays.toString(a.shape)
          + ") into shape " + Arrays.toString(requested) + hint);
    }
    Check.size(shape);
    return shape;
  }

  static NDArray permute(NDArray a, int[] axes) {
    int rank = a.shape.length;
    if (axes.length != rank) {
      throw new IllegalArgumentException("permute: expected " + rank + " axes for an array of shape " + Arrays.toString(a.shape)
          + ", got " + Arrays.toString(axes));
    }
    Check.axes("permute", axes, rank);
    int[] shape = new int[rank];
    int[] strides = new int[rank];
    for (int i = 0; i < rank; i++) {
      int axis = Check.axis("permute", axes[i], rank);
      shape[i] = a.shape[axis];
      strides[i] = a.strides[axis];
    }
    return new NDArray(a.dtype, a.data, shape, strides, a.offset);
  }

  static NDArray swapAxes(NDArray a, int first, int second) {
    int rank = a.shape.length;
    int[] axes = new int[rank];
    for (int i = 0; i < rank; i++) {
      axes[i] = i;
    }
    int x = Check.axis("swapAxes", first, rank);
    int y = Check.axis("swapAxes", second, rank);
    axes[x] = y;
    axes[y] = x;
    return permute(a, axes);
  }

  static NDArray slice(NDArray a, int axis, int start, int stop, int step) {
    int ax = Check.axis("slice", axis, a.shape.length);
    return sliceAxis(a, ax, start, stop, step);
  }

  /** Python's {@code slice(start, stop, step).indices(n)}: null bounds mean "from the end in the step's direction". */
  private static NDArray sliceAxis(NDArray a, int axis, Integer start, Integer stop, int step) {
    if (step == 0) {
      throw new IllegalArgumentException("slice: step cannot be zero");
    }
    int n = a.shape[axis];
    int lower = step > 0 ? 0 : -1;
    int upper = step > 0 ? n : n - 1;
    int from = start == null ? (step > 0 ? lower : upper) : clamp(start, n, lower, upper);
    int to = stop == null ? (step > 0 ? upper : lower) : clamp(stop, n, lower, upper);
    int count = step > 0 ? Math.max(0, (to - from + step - 1) / step) : Math.max(0, (from - to - step - 1) / -step);
    int[] shape = a.shape.clone();
    int[] strides = a.strides.clone();
    shape[axis] = count;
    strides[axis] = a.strides[axis] * step;
    int offset = count > 0 ? a.offset + from * a.strides[axis] : a.offset;
    return new NDArray(a.dtype, a.data, shape, strides, offset);
  }

  private static int clamp(int index, int n, int lower, int upper) {
    int i = index < 0 ? index + n : index;
    return Math.max(lower, Math.min(upper, i));
  }

  static NDArray squeeze(NDArray a) {
    int rank = 0;
    int[] shape = new int[a.shape.length];
    int[] strides = new int[a.shape.length];
    for (int i = 0; i < a.shape.length; i++) {
      if (a.shape[i] != 1) {
        shape[rank] = a.shape[i];
        strides[rank++] = a.strides[i];
      }
    }
    return new NDArray(a.dtype, a.data, Arrays.copyOf(shape, rank), Arrays.copyOf(strides, rank), a.offset);
  }

  static NDArray squeeze(NDArray a, int axis) {
    int ax = Check.axis("squeeze", axis, a.shape.length);
    if (a.shape[ax] != 1) {
      throw new ShapeMismatchException("squeeze: axis " + axis + " of shape " + Arrays.toString(a.shape) + " has extent "
          + a.shape[ax] + ", expected 1");
    }
    return new NDArray(a.dtype, a.data, remove(a.shape, ax), remove(a.strides, ax), a.offset);
  }

  static NDArray unsqueeze(NDArray a, int axis) {
    int ax = Check.axis("unsqueeze", axis, a.shape.length + 1);
    return new NDArray(a.dtype, a.data, insert(a.shape, ax, 1), insert(a.strides, ax, 0), a.offset);
  }

  /** NumPy's default diagonal: axes 0 and 1 are replaced by one last axis stepping rows + columns. */
  static NDArray diagonal(NDArray a) {
    if (a.shape.length < 2) {
      throw new ShapeMismatchException("diagonal: expected an array of rank >= 2, got shape " + Arrays.toString(a.shape));
    }
    int rank = a.shape.length;
    int[] shape = new int[rank - 1];
    int[] strides = new int[rank - 1];
    for (int i = 2; i < rank; i++) {
      shape[i - 2] = a.shape[i];
      strides[i - 2] = a.strides[i];
    }
    shape[rank - 2] = Math.min(a.shape[0], a.shape[1]);
    strides[rank - 2] = a.strides[0] + a.strides[1];
    return new NDArray(a.dtype, a.data, shape, strides, a.offset);
  }

  /** Basic indexing from NumPy syntax; see {@link NDArray#index(String)}. */
  static NDArray index(NDArray a, String spec) {
    String[] items = spec.isBlank() ? new String[0] : spec.split(",", -1);
    int consuming = 0;
    int ellipses = 0;
    for (String raw : items) {
      String item = raw.strip();
      if (item.equals("...")) {
        ellipses++;
      } else if (!item.equals("None") && !item.equals("newaxis")) {
        consuming++;
      }
    }
    if (ellipses > 1) {
      throw new IllegalArgumentException("index: at most one '...' allowed in \"" + spec + "\"");
    }
    if (consuming > a.shape.length) {
      throw new IndexOutOfBoundsException("index: too many indices for an array of rank " + a.shape.length + ": \"" + spec + "\"");
    }
    NDArray view = a;
    int axis = 0;
    for (String raw : items) {
      String item = raw.strip();
      if (item.equals("...")) {
        axis += a.shape.length - consuming;
      } else if (item.equals("None") || item.equals("newaxis")) {
        view = unsqueeze(view, axis++);
      } else if (item.contains(":")) {
        view = sliceItem(view, axis++, item, spec);
      } else {
        int index = parse(item, spec);
        int at = Check.index("index", index, axis, view.shape[axis]);
        int offset = view.offset + at * view.strides[axis];
        view = new NDArray(view.dtype, view.data, remove(view.shape, axis), remove(view.strides, axis), offset);
      }
    }
    return view;
  }

  private static NDArray sliceItem(NDArray view, int axis, String item, String spec) {
    String[] parts = item.split(":", -1);
    if (parts.length > 3) {
      throw new IllegalArgumentException("index: bad slice '" + item + "' in \"" + spec + "\"");
    }
    Integer start = parts[0].isBlank() ? null : parse(parts[0], spec);
    Integer stop = parts[1].isBlank() ? null : parse(parts[1], spec);
    int step = parts.length == 3 && !parts[2].isBlank() ? parse(parts[2], spec) : 1;
    return sliceAxis(view, axis, start, stop, step);
  }

  private static int parse(String text, String spec) {
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("index: '" + text.strip() + "' is not an integer, slice, '...' or None in \"" + spec + "\"");
    }
  }

  static int[] remove(int[] values, int at) {
    int[] out = new int[values.length - 1];
    System.arraycopy(values, 0, out, 0, at);
    System.arraycopy(values, at + 1, out, at, values.length - at - 1);
    return out;
  }

  static int[] insert(int[] values, int at, int value) {
    int[] out = new int[values.length + 1];
    System.arraycopy(values, 0, out, 0, at);
    out[at] = value;
    System.arraycopy(values, at, out, at + 1, values.length - at);
    return out;
  }
}
