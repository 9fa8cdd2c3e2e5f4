package dev.ruru.models.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.nn.Flatten;
import dev.ruru.nn.Layer;
import dev.ruru.nn.Linear;
import dev.ruru.nn.ReLU;
import dev.ruru.nn.Sequential;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.Trainer;
import dev.ruru.train.io.Safetensors;
import dev.ruru.train.model.ModelDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** model.json + model.safetensors rebuild the same network; mismatched or missing files fail clearly and load nothing. */
class ModelFilesTest {
  private static final ModelSpec SPEC = ModelSpec.mlp(List.of(4, 4), List.of(8, 6), List.of("a", "b", "c"));

  @TempDir Path dir;

  @Test void savedModelReloadsAndGivesIdenticalPredictions() throws IOException {
    Layer model = SPEC.withActivation("tanh").build(new ResumableRandom(5));
    ModelSpec spec = SPEC.withActivation("tanh");
    ModelFiles.save(dir, spec, model);
    SavedModel saved = ModelFiles.load(dir);
    assertEquals(spec, saved.spec());
    NDArray inputs = NDArray.rand(Shape.of(7, 4, 4), new SplittableRandom(1));
    assertTrue(Trainer.predict(model, inputs, 3).equals(Trainer.predict(saved.module(), inputs, 3)), "identical outputs");
    assertTrue(Trainer.predict(model, inputs, 3).allClose(saved.scores(inputs), 1e-6, 1e-7), "scores");
    assertEquals(Shape.of(1, 3), saved.scores(inputs.slice(0, 0, 1, 1).reshape(4, 4)).shape());
    // PyTorch's nn.Sequential(Flatten, Linear, Tanh, Linear, Tanh, Linear) names.
    assertEquals(List.of("1.weight", "1.bias", "3.weight", "3.bias", "5.weight", "5.bias"),
        List.copyOf(Safetensors.read(dir.resolve(ModelDirectory.WEIGHTS)).tensors().keySet()).stream().sorted(
            java.util.Comparator.comparing((String name) -> name.charAt(0)).thenComparing(name -> !name.endsWith("weight"))).toList());
  }

  @Test void float64ModelsRoundTrip() throws IOException {
    ModelSpec spec = new ModelSpec(ModelSpec.MLP, List.of(3), List.of(5), 2, "gelu", 0.25, DType.FLOAT64, List.of(), "none");
    Layer model = spec.build(new ResumableRandom(2));
    ModelFiles.save(dir, spec, model);
    SavedModel saved = ModelFiles.load(dir);
    assertEquals(spec, saved.spec());
    assertEquals(DType.FLOAT64, saved.module().stateDict().get("1.weight").dtype());
  }

  /** A hand-built network saved under a description of another: refused before a file is written. */
  @Test void aModelThatDoesNotMatchItsDescriptionIsRefusedAtSaveTime() {
    ModelSpec described = ModelSpec.mlp(List.of(4, 4), List.of(8), List.of("a", "b", "c"));
    Layer built = new Sequential(new Flatten(), new Linear(16, 6, new SplittableRandom(1)), new ReLU(), new Linear(6, 3, new SplittableRandom(2)));
    Path target = dir.resolve("mismatch");
    String message = assertThrows(IllegalArgumentException.class, () -> ModelFiles.save(target, described, built)).getMessage();
    assertEquals("save: the model does not match its description (" + described.describe() + "): tensor '1.weight' is float32 [8, 16]"
        + " in the description but float32 [6, 16] in the model; tensor '1.bias' is float32 [8] in the description but float32 [6] in the"
        + " model; tensor '3.weight' is float32 [3, 8] in the description but float32 [3, 6] in the model; nothing was written", message);
    assertTrue(!Files.exists(target), "nothing was written");
  }

  @Test void weightsThatDoNotMatchTheDescriptionAreRefusedListingEveryMismatch() throws IOException {
    ModelFiles.save(dir, SPEC, SPEC.build(new ResumableRandom(1)));
    // Overwrite the weights with another network's: 4x4 -> 8 -> 3 instead of 4x4 -> 8 -> 6 -> 3.
    ModelSpec other = ModelSpec.mlp(List.of(4, 4), List.of(8), List.of("a", "b", "c"));
    Safetensors.write(dir.resolve(ModelDirectory.WEIGHTS), other.build(new ResumableRandom(1)).stateDict(), Map.of());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelFiles.load(dir));
    assertEquals(dir.resolve(ModelDirectory.WEIGHTS) + " does not match " + dir.resolve(ModelDirectory.DESCRIPTION) + " (mlp 16-8-6-3 relu float32):"
        + " tensor '3.weight' is float32 [6, 8] in the description but float32 [3, 8] in the weights;"
        + " tensor '3.bias' is float32 [6] in the description but float32 [3] in the weights;"
        + " tensor '5.weight' (float32 [3, 6]) is missing from the weights; tensor '5.bias' (float32 [3]) is missing from the weights;"
        + " nothing was loaded", e.getMessage());
  }

  @Test void missingFilesAndBadDescriptionsAreNamed() throws IOException {
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> ModelFiles.load(dir));
    assertTrue(missing.getMessage().startsWith("model directory " + dir + ": missing model.json"), missing.getMessage());
    ModelFiles.save(dir, SPEC, SPEC.build(new ResumableRandom(1)));
    Files.writeString(dir.resolve(ModelDirectory.DESCRIPTION), Files.readString(dir.resolve(ModelDirectory.DESCRIPTION)).replace("\"relu\"", "\"swish\""));
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> ModelFiles.load(dir));
    assertEquals(dir.resolve(ModelDirectory.DESCRIPTION) + ": model: unknown activation 'swish'; expected one of [relu, tanh, sigmoid, gelu]",
        bad.getMessage());
    Files.writeString(dir.resolve(ModelDirectory.DESCRIPTION), "{\"format\": ");
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ModelFiles.load(dir)).getMessage().contains("not valid JSON"));
  }

  @Test void scoresRefuseInputsOfTheWrongShape() throws IOException {
    ModelFiles.save(dir, SPEC, SPEC.build(new ResumableRandom(1)));
    SavedModel saved = ModelFiles.load(dir);
    assertEquals("predict: the model expects inputs [4, 4] (or a batch [n, ...]), got [2, 16]",
        assertThrows(IllegalArgumentException.class, () -> saved.scores(NDArray.zeros(Shape.of(2, 16)))).getMessage());
  }
}
