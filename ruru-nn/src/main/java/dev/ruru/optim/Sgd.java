package dev.ruru.optim;

import dev.ruru.array.NDArray;
import dev.ruru.nn.Parameter;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stochastic gradient descent with momentum, PyTorch's torch.optim.SGD. See {@link #update} for the
 * rule; the state of each parameter is its momentum buffer (none without momentum).
 *
 * <pre>{@code
 * Optimizer sgd = new Sgd(model.parameters(), 0.1, 0.9);   // lr 0.1, momentum 0.9
 * Optimizer nesterov = new Sgd(model.parameters(), new SgdConfig(0.1, 0.9).withNesterov());
 * }</pre>
 */
public final class Sgd extends GroupedOptimizer<SgdConfig, Sgd.State> {
  /** The momentum buffer b of one parameter. */
  public record State(NDArray momentumBuffer) implements RuleState {
    @Override
    public Map<String, NDArray> arrays() {
      return Map.of("momentum_buffer", momentumBuffer);
    }
  }

  public Sgd(Map<String, Parameter> parameters, SgdConfig config) {
    this(List.of(new ParameterGroup<>(parameters, config)));
  }

  /** Plain SGD at {@code learningRate}: {@code new SgdConfig(learningRate)}, as torch.optim.SGD(params, lr). */
  public Sgd(Map<String, Parameter> parameters, double learningRate) {
    this(parameters, new SgdConfig(learningRate));
  }

  /** SGD with heavy-ball momentum: {@code new SgdConfig(learningRate, momentum)}. */
  public Sgd(Map<String, Parameter> parameters, double learningRate, double momentum) {
    this(parameters, new SgdConfig(learningRate, momentum));
  }

  public Sgd(List<ParameterGroup<SgdConfig>> groups) {
    super("Sgd", groups);
  }

  /**
   * One step of SGD (Robbins and Monro, 1951) with momentum (Polyak, 1964; Sutskever et al., 2013),
   * exactly as PyTorch:
   * <pre>
   *   g ← g + λ·θ                               (weight decay λ, when λ ≠ 0)
   *   b ← g  on the first step,  else  b ← μ·b + (1 − τ)·g      (when μ ≠ 0; dampening τ)
   *   g ← g + μ·b  (Nesterov)   or   g ← b  (heavy ball)
   *   θ ← θ − lr·g
   * </pre>
   * {@code parameter} and the momentum buffer change in place; the gradient does not. {@code state} is
   * null before the first step. Returns the state after the step.
   */
  public static State update(NDArray parameter, NDArray gradient, State state, SgdConfig config) {
    NDArray g = config.weightDecay() == 0 ? gradient : gradient.add(parameter.mul(config.weightDecay()));
    State next = null;
    if (config.momentum() != 0) {
      // The first buffer is a copy, since the gradient is not ours to change.
      NDArray buffer = state == null ? g.copy()
          : state.momentumBuffer().mulInPlace(config.momentum()).addScaledInPlace(g, 1 - config.dampening());
      next = new State(buffer);
      g = config.kind() == SgdConfig.MomentumKind.NESTEROV ? g.add(buffer.mul(config.momentum())) : buffer;
    }
    parameter.addScaledInPlace(g, -config.learningRate());
    return next;
  }

  @Override
  State rule(NDArray parameter, NDArray gradient, State state, SgdConfig config) {
    return update(parameter, gradient, state, config);
  }

  @Override
  Set<String> stateNames() {
    return Set.of("momentum_buffer");
  }

  @Override
  State restore(Map<String, NDArray> arrays, Parameter parameter) {
    return new State(required(arrays, "momentum_buffer"));
  }

  /** The momentum buffer of {@code parameter}, or null before its first step or without momentum. */
  public NDArray momentumBuffer(Parameter parameter) {
    State state = state(parameter);
    return state == null ? null : state.momentumBuffer();
  }
}
