package dev.ruru.optim;

import dev.ruru.nn.Parameter;
import dev.ruru.nn.PathPattern;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Parameter groups chosen by path pattern ({@link PathPattern}), for discriminative learning rates: a
 * pretrained body learning slowly and a new head quickly. Each parameter joins the group of the first
 * rule whose pattern selects it; the rest form the default group, which comes first (so the optimiser's
 * {@link Optimizer#learningRate()} is the default rate, and schedules keep every group's ratio to it).
 *
 * <pre>{@code
 * AdamConfig base = AdamConfig.adam(1e-3);
 * Optimizer adam = new Adam(ParameterGroups.of(model.parameters(), base)
 *     .with("features.*", config -> config.withLearningRate(1e-4))
 *     .with("*.bias", config -> config.withWeightDecay(0))
 *     .build());
 * }</pre>
 */
public final class ParameterGroups<C extends OptimizerConfig<C>> {
  private record Rule<C>(PathPattern pattern, UnaryOperator<C> change) {}

  private final Map<String, Parameter> parameters;
  private final C defaults;
  private final List<Rule<C>> rules = new ArrayList<>();

  private ParameterGroups(Map<String, Parameter> parameters, C defaults) {
    this.parameters = new LinkedHashMap<>(parameters);
    this.defaults = defaults;
  }

  /** Groups over {@code parameters}, with {@code defaults} for those no rule selects. */
  public static <C extends OptimizerConfig<C>> ParameterGroups<C> of(Map<String, Parameter> parameters, C defaults) {
    if (parameters.isEmpty()) {
      throw new IllegalArgumentException("ParameterGroups: no parameters to group");
    }
    return new ParameterGroups<>(parameters, defaults);
  }

  /** A group for the parameters {@code pattern} selects (and no earlier rule did), with {@code change} applied to the defaults. */
  public ParameterGroups<C> with(String pattern, UnaryOperator<C> change) {
    rules.add(new Rule<>(PathPattern.parse(pattern), change));
    return this;
  }

  /** A group with its own learning rate. */
  public ParameterGroups<C> learningRate(String pattern, double learningRate) {
    return with(pattern, config -> config.withLearningRate(learningRate));
  }

  /** A group with its own learning rate and weight decay. */
  public ParameterGroups<C> learningRate(String pattern, double learningRate, double weightDecay) {
    return with(pattern, config -> config.withLearningRate(learningRate).withWeightDecay(weightDecay));
  }

  /**
   * The groups: the default group (when some parameter is in no rule's group), then one per rule in
   * order. A rule that selects no parameter left by the rules before it is an error, since it would
   * silently change nothing.
   */
  public List<ParameterGroup<C>> build() {
    List<Map<String, Parameter>> members = new ArrayList<>();
    rules.forEach(rule -> members.add(new LinkedHashMap<>()));
    Map<String, Parameter> rest = new LinkedHashMap<>();
    parameters.forEach((path, parameter) -> {
      int index = firstMatch(path);
      (index < 0 ? rest : members.get(index)).put(path, parameter);
    });
    List<ParameterGroup<C>> groups = new ArrayList<>();
    if (!rest.isEmpty()) {
      groups.add(new ParameterGroup<>(rest, defaults));
    }
    for (int i = 0; i < rules.size(); i++) {
      if (members.get(i).isEmpty()) {
        throw new IllegalArgumentException("ParameterGroups: pattern '" + rules.get(i).pattern() + "' selects no parameter"
            + (i == 0 ? "" : " that an earlier pattern did not") + "; the paths are " + parameters.keySet());
      }
      groups.add(new ParameterGroup<>(members.get(i), rules.get(i).change().apply(defaults)));
    }
    return groups;
  }

  private int firstMatch(String path) {
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).pattern().matches(path)) {
        return i;
      }
    }
    return -1;
  }
}
