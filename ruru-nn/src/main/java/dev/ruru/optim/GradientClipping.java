package dev.ruru.optim;

import dev.ruru.array.NDArray;
import dev.ruru.nn.Parameter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Gradient clipping, which keeps one bad batch from throwing the parameters far away. Both forms return
 * new arrays (the inputs are not modified) keyed by the same parameters, ready for
 * {@link Optimizer#step(Map)}:
 * <pre>{@code
 * Map<Parameter, NDArray> grads = Params.gradients(model.parameters(), loss.backward(Params.tensors(model.parameters())));
 * GradientClipping.Clipped clipped = GradientClipping.byGlobalNorm(grads, 1.0);
 * optimizer.step(clipped.gradients());
 * }</pre>
 */
public final class GradientClipping {
  /** PyTorch adds this to the norm so a zero gradient does not divide by zero. */
  private static final double NORM_EPS = 1e-6;

  private GradientClipping() {}

  /** The gradients after clipping, and their global L2 norm before it. */
  public record Clipped(Map<Parameter, NDArray> gradients, double norm) {}

  /**
   * Scales all gradients together so their global L2 norm ‖g‖ = √(Σ‖gᵢ‖²) is at most {@code maxNorm}
   * (Pascanu et al., 2013), as torch.nn.utils.clip_grad_norm_: each gᵢ ← gᵢ·min(1, maxNorm / (‖g‖ + 1e-6)).
   * The direction of the update is kept.
   */
  public static Clipped byGlobalNorm(Map<Parameter, NDArray> gradients, double maxNorm) {
    HyperParameters.positive("max norm", maxNorm);
    double sumOfSquares = 0;
    for (NDArray g : gradients.values()) {
      sumOfSquares += g.mul(g).sum().item();
    }
    double norm = Math.sqrt(sumOfSquares);
    double coefficient = maxNorm / (norm + NORM_EPS);
    if (coefficient >= 1) {
      return new Clipped(new LinkedHashMap<>(gradients), norm);
    }
    Map<Parameter, NDArray> clipped = new LinkedHashMap<>();
    gradients.forEach((parameter, g) -> clipped.put(parameter, g.mul(coefficient)));
    return new Clipped(clipped, norm);
  }

  /** Limits every gradient element to [−clipValue, clipValue], as torch.nn.utils.clip_grad_value_. */
  public static Map<Parameter, NDArray> byValue(Map<Parameter, NDArray> gradients, double clipValue) {
    HyperParameters.positive("clip value", clipValue);
    Map<Parameter, NDArray> clipped = new LinkedHashMap<>();
    gradients.forEach((parameter, g) -> clipped.put(parameter, g.clip(-clipValue, clipValue)));
    return clipped;
  }
}
