package dev.ruru.models.classify;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.data.idx.IdxValues;
import dev.ruru.data.mnist.EmbeddedSample;
import dev.ruru.data.mnist.MnistData;
import dev.ruru.nn.Layer;
import dev.ruru.optim.Adam;
import dev.ruru.optim.AdamConfig;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.Trainer;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Convolutions earn their keep: on the embedded Fashion-MNIST sample (5,000 training, 1,000 test images), a
 * small CNN trained exactly as an MLP (same images, same order, same optimiser, same epochs) classifies the
 * test images better. The margin depends on the training: at Adam's lr 1e-3 the CNN learns more slowly and
 * the MLP is still ahead after 1 to 3 epochs (77% vs 73% after one); at 5e-3, used here, both do their best.
 */
class CnnLearningTest {
  private static final MnistData SAMPLE = EmbeddedSample.fashionMnist(IdxValues.SCALED_TO_UNIT);
  private static final int EPOCHS = 2;

  /** Test accuracy of {@code spec} after {@link #EPOCHS} epochs of Adam (lr 5e-3, batch 32) from seed 0. */
  private static double testAccuracy(ModelSpec spec) {
    ResumableRandom random = new ResumableRandom(0);
    Layer model = spec.build(random);
    Trainer trainer = Trainer.builder(model, new Adam(model.parameters(), AdamConfig.adam(5e-3))).quiet().batchSize(32).seed(0).random(random)
        .build();
    trainer.fit(SAMPLE.train(), null, EPOCHS);
    return trainer.evaluate(SAMPLE.test()).get("accuracy");
  }

  @Test void smallCnnBeatsTheMlpOnTheSampleWithTheSameTraining() {
    List<Integer> image = List.of(28, 28);
    List<String> names = SAMPLE.variant().classNames();
    double mlp = testAccuracy(ModelSpec.mlp(image, List.of(128), names));
    double cnn = testAccuracy(ModelSpec.cnn(image, List.of(4, 8), List.of(128), names));
    String both = String.format(Locale.ROOT, "cnn 4,8 %.1f%%, mlp 784-128-10 %.1f%%", 100 * cnn, 100 * mlp);
    // Measured with these seeds: cnn 83.2%, mlp 80.5% (chance is 10%).
    assertTrue(cnn >= 0.81, "the CNN reaches 81%: " + both);
    assertTrue(cnn >= mlp + 0.01, "the CNN beats the MLP by at least a point: " + both);
  }
}
