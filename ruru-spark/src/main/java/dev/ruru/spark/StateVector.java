package dev.ruru.spark;

import dev.ruru.array.NDArray;
import dev.ruru.nn.Buffer;
import dev.ruru.nn.Parameter;
import dev.ruru.optim.Optimizer;
import dev.ruru.train.objective.Objective;
import dev.ruru.train.objective.Phase;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The named arrays a round exchanges, from and into an objective: {@code model/<name>/<key>} for every
 * model's state dictionary (weights and buffers such as BatchNorm's running statistics),
 * {@code optimizer/<name>/<key>} for every optimiser's state, {@code grad/<path>} for a phase's gradients
 * and {@code buffer/<name>/<path>} for the buffers a training forward pass updates.
 */
final class StateVector {
  private StateVector() {}

  /** Every model's state and, when asked, every optimiser's. */
  static Map<String, NDArray> of(Objective objective, boolean withOptimizers) {
    Map<String, NDArray> state = new LinkedHashMap<>();
    objective.models().forEach((name, model) -> model.stateDict().forEach((key, value) -> state.put("model/" + name + "/" + key, value)));
    if (withOptimizers) {
      optimizers(objective).forEach((name, optimizer) ->
          optimizer.stateDict().forEach((key, value) -> state.put("optimizer/" + name + "/" + key, value)));
    }
    return state;
  }

  /** The names {@link #of} gives the models' parameters (not their buffers). */
  static java.util.Set<String> parameterNames(Objective objective) {
    java.util.Set<String> names = new java.util.LinkedHashSet<>();
    objective.models().forEach((name, model) -> model.parameters().keySet().forEach(key -> names.add("model/" + name + "/" + key)));
    return names;
  }

  /** Loads a state written by {@link #of} into {@code objective}'s models and, when asked, its optimisers. */
  static void load(Objective objective, Map<String, NDArray> state, boolean withOptimizers) {
    objective.models().forEach((name, model) -> model.loadStateDict(part(state, "model/" + name + "/")));
    if (withOptimizers) {
      optimizers(objective).forEach((name, optimizer) -> optimizer.loadStateDict(part(state, "optimizer/" + name + "/")));
    }
  }

  /** A phase's gradients (zeros for a parameter the loss does not reach) and every model's buffers. */
  static Map<String, NDArray> gradientsAndBuffers(Objective objective, Map<String, Parameter> parameters, Map<Parameter, NDArray> gradients) {
    Map<String, NDArray> arrays = new LinkedHashMap<>();
    parameters.forEach((path, parameter) -> {
      NDArray gradient = gradients.get(parameter);
      arrays.put("grad/" + path, gradient != null ? gradient : NDArray.zeros(parameter.value().shape(), parameter.value().dtype()));
    });
    objective.models().forEach((name, model) -> model.buffers().forEach((path, buffer) -> arrays.put("buffer/" + name + "/" + path, buffer.value())));
    return arrays;
  }

  /** Steps {@code phase}'s optimiser with the mean gradients in {@code averaged} and sets the buffers to their means. */
  static void apply(Objective objective, Phase phase, Map<String, NDArray> averaged) {
    Map<Parameter, NDArray> gradients = new LinkedHashMap<>();
    phase.optimizer().parameters().forEach((path, parameter) -> gradients.put(parameter, averaged.get("grad/" + path)));
    phase.optimizer().step(gradients);
    objective.models().forEach((name, model) -> {
      Map<String, Buffer> buffers = model.buffers();
      buffers.forEach((path, buffer) -> buffer.set(averaged.get("buffer/" + name + "/" + path).astype(buffer.dtype())));
    });
  }

  /** Each phase's optimiser once, by its name, as checkpoints name them. */
  static Map<String, Optimizer> optimizers(Objective objective) {
    Map<String, Optimizer> optimizers = new LinkedHashMap<>();
    for (Phase phase : objective.phases()) {
      optimizers.putIfAbsent(phase.optimizerName(), phase.optimizer());
    }
    return optimizers;
  }

  private static Map<String, NDArray> part(Map<String, NDArray> state, String prefix) {
    Map<String, NDArray> part = new LinkedHashMap<>();
    state.forEach((key, value) -> {
      if (key.startsWith(prefix)) {
        part.put(key.substring(prefix.length()), value);
      }
    });
    return part;
  }
}
