package dev.ruru.models.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.NDArray;
import dev.ruru.array.io.Npz;
import dev.ruru.autodiff.Gradients;
import dev.ruru.nn.Mode;
import dev.ruru.nn.Parameter;
import dev.ruru.nn.Params;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.objective.Objective;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The non-saturating losses and their gradients against PyTorch's on the same networks and inputs (make_gan_fixtures.py). */
class AdversarialObjectiveTest {

  private static Map<String, NDArray> fixture(String name) throws Exception {
    return Npz.read(Path.of(AdversarialObjectiveTest.class.getResource("/gan/" + name).toURI()));
  }

  private static Map<String, NDArray> prefixed(Map<String, NDArray> all, String prefix) {
    Map<String, NDArray> state = new LinkedHashMap<>();
    all.forEach((key, value) -> {
      if (key.startsWith(prefix)) {
        state.put(key.substring(prefix.length()), value);
      }
    });
    return state;
  }

  private static void assertLossesMatch(String file, int classes) throws Exception {
    Map<String, NDArray> f = fixture(file);
    AdversarialObjective gan = new AdversarialObjective(new GanSpec(8, 4, classes), new ResumableRandom(1), new ResumableRandom(2), 2e-4);
    gan.generator().loadStateDict(prefixed(f, "g."));
    gan.discriminator().loadStateDict(prefixed(f, "d."));
    NDArray fakeLabels = classes > 0 ? f.get("fake_labels") : null;
    NDArray realLabels = classes > 0 ? f.get("real_labels") : null;
    AdversarialObjective.Draw draw = new AdversarialObjective.Draw(f.get("z"), fakeLabels);

    Objective.Result d = gan.discriminatorLoss(AdversarialObjective.realImages(f.get("pixels")), realLabels, draw, Mode.TRAIN);
    assertEquals(f.get("loss_d").item(), d.loss().item(), 1e-5, file + ": discriminator loss");
    assertGradient(file + ": dL_D/dW of the discriminator's first convolution", f.get("grad_d"), d, gan.discriminator().parameters().get("0.weight"));

    Objective.Result g = gan.generatorLoss(draw, Mode.TRAIN);
    assertEquals(f.get("loss_g").item(), g.loss().item(), 1e-5, file + ": generator loss");
    assertGradient(file + ": dL_G/dW of the generator's first transposed convolution", f.get("grad_g"), g, gan.generator().parameters().get("1.weight"));
  }

  private static void assertGradient(String what, NDArray expected, Objective.Result result, Parameter parameter) {
    Map<String, Parameter> one = Map.of("w", parameter);
    Gradients gradients = result.loss().backward(Params.tensors(one));
    NDArray actual = Params.gradients(one, gradients).get(parameter);
    double scale = expected.abs().max().item();
    double worst = actual.sub(expected).abs().max().item();
    assertTrue(worst <= 1e-4 * scale + 1e-7, what + ": largest difference " + worst + " for entries up to " + scale);
  }

  @Test
  void unconditionalLossesAndGradientsMatchPyTorch() throws Exception {
    assertLossesMatch("gan.npz", 0);
  }

  @Test
  void conditionalLossesAndGradientsMatchPyTorch() throws Exception {
    assertLossesMatch("cgan.npz", 3);
  }

  @Test
  void aConditionalGanRefusesMissingOrUnknownClasses() {
    GanSpec spec = new GanSpec(8, 4, 3);
    NDArray noise = NDArray.zeros(dev.ruru.array.Shape.of(2, 8));
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> spec.generatorInput(noise, null));
    assertEquals("gan: a conditional GAN needs one label per sample, [2], got none", missing.getMessage());
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> spec.generatorInput(noise, NDArray.of(new long[] {0, 3}, 2)));
    assertEquals("gan: class 3 is outside the model's classes 0..2", unknown.getMessage());
    IllegalArgumentException latent = assertThrows(IllegalArgumentException.class, () -> new GanSpec(0, 4, 0));
    assertEquals("gan: --latent must be at least 1, got 0", latent.getMessage());
  }
}
