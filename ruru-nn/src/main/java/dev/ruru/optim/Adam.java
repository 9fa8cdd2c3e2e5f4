package dev.ruru.optim;

import dev.ruru.array.AdamUpdate;
import dev.ruru.array.NDArray;
import dev.ruru.nn.Parameter;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adam (Kingma and Ba, 2015) and, with {@link AdamConfig.WeightDecay#DECOUPLED} weight decay, AdamW
 * (Loshchilov and Hutter, 2019): PyTorch's torch.optim.Adam and torch.optim.AdamW (without amsgrad).
 * Each parameter keeps its step count and the moving averages of the gradient and its square.
 *
 * <pre>{@code
 * Optimizer adam = new Adam(model.parameters(), 1e-3);
 * Optimizer adamW = Adam.adamW(model.parameters(), 1e-3, 0.05);   // weight decay 0.05
 * Optimizer tuned = new Adam(model.parameters(), AdamConfig.adam(1e-3).withBetas(0.9, 0.98));
 * }</pre>
 */
public final class Adam extends GroupedOptimizer<AdamConfig, Adam.State> {
  /** The step count t and the first and second moment estimates m and v of one parameter. */
  public record State(long step, NDArray firstMoment, NDArray secondMoment) implements RuleState {
    @Override
    public Map<String, NDArray> arrays() {
      return Map.of("step", stepArray(step), "exp_avg", firstMoment, "exp_avg_sq", secondMoment);
    }
  }

  public Adam(Map<String, Parameter> parameters, AdamConfig config) {
    this(List.of(new ParameterGroup<>(parameters, config)));
  }

  /** torch.optim.Adam(params, lr): {@link AdamConfig#adam(double)}. */
  public Adam(Map<String, Parameter> parameters, double learningRate) {
    this(parameters, AdamConfig.adam(learningRate));
  }

  /** torch.optim.AdamW(params, lr), weight decay 0.01 decoupled: {@link AdamConfig#adamW(double)}. */
  public static Adam adamW(Map<String, Parameter> parameters, double learningRate) {
    return new Adam(parameters, AdamConfig.adamW(learningRate));
  }

  /** torch.optim.AdamW(params, lr, weight_decay=weightDecay). */
  public static Adam adamW(Map<String, Parameter> parameters, double learningRate, double weightDecay) {
    return new Adam(parameters, AdamConfig.adamW(learningRate).withWeightDecay(weightDecay));
  }

  public Adam(List<ParameterGroup<AdamConfig>> groups) {
    super("Adam", groups);
  }

  /**
   * One Adam step, as PyTorch computes it (m and v start at 0, t counts from 1):
   * <pre>
   *   g ← g + λ·θ                         (L2 weight decay)      θ ← θ·(1 − lr·λ)   (decoupled, AdamW)
   *   m ← β₁·m + (1 − β₁)·g               v ← β₂·v + (1 − β₂)·g²
   *   θ ← θ − lr / (1 − β₁ᵗ) · m / (√v / √(1 − β₂ᵗ) + ε)
   * </pre>
   * The bias corrections 1 − βᵗ undo the moments' start at zero. {@code parameter}, m and v change in
   * place; the gradient does not. Returns the state after the step.
   */
  public static State update(NDArray parameter, NDArray gradient, State state, AdamConfig config) {
    long step = state == null ? 1 : state.step() + 1;
    double lambda = config.weightDecay();
    boolean decoupled = config.decay() == AdamConfig.WeightDecay.DECOUPLED;
    NDArray g = !decoupled && lambda != 0 ? gradient.add(parameter.mul(lambda)) : gradient;
    if (decoupled && lambda != 0) {
      parameter.mulInPlace(1 - config.learningRate() * lambda);
    }
    double beta1 = config.beta1();
    double beta2 = config.beta2();
    double stepSize = config.learningRate() / (1 - Math.pow(beta1, step));
    double correction2 = Math.sqrt(1 - Math.pow(beta2, step));
    NDArray m0 = state == null ? NDArray.zeros(parameter.shape(), parameter.dtype()) : state.firstMoment();
    NDArray v0 = state == null ? NDArray.zeros(parameter.shape(), parameter.dtype()) : state.secondMoment();
    if (AdamUpdate.fits(parameter, g, m0, v0)) {
      // One pass, the same bits as the composition below (AdamUpdate), which stays for other layouts.
      AdamUpdate.applyInPlace(parameter, g, m0, v0, new AdamUpdate.Coefficients(beta1, beta2, stepSize, correction2, config.epsilon()));
      return new State(step, m0, v0);
    }
    NDArray square = g.mul(g).mulInPlace(1 - beta2);
    NDArray m = state == null ? g.mul(1 - beta1) : state.firstMoment().mulInPlace(beta1).addScaledInPlace(g, 1 - beta1);
    NDArray v = state == null ? square : state.secondMoment().mulInPlace(beta2).addInPlace(square);
    NDArray denominator = v.sqrt().div(correction2).addInPlace(config.epsilon());
    parameter.addScaledInPlace(m.div(denominator), -stepSize);
    return new State(step, m, v);
  }

  @Override
  State rule(NDArray parameter, NDArray gradient, State state, AdamConfig config) {
    return update(parameter, gradient, state, config);
  }

  @Override
  Set<String> stateNames() {
    return Set.of("step", "exp_avg", "exp_avg_sq");
  }

  @Override
  State restore(Map<String, NDArray> arrays, Parameter parameter) {
    return new State(stepOf(arrays), required(arrays, "exp_avg"), required(arrays, "exp_avg_sq"));
  }
}
