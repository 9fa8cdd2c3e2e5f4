package dev.ruru.optim;

import dev.ruru.array.NDArray;
import dev.ruru.nn.Parameter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RMSProp (Tieleman and Hinton, 2012, lecture 6.5), PyTorch's torch.optim.RMSprop: each coordinate's
 * step is divided by a moving root mean square of its recent gradients.
 *
 * <pre>{@code
 * Optimizer rmsProp = new RmsProp(model.parameters(), 1e-3);
 * Optimizer withMomentum = new RmsProp(model.parameters(), RmsPropConfig.of(1e-3).withMomentum(0.9));
 * }</pre>
 */
public final class RmsProp extends GroupedOptimizer<RmsPropConfig, RmsProp.State> {
  /**
   * The step count, the average of g² (v), and, when used, the momentum buffer b and the average of g
   * (ḡ, centred only); unused ones are null.
   */
  public record State(long step, NDArray squareAverage, NDArray momentumBuffer, NDArray gradientAverage) implements RuleState {
    @Override
    public Map<String, NDArray> arrays() {
      Map<String, NDArray> arrays = new LinkedHashMap<>();
      arrays.put("step", stepArray(step));
      arrays.put("square_avg", squareAverage);
      if (momentumBuffer != null) {
        arrays.put("momentum_buffer", momentumBuffer);
      }
      if (gradientAverage != null) {
        arrays.put("grad_avg", gradientAverage);
      }
      return arrays;
    }
  }

  public RmsProp(Map<String, Parameter> parameters, RmsPropConfig config) {
    this(List.of(new ParameterGroup<>(parameters, config)));
  }

  /** torch.optim.RMSprop(params, lr): {@link RmsPropConfig#of(double)}. */
  public RmsProp(Map<String, Parameter> parameters, double learningRate) {
    this(parameters, RmsPropConfig.of(learningRate));
  }

  public RmsProp(List<ParameterGroup<RmsPropConfig>> groups) {
    super("RmsProp", groups);
  }

  /**
   * One RMSProp step, as PyTorch (v, ḡ and b start at 0):
   * <pre>
   *   g ← g + λ·θ                       v ← α·v + (1 − α)·g²
   *   s ← √(v − ḡ²) + ε  with ḡ ← α·ḡ + (1 − α)·g  (centred)     or   s ← √v + ε
   *   b ← μ·b + g / s;  θ ← θ − lr·b    (momentum μ > 0)         or   θ ← θ − lr·g / s
   * </pre>
   * {@code parameter} and the state's arrays change in place; the gradient does not. Returns the state
   * after the step.
   */
  public static State update(NDArray parameter, NDArray gradient, State state, RmsPropConfig config) {
    double alpha = config.alpha();
    NDArray g = config.weightDecay() == 0 ? gradient : gradient.add(parameter.mul(config.weightDecay()));
    NDArray square = g.mul(g).mulInPlace(1 - alpha);
    NDArray v = state == null ? square : state.squareAverage().mulInPlace(alpha).addInPlace(square);
    NDArray gradientAverage = null;
    NDArray scale;
    if (config.centering() == RmsPropConfig.Centering.CENTERED) {
      gradientAverage = state == null || state.gradientAverage() == null ? g.mul(1 - alpha)
          : state.gradientAverage().mulInPlace(alpha).addScaledInPlace(g, 1 - alpha);
      scale = v.sub(gradientAverage.mul(gradientAverage)).sqrt().addInPlace(config.epsilon());
    } else {
      scale = v.sqrt().addInPlace(config.epsilon());
    }
    NDArray direction = g.div(scale);
    NDArray buffer = null;
    if (config.momentum() > 0) {
      buffer = state == null || state.momentumBuffer() == null ? direction : state.momentumBuffer().mulInPlace(config.momentum()).addInPlace(direction);
      direction = buffer;
    }
    long step = state == null ? 1 : state.step() + 1;
    parameter.addScaledInPlace(direction, -config.learningRate());
    return new State(step, v, buffer, gradientAverage);
  }

  @Override
  State rule(NDArray parameter, NDArray gradient, State state, RmsPropConfig config) {
    return update(parameter, gradient, state, config);
  }

  @Override
  Set<String> stateNames() {
    return Set.of("step", "square_avg", "momentum_buffer", "grad_avg");
  }

  @Override
  State restore(Map<String, NDArray> arrays, Parameter parameter) {
    return new State(stepOf(arrays), required(arrays, "square_avg"), arrays.get("momentum_buffer"), arrays.get("grad_avg"));
  }
}
