package dev.ruru.nn;

import dev.ruru.array.NDArray;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A module's state dictionary: its parameters' and buffers' values by path. It is a snapshot: the
 * parameters' arrays change in place under training, so their values are copied (a buffer's value is
 * replaced, never changed, so it is shared). Loading checks every entry before it sets any, so a
 * mismatched file leaves the model as it was, and copies the values in.
 */
final class StateDictionary {
  private StateDictionary() {}

  static Map<String, NDArray> of(Layer module) {
    return values(module, true);
  }

  private static Map<String, NDArray> values(Layer module, boolean copy) {
    Map<String, NDArray> state = new LinkedHashMap<>();
    module.parameters().forEach((name, parameter) -> state.put(name, copy ? parameter.value().copy() : parameter.value()));
    module.buffers().forEach((name, buffer) -> {
      if (state.put(name, buffer.value()) != null) {
        throw new IllegalStateException("stateDict: the name '" + name + "' is both a parameter and a buffer");
      }
    });
    return Collections.unmodifiableMap(state);
  }

  static void load(Layer module, Map<String, NDArray> state) {
    Map<String, Parameter> parameters = module.parameters();
    Map<String, Buffer> buffers = module.buffers();
    Map<String, NDArray> expected = values(module, false);
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, NDArray> entry : expected.entrySet()) {
      NDArray given = state.get(entry.getKey());
      if (given == null) {
        problems.add("missing entry '" + entry.getKey() + "' " + describe(entry.getValue()));
      } else if (!given.shape().equals(entry.getValue().shape())) {
        problems.add("entry '" + entry.getKey() + "' has shape " + given.shape() + " but the model expects " + entry.getValue().shape());
      } else if (given.dtype() != entry.getValue().dtype()) {
        problems.add("entry '" + entry.getKey() + "' has dtype " + given.dtype() + " but the model expects " + entry.getValue().dtype());
      }
    }
    for (String name : state.keySet()) {
      if (!expected.containsKey(name)) {
        problems.add("unexpected entry '" + name + "' " + describe(state.get(name)));
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("loadStateDict: " + String.join("; ", problems) + "; nothing was loaded");
    }
    parameters.forEach((name, parameter) -> parameter.set(state.get(name)));
    buffers.forEach((name, buffer) -> buffer.set(state.get(name)));
  }

  /**
   * Loads every entry whose path the module has with the same shape (floating values converted to the
   * module's dtype) and reports the rest; entries of another shape or a non-floating dtype mismatch are
   * left out, the module's values kept.
   */
  static LoadReport loadNonStrict(Layer module, Map<String, NDArray> state) {
    Map<String, NDArray> expected = values(module, false);
    List<String> loaded = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    List<String> converted = new ArrayList<>();
    List<LoadReport.Mismatch> mismatched = new ArrayList<>();
    Map<String, NDArray> accepted = new LinkedHashMap<>();
    expected.forEach((path, current) -> {
      NDArray given = state.get(path);
      if (given == null) {
        missing.add(path);
      } else if (!given.shape().equals(current.shape()) || (given.dtype() != current.dtype() && !bothFloating(given, current))) {
        mismatched.add(new LoadReport.Mismatch(path, given.shape(), current.shape()));
      } else {
        if (given.dtype() != current.dtype()) {
          converted.add(path);
        }
        accepted.put(path, given.astype(current.dtype()));
        loaded.add(path);
      }
    });
    List<String> unexpected = state.keySet().stream().filter(name -> !expected.containsKey(name)).toList();
    module.parameters().forEach((path, parameter) -> set(accepted.get(path), parameter::set));
    module.buffers().forEach((path, buffer) -> set(accepted.get(path), buffer::set));
    return new LoadReport(loaded, missing, unexpected, mismatched, converted);
  }

  private static boolean bothFloating(NDArray a, NDArray b) {
    return a.dtype().isFloating() && b.dtype().isFloating();
  }

  private static void set(NDArray value, java.util.function.Consumer<NDArray> setter) {
    if (value != null) {
      setter.accept(value);
    }
  }

  private static String describe(NDArray value) {
    return "(" + value.dtype() + " " + value.shape() + ")";
  }
}
