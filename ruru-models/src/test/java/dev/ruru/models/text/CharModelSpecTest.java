package dev.ruru.models.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ruru.array.NDArray;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.model.ParameterShape;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A language model's spec implies, without building it, exactly the state dictionary it builds. */
class CharModelSpecTest {
  private static List<ParameterShape> built(Map<String, NDArray> state) {
    return state.entrySet().stream().map(entry -> new ParameterShape(entry.getKey(), entry.getValue().dtype(),
        Arrays.stream(entry.getValue().shape().dims()).mapToObj(dim -> (long) dim).toList())).toList();
  }

  @Test void everyArchitectureImpliesTheStateDictionaryItBuilds() {
    for (CharModelSpec spec : List.of(new CharModelSpec(CharModelSpec.LSTM, 7, 3, 5, 1, 1, 8, 0),
        new CharModelSpec(CharModelSpec.LSTM, 7, 3, 5, 3, 1, 8, 0.2), new CharModelSpec(CharModelSpec.GRU, 6, 4, 2, 2, 1, 8, 0),
        new CharModelSpec(CharModelSpec.TRANSFORMER, 9, 4, 6, 1, 2, 5, 0), new CharModelSpec(CharModelSpec.TRANSFORMER, 9, 6, 10, 3, 3, 7, 0.1))) {
      assertEquals(built(spec.build(new ResumableRandom(1)).stateDict()), spec.parameterShapes().toList(), spec.describe());
    }
  }

  @Test void startsAtTheFirstParametersWithoutListingAMillionLayers() {
    CharModelSpec deep = new CharModelSpec(CharModelSpec.LSTM, 7, 3, 5, 1_000_000, 1, 8, 0);
    assertEquals(List.of("embedding.weight", "rnn.weight_ih_l0", "rnn.weight_hh_l0"), deep.parameterShapes().limit(3).map(ParameterShape::name)
        .toList());
  }
}
