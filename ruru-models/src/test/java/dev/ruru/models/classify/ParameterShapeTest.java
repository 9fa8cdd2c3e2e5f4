package dev.ruru.models.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.models.classify.ModelSpec;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.model.ParameterShape;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a spec says its state dictionary is, without building it, is what building it gives: names, order, dtypes, shapes. */
class ParameterShapeTest {
  /** The shapes of a built network's state dictionary, in its order. */
  static List<ParameterShape> built(Map<String, NDArray> state) {
    return state.entrySet().stream().map(entry -> new ParameterShape(entry.getKey(), entry.getValue().dtype(),
        Arrays.stream(entry.getValue().shape().dims()).mapToObj(dim -> (long) dim).toList())).toList();
  }

  @Test void mlpAndCnnSpecsImplyExactlyTheStateDictionaryTheyBuild() {
    List<String> names = List.of("a", "b", "c");
    for (ModelSpec spec : List.of(ModelSpec.mlp(List.of(4, 4), List.of(8, 6), names), ModelSpec.mlp(List.of(5), List.of(), names),
        ModelSpec.mlp(List.of(2, 3), List.of(7), names).withDropout(0.5),
        new ModelSpec(ModelSpec.MLP, List.of(3), List.of(5, 4), 2, "gelu", 0.25, DType.FLOAT64, List.of(), "none"),
        ModelSpec.cnn(List.of(6, 6), List.of(2, 3), List.of(5), names), ModelSpec.cnn(List.of(4, 8), List.of(2), List.of(), names),
        ModelSpec.cnn(List.of(8, 8), List.of(2, 3, 4), List.of(6, 5), names).withDropout(0.1))) {
      assertEquals(built(spec.build(new ResumableRandom(1)).stateDict()), spec.parameterShapes().toList(), spec.describe());
    }
  }

  @Test void shapesAreComparedWithTheirDtype() {
    assertEquals("float64 [3, 4]", ParameterShape.of("w", DType.FLOAT64, 3, 4).describe());
    assertEquals("float32 [139023, 46341]", ParameterShape.of("w", DType.FLOAT32, 3L * 46341, 46341).describe());
  }
}
