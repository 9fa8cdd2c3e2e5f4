package dev.ruru.onnx;

import dev.ruru.array.Dims;
import dev.ruru.autodiff.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Einsum ("bij,bjk->bik") as broadcasting: every operand is permuted and reshaped onto the axes of all the
 * equation's letters (size 1 where it lacks one), the operands are multiplied, and the letters missing from
 * the output are summed. Simple and exact, though it materialises the full product; repeated letters within
 * one operand (diagonals) and ellipses are refused.
 */
final class EinsumOperator {
  private EinsumOperator() {}

  static List<Tensor> einsum(NodeCall call) {
    String equation = call.stringAttribute("equation", "").replace(" ", "");
    if (equation.contains(".")) {
      throw call.error("equation " + equation + " uses an ellipsis", "Ruru's Einsum takes explicit letters only");
    }
    String[] sides = equation.split("->", -1);
    String[] terms = sides[0].split(",", -1);
    if (terms.length != call.inputCount()) {
      throw call.error("equation " + equation + " has " + terms.length + " operands, the node " + call.inputCount(), "they must match");
    }
    String output = sides.length > 1 ? sides[1] : implicitOutput(sides[0]);
    List<Character> letters = new ArrayList<>();
    for (char letter : (sides[0].replace(",", "") + output).toCharArray()) {
      if (!letters.contains(letter)) {
        letters.add(letter);
      }
    }
    Tensor product = null;
    for (int i = 0; i < terms.length; i++) {
      Tensor aligned = align(call, call.input(i), terms[i], letters);
      product = product == null ? aligned : product.mul(aligned);
    }
    int[] summed = letters.stream().filter(letter -> output.indexOf(letter) < 0).mapToInt(letters::indexOf).toArray();
    Tensor reduced = summed.length == 0 ? product : product.sum(summed, Dims.DROP);
    List<Character> remaining = letters.stream().filter(letter -> output.indexOf(letter) >= 0).toList();
    int[] order = output.chars().map(letter -> remaining.indexOf((char) letter)).toArray();
    return List.of(order.length < 2 ? reduced : reduced.permute(order));
  }

  /** NumPy's implicit output: the letters that appear once, in alphabetical order. */
  private static String implicitOutput(String inputs) {
    StringBuilder out = new StringBuilder();
    inputs.chars().filter(Character::isLetter).distinct().sorted()
        .filter(letter -> inputs.chars().filter(other -> other == letter).count() == 1).forEach(out::appendCodePoint);
    return out.toString();
  }

  /** {@code x}, whose axes are {@code term}'s letters, on the axes of {@code letters} (size 1 for the others). */
  private static Tensor align(NodeCall call, Tensor x, String term, List<Character> letters) {
    if (term.length() != x.rank() || term.chars().distinct().count() != term.length()) {
      throw call.error("term " + term + " for an input of shape " + x.shape(),
          "each term needs one distinct letter per axis (diagonals are not supported)");
    }
    int[] order = term.chars().map(letter -> letters.indexOf((char) letter)).toArray();
    int[] sortedPositions = new int[order.length];
    Integer[] byLetter = new Integer[order.length];
    Arrays.setAll(byLetter, i -> i);
    Arrays.sort(byLetter, (a, b) -> Integer.compare(order[a], order[b]));
    for (int i = 0; i < order.length; i++) {
      sortedPositions[i] = byLetter[i];
    }
    Tensor permuted = order.length < 2 ? x : x.permute(sortedPositions);
    int[] shape = new int[letters.size()];
    Arrays.fill(shape, 1);
    for (int i = 0; i < order.length; i++) {
      shape[order[i]] = x.shape().dim(i);
    }
    return permuted.reshape(shape);
  }
}
