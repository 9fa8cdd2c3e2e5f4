package dev.ruru.spark;

import dev.ruru.array.NDArray;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The driver's step after K local steps, on the workers' averaged weights: the average minus the weights
 * broadcast is a pseudo-gradient {@code Δ = θ − θ̄}, and the driver takes a Nesterov momentum step on it,
 *
 * <pre>
 *   v ← μ·v + Δ;   θ ← θ − η·(Δ + μ·v)
 * </pre>
 *
 * (SlowMo, Wang et al. 2020; DiLoCo's outer optimiser, Douillard et al. 2023). {@code η = 1, μ = 0} is
 * plain averaging. Only the models' parameters take the step; buffers and the optimisers' states are the
 * workers' averages. The velocity lives on the driver only; the run's checkpoint holds it (as the state of
 * an optimiser named {@value #NAME}), so a resumed run continues exactly.
 */
final class OuterMomentum {
  /** The optimiser name of the velocity in checkpoints. */
  static final String NAME = "outer_momentum";

  private final double learningRate;
  private final double momentum;
  private final Map<String, NDArray> velocity = new HashMap<>();

  OuterMomentum(double learningRate, double momentum) {
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException("spark: invalid outer learning rate " + learningRate + " (must be > 0; 1 with momentum 0 is plain averaging)");
    }
    if (!(momentum >= 0 && momentum < 1)) {
      throw new IllegalArgumentException("spark: invalid outer momentum " + momentum + " (must be in [0, 1))");
    }
    this.learningRate = learningRate;
    this.momentum = momentum;
  }

  /** The state to load: {@code averaged}, with the entries named in {@code parameters} stepped from {@code before}. */
  Map<String, NDArray> step(Map<String, NDArray> before, Map<String, NDArray> averaged, Set<String> parameters) {
    Map<String, NDArray> result = new LinkedHashMap<>(averaged);
    for (String name : parameters) {
      NDArray start = before.get(name);
      NDArray delta = start.sub(averaged.get(name));
      NDArray v = velocity.containsKey(name) ? velocity.get(name).mul(momentum).add(delta) : delta;
      velocity.put(name, v);
      result.put(name, start.sub(delta.add(v.mul(momentum)).mul(learningRate)).astype(start.dtype()));
    }
    return result;
  }

  /** The velocity by state name, for a checkpoint (empty before the first round). */
  Map<String, NDArray> state() {
    return new java.util.TreeMap<>(velocity);
  }

  /** Restores a velocity {@link #state} returned; {@code names} are the objective's parameter names, which every entry must be. */
  void load(Map<String, NDArray> state, Set<String> names) {
    for (String name : state.keySet()) {
      if (!names.contains(name)) {
        throw new IllegalArgumentException("spark: the checkpoint's outer momentum holds '" + name + "', which is no parameter of this"
            + " run's models " + names + "; resume with the run's own settings");
      }
    }
    velocity.clear();
    velocity.putAll(state);
  }
}
