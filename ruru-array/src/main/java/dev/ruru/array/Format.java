package dev.ruru.array;

import java.util.ArrayList;
import java.util.List;

/**
 * NumPy's {@code repr} for arrays, so output pasted from Ruru reads like NumPy's and the other way round:
 * <pre>
 * array([[1., 2.],
 *        [3., 4.]], dtype=float32)
 * </pre>
 * The dtype is shown unless it is one NumPy implies (float64, int64, bool). Elements of one array share
 * a width; rows wrap at 75 characters; arrays of more than 1000 elements show 3 items at each end of
 * every long axis with {@code ...} between. This follows {@code numpy.core.arrayprint} (1.24)
 * step by step, with {@link FloatFormat} choosing how floats look.
 */
final class Format {
  private static final int LINE_WIDTH = 75;
  private static final int THRESHOLD = 1000;
  private static final int EDGE_ITEMS = 3;
  private static final String PREFIX = "array(";
  private static final String SEPARATOR = ", ";
  private static final String SUMMARY = "...";

  /** Formats one element given its storage offset. */
  @FunctionalInterface
  private interface ElementFormat {
    String format(int offset);
  }

  private final NDArray array;
  private final boolean summarise;
  private final ElementFormat element;

  private Format(NDArray array) {
    this.array = array;
    this.summarise = Layout.size(array.shape) > THRESHOLD;
    this.element = elementFormat(array, displayedOffsets(array, summarise));
  }

  static String repr(NDArray a) {
    int size = Layout.size(a.shape);
    boolean impliedType = size > 0 && (a.dtype == DType.FLOAT64 || a.dtype == DType.INT64 || a.dtype == DType.BOOL);
    String body;
    if (size > 0) {
      // The closing ")" or "," after the last element must fit in the line too.
      body = new Format(a).render(" ".repeat(PREFIX.length() + 1), LINE_WIDTH - 1);
    } else if (a.shape.length == 1) {
      body = "[]";
    } else {
      body = "[], shape=" + pythonTuple(a.shape);
    }
    String text = PREFIX + body + (impliedType ? ")" : ",");
    if (impliedType) {
      return text;
    }
    String dtype = "dtype=" + a.dtype.numpyName() + ")";
    int lastLine = text.length() - (text.lastIndexOf('\n') + 1);
    String spacer = lastLine + dtype.length() + 1 > LINE_WIDTH ? "\n" + " ".repeat(PREFIX.length()) : " ";
    return text + spacer + dtype;
  }

  private static String pythonTuple(int[] shape) {
    StringBuilder out = new StringBuilder("(");
    for (int i = 0; i < shape.length; i++) {
      out.append(i > 0 ? ", " : "").append(shape[i]);
    }
    return out.append(shape.length == 1 ? ",)" : ")").toString();
  }

  // ---------------------------------------------------------------- element formats

  /** Storage offsets of the elements that will be shown: all, or the edges of every long axis. */
  private static int[] displayedOffsets(NDArray a, boolean summarise) {
    List<int[]> kept = new ArrayList<>();
    int count = 1;
    for (int extent : a.shape) {
      int[] picks = shownIndices(extent, summarise);
      kept.add(picks);
      count *= picks.length;
    }
    int[] offsets = new int[count];
    int[] position = new int[a.shape.length];
    for (int k = 0; k < count; k++) {
      int offset = a.offset;
      for (int d = 0; d < position.length; d++) {
        offset += kept.get(d)[position[d]] * a.strides[d];
      }
      offsets[k] = offset;
      for (int d = position.length - 1; d >= 0 && ++position[d] == kept.get(d).length; d--) {
        position[d] = 0;
      }
    }
    return offsets;
  }

  private static int[] shownIndices(int extent, boolean summarise) {
    boolean cut = summarise && extent > 2 * EDGE_ITEMS;
    int[] picks = new int[cut ? 2 * EDGE_ITEMS : extent];
    for (int i = 0; i < picks.length; i++) {
      picks[i] = cut && i >= EDGE_ITEMS ? extent - 2 * EDGE_ITEMS + i : i;
    }
    return picks;
  }

  private static ElementFormat elementFormat(NDArray a, int[] shown) {
    Object data = a.data;
    return switch (a.dtype) {
      // " True" lines up with "False", except in a 0-d array where there is nothing to line up with.
      case BOOL -> {
        String yes = a.shape.length == 0 ? "True" : " True";
        yield offset -> Storage.getLong(data, offset) != 0 ? yes : "False";
      }
      case INT32, INT64 -> {
        int width = 0;
        for (int offset : shown) {
          width = Math.max(width, Long.toString(Storage.getLong(data, offset)).length());
        }
        int common = width;
        yield offset -> {
          String text = Long.toString(Storage.getLong(data, offset));
          return " ".repeat(common - text.length()) + text;
        };
      }
      case FLOAT32, FLOAT64 -> {
        double[] values = new double[shown.length];
        for (int k = 0; k < shown.length; k++) {
          values[k] = Storage.getDouble(data, shown[k]);
        }
        FloatFormat floats = new FloatFormat(values, a.dtype == DType.FLOAT32);
        yield offset -> floats.format(Storage.getDouble(data, offset));
      }
    };
  }

  // ---------------------------------------------------------------- layout (NumPy's _formatArray)

  private String render(String indent, int width) {
    return nest(0, array.offset, indent, width);
  }

  /**
   * The text of the sub-array at {@code axis} starting at {@code offset}: a bracketed list whose
   * continuation lines start with {@code hanging}, within {@code width} columns. Recursion depth is
   * the rank, which is small.
   */
  private String nest(int axis, int offset, String hanging, int width) {
    if (axis == array.shape.length) {
      return element.format(offset);
    }
    int extent = array.shape[axis];
    boolean cut = summarise && 2 * EDGE_ITEMS < extent;
    // Positions shown along this axis, in order; -1 marks the "..." that stands for the hidden middle.
    int[] shown = new int[cut ? 2 * EDGE_ITEMS + 1 : extent];
    for (int i = 0; i < shown.length; i++) {
      shown[i] = !cut ? i : i < EDGE_ITEMS ? i : i == EDGE_ITEMS ? -1 : extent - (shown.length - i);
    }
    String text = axis == array.shape.length - 1 ? row(offset, shown, hanging, width) : block(axis, offset, shown, hanging, width);
    return "[" + text.substring(hanging.length()) + "]";
  }

  /** The last axis: elements separated by ", ", wrapped when a line would pass {@code width}. */
  private String row(int offset, int[] shown, String hanging, int width) {
    int stride = array.strides[array.shape.length - 1];
    // Room for the separator or the closing bracket after each element.
    int elementWidth = width - 1;
    StringBuilder text = new StringBuilder();
    StringBuilder line = new StringBuilder(hanging);
    for (int i = 0; i < shown.length; i++) {
      String word = shown[i] < 0 ? SUMMARY : element.format(offset + shown[i] * stride);
      extendLine(text, line, word, elementWidth, hanging);
      if (i < shown.length - 1) {
        line.append(SEPARATOR);
      }
    }
    return text.append(line).toString();
  }

  /** An outer axis: one nested list per line, with blank lines between blocks that grow with depth. */
  private String block(int axis, int offset, int[] shown, String hanging, int width) {
    int stride = array.strides[axis];
    String lineSeparator = SEPARATOR.strip() + "\n".repeat(array.shape.length - axis - 1);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < shown.length; i++) {
      text.append(hanging);
      text.append(shown[i] < 0 ? SUMMARY : nest(axis + 1, offset + shown[i] * stride, hanging + " ", width - 1));
      if (i < shown.length - 1) {
        text.append(lineSeparator);
      }
    }
    return text.toString();
  }

  /** Appends {@code word} to {@code line}, first moving the line into {@code text} if the word would overflow it. */
  private static void extendLine(StringBuilder text, StringBuilder line, String word, int width, String hanging) {
    // Wrapping a line that holds only the indent would not help.
    boolean wrap = line.length() + word.length() > width && line.length() > hanging.length();
    if (wrap) {
      text.append(line.toString().stripTrailing()).append('\n');
      line.setLength(0);
      line.append(hanging);
    }
    line.append(word);
  }
}
