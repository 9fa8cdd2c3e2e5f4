package dev.ruru.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.nn.Parameter;
import dev.ruru.nn.TorchFixture;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Learning rates per step against torch.optim.lr_scheduler (schedules.npz, written by make_fixtures.py). */
class ScheduleTest {
  private static final TorchFixture TORCH = TorchFixture.load("schedules");

  private static void assertSchedule(String key, LearningRateSchedule schedule) {
    double[] expected = TORCH.get(key).toDoubleArray();
    for (int step = 0; step < expected.length; step++) {
      double actual = schedule.learningRate(step);
      assertTrue(Math.abs(actual - expected[step]) <= 1e-12 * expected[step], key + " at step " + step + ": " + actual + " vs torch " + expected[step]);
    }
  }

  @Test
  void stepDecayMatchesStepLR() {
    assertSchedule("step", new StepDecay(0.1, 3, 0.5));
  }

  @Test
  void exponentialDecayMatchesExponentialLR() {
    assertSchedule("exponential", new ExponentialDecay(0.1, 0.9));
  }

  @Test
  void cosineWithWarmupMatchesLinearThenCosineAnnealing() {
    CosineWithWarmup schedule = new CosineWithWarmup(0.1, 5, 20, 0.1, 0.001);
    assertSchedule("cosine_warmup", schedule);
    assertEquals(0.001, schedule.learningRate(100));
  }

  @Test
  void oneCycleMatchesOneCycleLR() {
    assertSchedule("one_cycle", new OneCycle(0.1, 20));
  }

  @Test
  void reduceOnPlateauMatchesReduceLROnPlateau() {
    double[] metrics = TORCH.get("plateau_metrics").toDoubleArray();
    double[] expected = TORCH.get("plateau").toDoubleArray();
    ReduceOnPlateau plateau = new ReduceOnPlateau(0.1, ReduceOnPlateau.Objective.MINIMIZE, 0.5, 2, 0.01, 1, 0.02);
    for (int epoch = 0; epoch < metrics.length; epoch++) {
      assertEquals(expected[epoch], plateau.learningRate(), 1e-15, "epoch " + epoch);
      plateau.observe(metrics[epoch]);
    }
    ReduceOnPlateau copy = new ReduceOnPlateau(0.1, ReduceOnPlateau.Objective.MINIMIZE, 0.5, 2, 0.01, 1, 0.02);
    copy.restore(plateau.state());
    assertEquals(plateau.observe(0.7), copy.observe(0.7));
  }

  @Test
  void applyToSetsTheOptimizersLearningRate() {
    Sgd sgd = new Sgd(Map.of("w", new Parameter(NDArray.zeros(Shape.of(1)))), new SgdConfig(0.1));
    new StepDecay(0.1, 2, 0.1).applyTo(sgd, 5);
    assertEquals(0.1 * 0.01, sgd.learningRate(), 1e-18);
  }
}
