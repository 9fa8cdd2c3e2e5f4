package dev.ruru.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.ruru.array.NDArray;
import dev.ruru.data.ArrayDataset;
import dev.ruru.nn.Layer;
import dev.ruru.optim.Adam;
import dev.ruru.optim.AdamConfig;
import dev.ruru.optim.ParameterGroups;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Trainer trains only what is not frozen, with each parameter group's own learning rate. */
class FrozenTrainingTest {
  private static final ArrayDataset TRAIN = SampleData.train(200);

  @Test
  void frozenParametersStayAndTheRestLearn() {
    ResumableRandom random = new ResumableRandom(4);
    Layer model = TestNetworks.mlp(random, 0, 784, 16, 10);
    String first = model.parameters().keySet().iterator().next();
    String prefix = first.substring(0, first.indexOf('.'));
    model.freeze(prefix);
    Map<String, NDArray> before = model.stateDict();
    Adam adam = new Adam(ParameterGroups.of(model.parameters(), AdamConfig.adam(1e-2)).learningRate("*.bias", 1e-3).build());
    Trainer.builder(model, adam).batchSize(50).seed(4).random(random).quiet().build().fit(TRAIN, null, 1);
    model.parameters().forEach((path, parameter) -> {
      if (path.startsWith(prefix + ".")) {
        assertEquals(before.get(path), parameter.value(), path + " is frozen");
      } else {
        assertNotEquals(before.get(path), parameter.value(), path + " trains");
      }
    });
  }
}
