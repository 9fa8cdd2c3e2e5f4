package dev.ruru.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NonStrictLoadTest {
  private static Sequential model(int classes, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    return new Sequential(new Linear(4, 3, rng), new ReLU(), new BatchNorm1d(3), new Linear(3, classes, rng));
  }

  @Test
  void loadsWhatFitsAndReportsEverythingElse() {
    Map<String, NDArray> saved = new LinkedHashMap<>(model(10, 1).stateDict());
    saved.remove("0.bias");
    saved.put("0.weight", saved.get("0.weight").astype(DType.FLOAT64));
    saved.put("extra.weight", NDArray.zeros(Shape.of(2)));
    Sequential target = model(5, 2);
    NDArray headBefore = target.parameters().get("3.weight").value().copy();
    NDArray biasBefore = target.parameters().get("0.bias").value().copy();
    LoadReport report = target.loadStateDictNonStrict(saved);
    assertEquals(List.of("0.weight", "2.weight", "2.bias", "2.running_mean", "2.running_var", "2.num_batches_tracked"), report.loaded());
    assertEquals(List.of("0.weight"), report.converted());
    assertEquals(List.of("0.bias"), report.missing());
    assertEquals(List.of("extra.weight"), report.unexpected());
    assertEquals("[3.weight [10, 3] (the model has [5, 3]), 3.bias [10] (the model has [5])]", report.mismatched().toString());
    assertFalse(report.isComplete());
    assertEquals(saved.get("0.weight").astype(DType.FLOAT32), target.parameters().get("0.weight").value());
    assertEquals(headBefore, target.parameters().get("3.weight").value(), "a mismatched entry keeps the model's values");
    assertEquals(biasBefore, target.parameters().get("0.bias").value(), "a missing entry keeps the model's values");
    assertEquals("""
        loaded 6: 0.weight, 2.weight, 2.bias, 2.running_mean, 2.running_var, 2.num_batches_tracked
        converted to the model's dtype 1: 0.weight
        missing (kept the model's values) 1: 0.bias
        unexpected (ignored) 1: extra.weight
        shape mismatched (kept the model's values) 2: 3.weight [10, 3] (the model has [5, 3]), 3.bias [10] (the model has [5])""",
        report.toString());
  }

  @Test
  void renamingRulesMapPyTorchNamesOntoPaths() {
    KeyRenaming rules = KeyRenaming.parse("linear_relu_stack.0.* -> 1.*, linear_relu_stack.2.* -> 3.*\nencoder.*.conv.* -> features.*.*");
    assertEquals("1.weight", rules.rename("linear_relu_stack.0.weight"));
    assertEquals("3.bias", rules.rename("linear_relu_stack.2.bias"));
    assertEquals("features.4.bias", rules.rename("encoder.4.conv.bias"));
    assertEquals("head.weight", rules.rename("head.weight"), "no rule matches: the name stays");
    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
        () -> KeyRenaming.parse("a.* -> x, b.* -> x").apply(Map.of("a.1", 1, "b.1", 2)));
    assertEquals(true, twice.getMessage().contains("both become 'x'"), twice.getMessage());
    IllegalArgumentException stars = assertThrows(IllegalArgumentException.class, () -> KeyRenaming.parse("a.* -> *.*"));
    assertEquals("renaming rule 'a.* -> *.*': the path has 2 '*' but the pattern only 1; each '*' of the path takes the matching '*' "
        + "of the pattern", stars.getMessage());
  }
}
