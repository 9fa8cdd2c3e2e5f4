package dev.ruru.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.ruru.array.NDArray;
import dev.ruru.nn.Parameter;
import dev.ruru.nn.TorchFixture;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Against torch.nn.utils.clip_grad_norm_ and clip_grad_value_ (clipping.npz). */
class GradientClippingTest {
  private static final TorchFixture TORCH = TorchFixture.load("clipping");
  private static final Parameter A = new Parameter(NDArray.zeros(TORCH.get("g0").shape(), TORCH.get("g0").dtype()));
  private static final Parameter B = new Parameter(NDArray.zeros(TORCH.get("g1").shape(), TORCH.get("g1").dtype()));

  private static Map<Parameter, NDArray> gradients() {
    Map<Parameter, NDArray> gradients = new LinkedHashMap<>();
    gradients.put(A, TORCH.get("g0"));
    gradients.put(B, TORCH.get("g1"));
    return gradients;
  }

  @Test
  void byGlobalNormScalesAllGradientsTogetherAndReturnsTheNorm() {
    GradientClipping.Clipped clipped = GradientClipping.byGlobalNorm(gradients(), 1.5);
    assertEquals(TORCH.get("norm").item(), clipped.norm(), 1e-12);
    TORCH.assertMatches("by_norm0", clipped.gradients().get(A));
    TORCH.assertMatches("by_norm1", clipped.gradients().get(B));
  }

  @Test
  void byGlobalNormLeavesSmallGradientsAlone() {
    Map<Parameter, NDArray> gradients = gradients();
    GradientClipping.Clipped clipped = GradientClipping.byGlobalNorm(gradients, 1e6);
    assertSame(gradients.get(A), clipped.gradients().get(A));
    assertSame(gradients.get(B), clipped.gradients().get(B));
    assertEquals(TORCH.get("norm").item(), clipped.norm(), 1e-12);
  }

  @Test
  void byValueClampsEveryElement() {
    Map<Parameter, NDArray> clipped = GradientClipping.byValue(gradients(), 0.5);
    TORCH.assertMatches("by_value0", clipped.get(A));
    TORCH.assertMatches("by_value1", clipped.get(B));
  }
}
