package dev.ruru.optim;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.nn.Parameter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every optimiser shares: parameter groups, the learning rate a schedule sets, per-parameter state
 * in an {@link IdentityHashMap} (parameters are cells, compared by identity) and its export. Subclasses
 * supply only the update rule, which works in place (see {@link dev.ruru.nn.Parameter} for why), and
 * how to rebuild their state from arrays.
 */
abstract class GroupedOptimizer<C extends OptimizerConfig<C>, S extends RuleState> implements Optimizer {
  static final String LEARNING_RATE = "learning_rate";

  private final String name;
  private final double baseLearningRate;
  private final Map<String, Parameter> parameters = new LinkedHashMap<>();
  private final IdentityHashMap<Parameter, String> paths = new IdentityHashMap<>();
  private final IdentityHashMap<Parameter, C> configs = new IdentityHashMap<>();
  private final IdentityHashMap<Parameter, S> states = new IdentityHashMap<>();
  private double learningRate;

  GroupedOptimizer(String name, List<ParameterGroup<C>> groups) {
    if (groups.isEmpty()) {
      throw new IllegalArgumentException(name + ": expected at least one parameter group");
    }
    this.name = name;
    for (ParameterGroup<C> group : groups) {
      group.parameters().forEach((path, parameter) -> {
        if (paths.put(parameter, path) != null) {
          throw new IllegalArgumentException(name + ": parameter '" + path + "' appears in two groups (or twice)");
        }
        if (parameters.put(path, parameter) != null) {
          throw new IllegalArgumentException(name + ": two parameters share the path '" + path + "'");
        }
        configs.put(parameter, group.config());
      });
    }
    this.baseLearningRate = groups.get(0).config().learningRate();
    this.learningRate = baseLearningRate;
  }

  /**
   * The rule: one step on a parameter's array and its state's arrays, in place (the gradient stays as
   * it is); returns the state after the step. {@code state} is null before the parameter's first step.
   */
  abstract S rule(NDArray parameter, NDArray gradient, S state, C config);

  /** The names {@link RuleState#arrays()} may hold for this rule. */
  abstract Set<String> stateNames();

  /** Rebuilds a parameter's state from arrays already checked against {@link #stateNames()} and its shape. */
  abstract S restore(Map<String, NDArray> arrays, Parameter parameter);

  @Override
  public void step(Map<Parameter, NDArray> gradients) {
    for (Map.Entry<Parameter, NDArray> entry : gradients.entrySet()) {
      String path = paths.get(entry.getKey());
      if (path == null) {
        throw new IllegalArgumentException(name + ".step: a gradient was given for a parameter this optimizer does not manage ("
            + entry.getKey() + ")");
      }
      if (!entry.getValue().shape().equals(entry.getKey().shape())) {
        throw new IllegalArgumentException(name + ".step: the gradient of '" + path + "' has shape " + entry.getValue().shape()
            + " but the parameter has shape " + entry.getKey().shape());
      }
    }
    for (Map.Entry<Parameter, NDArray> entry : gradients.entrySet()) {
      Parameter parameter = entry.getKey();
      if (!parameter.isTrainable()) {
        // Frozen: as PyTorch skips a parameter without a gradient, weight decay and momentum included.
        continue;
      }
      NDArray gradient = entry.getValue().astype(parameter.dtype());
      S state = states.get(parameter);
      C config = effective(configs.get(parameter));
      S next = parameter.update(value -> rule(value, gradient, state, config));
      if (next != null) {
        states.put(parameter, next);
      }
    }
  }

  /** The group's config at the current learning rate (groups with another base rate keep their ratio). */
  private C effective(C config) {
    if (learningRate == baseLearningRate) {
      return config;
    }
    double rate = config.learningRate() == baseLearningRate ? learningRate : config.learningRate() * (learningRate / baseLearningRate);
    return config.withLearningRate(rate);
  }

  @Override
  public Map<String, Parameter> parameters() {
    return Collections.unmodifiableMap(parameters);
  }

  @Override
  public double learningRate() {
    return learningRate;
  }

  @Override
  public void setLearningRate(double newLearningRate) {
    HyperParameters.positive("learning rate", newLearningRate);
    this.learningRate = newLearningRate;
  }

  /** The state of one parameter (null before its first step), for tests and inspection. */
  S state(Parameter parameter) {
    return states.get(parameter);
  }

  @Override
  public Map<String, NDArray> stateDict() {
    Map<String, NDArray> state = new LinkedHashMap<>();
    state.put(LEARNING_RATE, NDArray.scalar(learningRate, DType.FLOAT64));
    parameters.forEach((path, parameter) -> {
      S s = states.get(parameter);
      if (s != null) {
        // Copies: the rule changes its arrays in place, and a state dictionary is a snapshot.
        s.arrays().forEach((key, array) -> state.put(path + "." + key, array.copy()));
      }
    });
    return Collections.unmodifiableMap(state);
  }

  @Override
  public void loadStateDict(Map<String, NDArray> state) {
    List<String> problems = new ArrayList<>();
    Map<Parameter, Map<String, NDArray>> byParameter = new IdentityHashMap<>();
    NDArray rate = state.get(LEARNING_RATE);
    if (rate == null || rate.size() != 1 || !(rate.item() > 0)) {
      problems.add("entry '" + LEARNING_RATE + "' must be one positive number, got " + (rate == null ? "none" : rate.shape()));
    }
    state.forEach((key, array) -> {
      if (!key.equals(LEARNING_RATE)) {
        sortEntry(key, array, byParameter, problems);
      }
    });
    Map<Parameter, S> restored = new IdentityHashMap<>();
    byParameter.forEach((parameter, arrays) -> {
      try {
        restored.put(parameter, restore(arrays, parameter));
      } catch (IllegalArgumentException e) {
        problems.add("parameter '" + paths.get(parameter) + "': " + e.getMessage());
      }
    });
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(name + ".loadStateDict: " + String.join("; ", problems) + "; nothing was loaded");
    }
    states.clear();
    states.putAll(restored);
    learningRate = rate.item();
  }

  /** Files {@code "<path>.<name>"} under its parameter, or records why it cannot be. */
  private void sortEntry(String key, NDArray array, Map<Parameter, Map<String, NDArray>> byParameter, List<String> problems) {
    int dot = key.lastIndexOf('.');
    Parameter parameter = dot < 0 ? null : parameters.get(key.substring(0, dot));
    String stateName = key.substring(dot + 1);
    if (parameter == null) {
      problems.add("unexpected entry '" + key + "' (no parameter of that path)");
    } else if (!stateNames().contains(stateName)) {
      problems.add("unexpected entry '" + key + "' (" + name + " keeps " + stateNames() + ")");
    } else if (stateName.equals("step") ? array.size() != 1 || !array.dtype().isInteger()
        : !array.shape().equals(parameter.shape()) || array.dtype() != parameter.dtype()) {
      problems.add("entry '" + key + "' is " + array.dtype() + " " + array.shape() + " but the parameter is "
          + parameter.dtype() + " " + parameter.shape() + (stateName.equals("step") ? " (a step is an integer scalar)" : ""));
    } else {
      // A copy, so that later steps do not change the caller's arrays.
      byParameter.computeIfAbsent(parameter, p -> new LinkedHashMap<>()).put(stateName, array.copy());
    }
  }

  /** The named array, or an error naming what is missing. */
  static NDArray required(Map<String, NDArray> arrays, String key) {
    NDArray array = arrays.get(key);
    if (array == null) {
      throw new IllegalArgumentException("missing '" + key + "'");
    }
    return array;
  }

  static long stepOf(Map<String, NDArray> arrays) {
    return Math.round(required(arrays, "step").item());
  }

  static NDArray stepArray(long step) {
    return NDArray.scalar(step, DType.INT64);
  }
}
