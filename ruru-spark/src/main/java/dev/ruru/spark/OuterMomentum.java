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
 * workers' averages. The velocity lives on the driver only, and is not in the checkpoint: a resumed run
 * starts it from zero again.
 */
final class OuterMomentum {
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
}
