package dev.ruru.optim;

import dev.ruru.array.NDArray;
import dev.ruru.nn.Parameter;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adagrad (Duchi, Hazan and Singer, 2011), PyTorch's torch.optim.Adagrad: each coordinate's step is
 * divided by the root of the sum of all its squared gradients so far, so frequently updated
 * coordinates slow down.
 *
 * <pre>{@code
 * Optimizer adagrad = new Adagrad(model.parameters(), 0.01);
 * }</pre>
 */
public final class Adagrad extends GroupedOptimizer<AdagradConfig, Adagrad.State> {
  /** The step count and the running sum of squared gradients of one parameter. */
  public record State(long step, NDArray sum) implements RuleState {
    @Override
    public Map<String, NDArray> arrays() {
      return Map.of("step", stepArray(step), "sum", sum);
    }
  }

  public Adagrad(Map<String, Parameter> parameters, AdagradConfig config) {
    this(List.of(new ParameterGroup<>(parameters, config)));
  }

  /** torch.optim.Adagrad(params, lr): {@link AdagradConfig#of(double)}. */
  public Adagrad(Map<String, Parameter> parameters, double learningRate) {
    this(parameters, AdagradConfig.of(learningRate));
  }

  public Adagrad(List<ParameterGroup<AdagradConfig>> groups) {
    super("Adagrad", groups);
  }

  /**
   * One Adagrad step, as PyTorch (the sum S starts at the initial accumulator value, t counts from 1):
   * <pre>
   *   g ← g + λ·θ          η ← lr / (1 + (t − 1)·decay)
   *   S ← S + g²           θ ← θ − η·g / (√S + ε)
   * </pre>
   * {@code parameter} and S change in place; the gradient does not. Returns the state after the step.
   */
  public static State update(NDArray parameter, NDArray gradient, State state, AdagradConfig config) {
    long step = state == null ? 1 : state.step() + 1;
    NDArray g = config.weightDecay() == 0 ? gradient : gradient.add(parameter.mul(config.weightDecay()));
    NDArray sum = state == null ? g.mul(g) : state.sum().addInPlace(g.mul(g));
    if (state == null && config.initialAccumulatorValue() != 0) {
      sum.addInPlace(config.initialAccumulatorValue());
    }
    double rate = config.learningRate() / (1 + (step - 1) * config.learningRateDecay());
    parameter.addScaledInPlace(g.div(sum.sqrt().addInPlace(config.epsilon())), -rate);
    return new State(step, sum);
  }

  @Override
  State rule(NDArray parameter, NDArray gradient, State state, AdagradConfig config) {
    return update(parameter, gradient, state, config);
  }

  @Override
  Set<String> stateNames() {
    return Set.of("step", "sum");
  }

  @Override
  State restore(Map<String, NDArray> arrays, Parameter parameter) {
    return new State(stepOf(arrays), required(arrays, "sum"));
  }
}
