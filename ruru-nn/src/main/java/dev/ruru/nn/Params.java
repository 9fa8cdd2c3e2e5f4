package dev.ruru.nn;

import dev.ruru.array.NDArray;
import dev.ruru.autodiff.Gradients;
import dev.ruru.autodiff.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Building and reading the ordered, path-named maps of parameters (and buffers) that modules return.
 * A container prefixes each child's names with the child's name, so a weight inside the first layer of
 * a field {@code layers} is {@code "layers.0.weight"}, as in PyTorch.
 *
 * <pre>{@code
 * public Map<String, Parameter> parameters() {
 *   return Params.merge(Params.nested("encoder", encoder.parameters()), Params.nested("head", head.parameters()));
 * }
 * }</pre>
 */
public final class Params {
  private Params() {}

  /** One named entry. */
  public static <T> Map<String, T> of(String name, T value) {
    return merge(entry(name, value));
  }

  /** Two named entries, in this order. */
  public static <T> Map<String, T> of(String name1, T value1, String name2, T value2) {
    return merge(entry(name1, value1), entry(name2, value2));
  }

  /** Three named entries, in this order. */
  public static <T> Map<String, T> of(String name1, T value1, String name2, T value2, String name3, T value3) {
    return merge(entry(name1, value1), entry(name2, value2), entry(name3, value3));
  }

  /** {@code child}'s entries with {@code prefix + "."} in front of each name. */
  public static <T> Map<String, T> nested(String prefix, Map<String, T> child) {
    Map<String, T> result = new LinkedHashMap<>();
    child.forEach((name, value) -> result.put(prefix + "." + name, value));
    return Collections.unmodifiableMap(result);
  }

  /** The entries of all parts in order; a name used twice is an error (two parameters cannot share a path). */
  @SafeVarargs
  public static <T> Map<String, T> merge(Map<String, T>... parts) {
    List<Map<String, T>> list = new ArrayList<>(parts.length);
    for (Map<String, T> part : parts) {
      list.add(part);
    }
    return merge(list);
  }

  /** The entries of all parts in order; a name used twice is an error. */
  public static <T> Map<String, T> merge(List<Map<String, T>> parts) {
    Map<String, T> result = new LinkedHashMap<>();
    for (Map<String, T> part : parts) {
      part.forEach((name, value) -> {
        if (result.putIfAbsent(name, value) != null) {
          throw new IllegalArgumentException("Params.merge: the name '" + name + "' is used twice");
        }
      });
    }
    return Collections.unmodifiableMap(result);
  }

  /** The parameters' current tensors, in order: the leaves to pass to {@code loss.backward(...)}. */
  public static List<Tensor> tensors(Map<String, Parameter> parameters) {
    List<Tensor> tensors = new ArrayList<>(parameters.size());
    for (Parameter parameter : parameters.values()) {
      tensors.add(parameter.tensor());
    }
    return tensors;
  }

  /**
   * The gradient of each parameter whose current tensor was among the leaves of {@code gradients},
   * in the parameters' order. A parameter whose value was set after the forward pass has a new tensor
   * and is left out.
   */
  public static Map<Parameter, NDArray> gradients(Map<String, Parameter> parameters, Gradients gradients) {
    Map<Parameter, NDArray> result = new LinkedHashMap<>();
    for (Parameter parameter : parameters.values()) {
      Tensor tensor = parameter.tensor();
      if (gradients.contains(tensor)) {
        result.put(parameter, gradients.get(tensor));
      }
    }
    return result;
  }

  /** The entries that are not frozen ({@link Parameter#isTrainable()}), in order. */
  public static Map<String, Parameter> trainable(Map<String, Parameter> parameters) {
    Map<String, Parameter> result = new LinkedHashMap<>();
    parameters.forEach((name, parameter) -> {
      if (parameter.isTrainable()) {
        result.put(name, parameter);
      }
    });
    return Collections.unmodifiableMap(result);
  }

  /** The number of scalars, frozen or not. */
  public static long count(Map<String, Parameter> parameters) {
    long total = 0;
    for (Parameter parameter : parameters.values()) {
      total += parameter.size();
    }
    return total;
  }

  private static <T> Map<String, T> entry(String name, T value) {
    return Map.of(name, value);
  }
}
