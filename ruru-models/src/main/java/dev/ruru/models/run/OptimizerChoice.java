package dev.ruru.models.run;

import dev.ruru.nn.Parameter;
import dev.ruru.nn.PathPattern;
import dev.ruru.optim.Adagrad;
import dev.ruru.optim.AdagradConfig;
import dev.ruru.optim.Adam;
import dev.ruru.optim.AdamConfig;
import dev.ruru.optim.Optimizer;
import dev.ruru.optim.OptimizerConfig;
import dev.ruru.optim.ParameterGroup;
import dev.ruru.optim.ParameterGroups;
import dev.ruru.optim.RmsProp;
import dev.ruru.optim.RmsPropConfig;
import dev.ruru.optim.Sgd;
import dev.ruru.optim.SgdConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The optimisers {@code ruru train --optimizer} offers, with their default learning rate, momentum and
 * weight decay (PyTorch's, except SGD's momentum 0.9, which trains an MLP far faster than plain SGD).
 * Weight decay, when set, spares biases (rank-1 parameters), as {@link ParameterGroup#splitWeightDecay} does.
 */
public enum OptimizerChoice {
  SGD(0.1, 0.9, 0),
  ADAM(1e-3, Double.NaN, 0),
  ADAMW(1e-3, Double.NaN, 0.01),
  RMSPROP(1e-3, 0, 0),
  ADAGRAD(1e-2, Double.NaN, 0);

  private final double defaultLearningRate;
  private final double defaultMomentum;
  private final double defaultWeightDecay;

  OptimizerChoice(double defaultLearningRate, double defaultMomentum, double defaultWeightDecay) {
    this.defaultLearningRate = defaultLearningRate;
    this.defaultMomentum = defaultMomentum;
    this.defaultWeightDecay = defaultWeightDecay;
  }

  /** The choice named {@code name} on the command line: sgd, adam, adamw, rmsprop or adagrad. */
  public static OptimizerChoice fromName(String name) {
    for (OptimizerChoice choice : values()) {
      if (choice.id().equals(name)) {
        return choice;
      }
    }
    throw new IllegalArgumentException("unknown optimizer '" + name + "'; expected sgd, adam, adamw, rmsprop or adagrad");
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public double defaultLearningRate() {
    return defaultLearningRate;
  }

  /** SGD's and RMSProp's momentum default; NaN for the optimisers that have none. */
  public double defaultMomentum() {
    return defaultMomentum;
  }

  public double defaultWeightDecay() {
    return defaultWeightDecay;
  }

  public boolean hasMomentum() {
    return !Double.isNaN(defaultMomentum);
  }

  /** A new optimiser over {@code parameters}; the configs check the ranges and name bad values. */
  public Optimizer create(Map<String, Parameter> parameters, double learningRate, double momentum, double weightDecay) {
    return switch (this) {
      case SGD -> new Sgd(ParameterGroup.splitWeightDecay(parameters, new SgdConfig(learningRate, momentum).withWeightDecay(weightDecay)));
      case ADAM -> new Adam(ParameterGroup.splitWeightDecay(parameters, AdamConfig.adam(learningRate).withWeightDecay(weightDecay)));
      case ADAMW -> new Adam(ParameterGroup.splitWeightDecay(parameters, AdamConfig.adamW(learningRate).withWeightDecay(weightDecay)));
      case RMSPROP -> new RmsProp(ParameterGroup.splitWeightDecay(parameters,
          RmsPropConfig.of(learningRate).withMomentum(momentum).withWeightDecay(weightDecay)));
      case ADAGRAD -> new Adagrad(ParameterGroup.splitWeightDecay(parameters, AdagradConfig.of(learningRate).withWeightDecay(weightDecay)));
    };
  }

  /**
   * A new optimiser over {@code parameters} whose parameters selected by a pattern of {@code rates}
   * ({@link dev.ruru.nn.PathPattern}) have that learning rate and the rest {@code learningRate}:
   * discriminative learning rates, biases still spared weight decay.
   */
  public Optimizer create(Map<String, Parameter> parameters, double learningRate, double momentum, double weightDecay,
      Map<String, Double> rates) {
    return switch (this) {
      case SGD -> new Sgd(groups(parameters, new SgdConfig(learningRate, momentum).withWeightDecay(weightDecay), rates));
      case ADAM -> new Adam(groups(parameters, AdamConfig.adam(learningRate).withWeightDecay(weightDecay), rates));
      case ADAMW -> new Adam(groups(parameters, AdamConfig.adamW(learningRate).withWeightDecay(weightDecay), rates));
      case RMSPROP -> new RmsProp(groups(parameters, RmsPropConfig.of(learningRate).withMomentum(momentum).withWeightDecay(weightDecay),
          rates));
      case ADAGRAD -> new Adagrad(groups(parameters, AdagradConfig.of(learningRate).withWeightDecay(weightDecay), rates));
    };
  }

  private static <C extends OptimizerConfig<C>> List<ParameterGroup<C>> groups(Map<String, Parameter> parameters, C config,
      Map<String, Double> rates) {
    List<ParameterGroup<C>> groups = new ArrayList<>();
    for (ParameterGroup<C> part : ParameterGroup.splitWeightDecay(parameters, config)) {
      ParameterGroups<C> split = ParameterGroups.of(part.parameters(), part.config());
      rates.forEach((pattern, rate) -> {
        // Weights and biases are split first, so a pattern may select parameters of only one part.
        if (part.parameters().keySet().stream().anyMatch(PathPattern.parse(pattern)::matches)) {
          split.learningRate(pattern, rate);
        }
      });
      groups.addAll(split.build());
    }
    return groups;
  }

  /** {@code "adam lr 0.001, weight decay 0"}: for the run's printout and metrics.json. */
  public String describe(double learningRate, double momentum, double weightDecay) {
    return id() + " lr " + learningRate + (hasMomentum() ? ", momentum " + momentum : "") + ", weight decay " + weightDecay;
  }
}
