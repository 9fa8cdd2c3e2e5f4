package dev.ruru.optim;

import dev.ruru.nn.Parameter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parameters that share one configuration: PyTorch's param_groups. A group's config is usually the
 * optimiser's default with some values overridden through its withers.
 *
 * <pre>{@code
 * SgdConfig config = new SgdConfig(0.1, 0.9).withWeightDecay(5e-4);
 * Optimizer optimizer = new Sgd(ParameterGroup.splitWeightDecay(model.parameters(), config));
 * }</pre>
 */
public record ParameterGroup<C extends OptimizerConfig<C>>(Map<String, Parameter> parameters, C config) {
  public ParameterGroup {
    parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    if (config == null) {
      throw new IllegalArgumentException("ParameterGroup: the config is null");
    }
  }

  /**
   * Two groups: weights (rank ≥ 2) with {@code config}, and biases and normalisation scales (rank &lt; 2)
   * with no weight decay, the usual practice since decaying those only hurts. Empty groups are left out.
   */
  public static <C extends OptimizerConfig<C>> List<ParameterGroup<C>> splitWeightDecay(Map<String, Parameter> parameters, C config) {
    Map<String, Parameter> decayed = new LinkedHashMap<>();
    Map<String, Parameter> undecayed = new LinkedHashMap<>();
    parameters.forEach((name, parameter) -> (parameter.shape().rank() >= 2 ? decayed : undecayed).put(name, parameter));
    List<ParameterGroup<C>> groups = new ArrayList<>();
    if (!decayed.isEmpty()) {
      groups.add(new ParameterGroup<>(decayed, config));
    }
    if (!undecayed.isEmpty()) {
      groups.add(new ParameterGroup<>(undecayed, config.withWeightDecay(0)));
    }
    return groups;
  }
}
