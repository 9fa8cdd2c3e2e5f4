package dev.ruru.models.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.nn.Layer;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.io.Safetensors;
import dev.ruru.train.model.ModelDirectory;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pair model.json + model.safetensors is sealed: a pair torn by a save killed between its two files,
 * or by a retrain into the same directory, is refused; version-1 directories (written before the seal)
 * still load; NaN or infinite weights are refused by tensor and file.
 */
class ModelDirectoryTest {
  private static final ModelSpec SPEC = ModelSpec.mlp(List.of(4, 4), List.of(8, 6), List.of("a", "b", "c"));

  @TempDir Path dir;

  /** What a save of {@code newer} over {@code older} leaves when killed between its two renames (either order). */
  private Path torn(Path descriptionFrom, Path weightsFrom) throws IOException {
    Path torn = Files.createDirectories(dir.resolve("torn"));
    Files.copy(descriptionFrom.resolve(ModelDirectory.DESCRIPTION), torn.resolve(ModelDirectory.DESCRIPTION));
    Files.copy(weightsFrom.resolve(ModelDirectory.WEIGHTS), torn.resolve(ModelDirectory.WEIGHTS));
    return torn;
  }

  @Test void aPairTornBetweenTwoSavesOfTheSameArchitectureIsRefused() throws IOException {
    Path older = dir.resolve("older");
    Path newer = dir.resolve("newer");
    ModelFiles.save(older, SPEC, SPEC.build(new ResumableRandom(1)), Map.of("dataset", "mnist"));
    ModelFiles.save(newer, SPEC, SPEC.build(new ResumableRandom(2)), Map.of("dataset", "fashion-mnist"));
    Path torn = torn(older, newer);
    String message = assertThrows(IllegalArgumentException.class, () -> ModelFiles.load(torn)).getMessage();
    assertTrue(message.startsWith(torn.resolve(ModelDirectory.DESCRIPTION) + " and " + torn.resolve(ModelDirectory.WEIGHTS)
        + " were not saved together: the weights were saved with a model.json of SHA-256 "), message);
    assertTrue(message.endsWith("; a save was interrupted between the two files, or one was replaced or edited; nothing was loaded;"
        + " save the model again, or restore both files from the same save"), message);
    Files.delete(torn.resolve(ModelDirectory.DESCRIPTION));
    Files.delete(torn.resolve(ModelDirectory.WEIGHTS));
    Path reversed = torn(newer, older);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ModelFiles.load(reversed)).getMessage().contains("were not saved together"));
  }

  /**
   * A save replacing an MLP with a CNN, stopped at each point between its three renames: a reader always
   * gets one whole model, the old before the weights are replaced and the new after.
   */
  @Test void aSaveKilledAtAnyPointLeavesTheOldOrTheNewModelLoadable() throws IOException {
    ModelSpec cnn = ModelSpec.cnn(List.of(8, 8), List.of(2), List.of(4), List.of("a", "b", "c"));
    Path old = dir.resolve("old");
    Path next = dir.resolve("new");
    ModelFiles.save(old, SPEC, SPEC.build(new ResumableRandom(1)), Map.of());
    ModelFiles.save(next, cnn, cnn.build(new ResumableRandom(2)), Map.of());
    // Killed after the journal was written, before the weights' rename: the old pair, and a stray journal.
    Path early = Files.createDirectories(dir.resolve("early"));
    Files.copy(old.resolve(ModelDirectory.DESCRIPTION), early.resolve(ModelDirectory.DESCRIPTION));
    Files.copy(old.resolve(ModelDirectory.WEIGHTS), early.resolve(ModelDirectory.WEIGHTS));
    Files.copy(next.resolve(ModelDirectory.DESCRIPTION), early.resolve(ModelDirectory.NEXT));
    assertEquals(SPEC, ModelFiles.load(early).spec());
    // Killed after the weights' rename, before the journal's: the new weights are read with the journal.
    Path late = Files.createDirectories(dir.resolve("late"));
    Files.copy(old.resolve(ModelDirectory.DESCRIPTION), late.resolve(ModelDirectory.DESCRIPTION));
    Files.copy(next.resolve(ModelDirectory.WEIGHTS), late.resolve(ModelDirectory.WEIGHTS));
    Files.copy(next.resolve(ModelDirectory.DESCRIPTION), late.resolve(ModelDirectory.NEXT));
    assertEquals(cnn, ModelFiles.load(late).spec());
    // A finished save leaves no journal behind.
    assertFalse(Files.exists(next.resolve(ModelDirectory.NEXT)));
  }

  @Test void aPairTornBetweenTwoArchitecturesNamesTheTensorsAndBothFiles() throws IOException {
    Path mlp = dir.resolve("mlp");
    Path cnn = dir.resolve("cnn");
    ModelFiles.save(mlp, SPEC, SPEC.build(new ResumableRandom(1)));
    ModelSpec convolutional = ModelSpec.cnn(List.of(4, 4), List.of(2), List.of(8), List.of("a", "b", "c"));
    ModelFiles.save(cnn, convolutional, convolutional.build(new ResumableRandom(1)));
    Path torn = torn(mlp, cnn);
    String message = assertThrows(IllegalArgumentException.class, () -> ModelFiles.load(torn)).getMessage();
    assertTrue(message.startsWith(torn.resolve(ModelDirectory.WEIGHTS) + " does not match " + torn.resolve(ModelDirectory.DESCRIPTION)
        + " (mlp 16-8-6-3 relu float32): tensor '1.weight' is float32 [8, 16] in the description but float32 [2, 1, 3, 3] in the weights;"),
        message);
  }

  @Test void theWeightsRecordTheHashOfTheDescriptionSavedWithThem() throws Exception {
    ModelFiles.save(dir, SPEC, SPEC.build(new ResumableRandom(1)));
    String seal = Safetensors.readHeader(dir.resolve(ModelDirectory.WEIGHTS)).metadata().get(ModelDirectory.SEAL);
    byte[] description = Files.readAllBytes(dir.resolve(ModelDirectory.DESCRIPTION));
    assertEquals(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(description)), seal);
    assertTrue(Files.readString(dir.resolve(ModelDirectory.DESCRIPTION)).contains("\"version\" : 2"));
  }

  @Test void unsealedWeightsBesideASealedDescriptionAreRefused() throws IOException {
    Layer model = SPEC.build(new ResumableRandom(1));
    ModelFiles.save(dir, SPEC, model);
    Safetensors.write(dir.resolve(ModelDirectory.WEIGHTS), model.stateDict(), Map.of("format", "pt"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ModelFiles.load(dir)).getMessage()
        .contains("were not saved together: the weights carry no ruru.description_sha256 (they were saved by an older Ruru, or by another tool)"));
  }

  @Test void aVersionOneDescriptionBesideSealedWeightsIsRefused() throws Exception {
    ModelSpec fixture = ModelSpec.mlp(List.of(4, 4), List.of(3), List.of("a", "b", "c"));
    ModelFiles.save(dir, fixture, fixture.build(new ResumableRandom(7)));
    Files.copy(fixture("classify/v1-mlp").resolve(ModelDirectory.DESCRIPTION), dir.resolve(ModelDirectory.DESCRIPTION),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ModelFiles.load(dir)).getMessage()
        .contains("were not saved together: the weights were saved with a version-2 model.json (SHA-256 "));
  }

  @Test void aVersionOneDirectoryWrittenBeforeTheSealStillLoads() throws Exception {
    Path v1 = fixture("classify/v1-mlp");
    SavedModel saved = ModelFiles.load(v1);
    assertEquals(ModelSpec.mlp(List.of(4, 4), List.of(3), List.of("a", "b", "c")), saved.spec());
    assertEquals(Map.of("dataset", "fashion-mnist"), saved.notes());
    Map<String, NDArray> file = Safetensors.read(v1.resolve(ModelDirectory.WEIGHTS)).tensors();
    saved.module().stateDict().forEach((name, value) -> assertTrue(value.equals(file.get(name)), name));
  }

  @Test void nonFiniteWeightsAreRefusedByTensorPositionAndFile() throws IOException {
    Layer model = SPEC.build(new ResumableRandom(1));
    float[] weights = model.parameters().get("3.weight").value().toFloatArray();
    weights[2 * 8 + 5] = Float.NaN;
    weights[4 * 8 + 1] = Float.POSITIVE_INFINITY;
    model.parameters().get("3.weight").set(NDArray.of(weights, 6, 8));
    ModelFiles.save(dir, SPEC, model);
    assertEquals(dir.resolve(ModelDirectory.WEIGHTS) + ": tensor '3.weight' [6, 8] holds 2 NaN or infinite values (the first, NaN, at [2, 5]);"
        + " such weights compute nothing (did the training diverge?); nothing was loaded",
        assertThrows(IllegalArgumentException.class, () -> ModelFiles.load(dir)).getMessage());
    model.parameters().get("3.weight").set(NDArray.zeros(Shape.of(6, 8)));
    model.parameters().get("1.bias").set(NDArray.full(Shape.of(8), Double.NEGATIVE_INFINITY, dev.ruru.array.DType.FLOAT32));
    ModelFiles.save(dir, SPEC, model);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> ModelFiles.load(dir)).getMessage()
        .startsWith(dir.resolve(ModelDirectory.WEIGHTS) + ": tensor '1.bias' [8] holds 8 NaN or infinite values (the first, -Infinity, at [0])"));
  }

  static Path fixture(String name) throws URISyntaxException {
    return Path.of(ModelDirectoryTest.class.getResource("/dev/ruru/models/" + name + "/" + ModelDirectory.DESCRIPTION).toURI()).getParent();
  }
}
