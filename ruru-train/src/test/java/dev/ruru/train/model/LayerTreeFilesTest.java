package dev.ruru.train.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Conv2dSpec;
import dev.ruru.autodiff.Pool2dSpec;
import dev.ruru.autodiff.Tensor;
import dev.ruru.nn.AvgPool2d;
import dev.ruru.nn.BatchNorm1d;
import dev.ruru.nn.BatchNorm2d;
import dev.ruru.nn.Conv2d;
import dev.ruru.nn.Dropout;
import dev.ruru.nn.Flatten;
import dev.ruru.nn.GELU;
import dev.ruru.nn.Layer;
import dev.ruru.nn.LayerNorm;
import dev.ruru.nn.LeakyReLU;
import dev.ruru.nn.Linear;
import dev.ruru.nn.LogSoftmax;
import dev.ruru.nn.MaxPool2d;
import dev.ruru.nn.Mode;
import dev.ruru.nn.ReLU;
import dev.ruru.nn.Residual;
import dev.ruru.nn.Sequential;
import dev.ruru.nn.Unflatten;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model of standard layers saved with its architecture loads with no code and computes the same. */
class LayerTreeFilesTest {
  @TempDir Path dir;

  private static Sequential model() {
    SplittableRandom rng = new SplittableRandom(11);
    Sequential features = new Sequential(new Conv2d(1, 4, 3, 3, Conv2dSpec.of(1, 1).withDilation(1, 1), DType.FLOAT32, rng),
        new BatchNorm2d(4), new LeakyReLU(0.1), new MaxPool2d(2), new AvgPool2d(Pool2dSpec.of(2, 1, 0)));
    return new Sequential(new Unflatten(1, 1, 8), features, new Flatten(), new Linear(4 * 3 * 3, 6, rng), new BatchNorm1d(6),
        new GELU(), new LayerNorm(6), new Dropout(0.2, rng), Linear.withoutBias(6, 3, dev.ruru.nn.Init.xavierUniform(), DType.FLOAT32, rng),
        new LogSoftmax(1));
  }

  @Test
  void savesArchitectureAndWeightsAndLoadsWithNoCode() throws IOException {
    Sequential model = model();
    NDArray x = NDArray.randn(Shape.of(5, 8, 8), new SplittableRandom(2));
    model.forward(Tensor.constant(x), Mode.TRAIN);   // moves the BatchNorm statistics off their start
    LayerTreeFiles.save(dir, new LayerTreeFiles.Saved(model, List.of(8, 8), List.of("a", "b", "c"), Map.of("dataset", "test")));
    assertTrue(LayerTreeFiles.isLayerTree(dir));
    LayerTreeFiles.Saved loaded = LayerTreeFiles.load(dir);
    assertEquals(model.toString(), loaded.model().toString());
    assertEquals(model.forward(Tensor.constant(x)).value(), loaded.model().forward(Tensor.constant(x)).value());
    assertEquals(List.of(8, 8), loaded.inputShape());
    assertEquals(List.of("a", "b", "c"), loaded.classNames());
    assertEquals(Map.of("dataset", "test"), loaded.notes());
    String json = Files.readString(dir.resolve(ModelDirectory.DESCRIPTION));
    assertTrue(json.contains("\"type\" : \"Conv2d\""), json);
  }

  @Test
  void aResNetBlockWithItsSkipConnectionSavesAndLoads() throws IOException {
    SplittableRandom rng = new SplittableRandom(4);
    Sequential body = new Sequential(new Conv2d(2, 4, 3, 3, new Conv2dSpec(2, 2, 1, 1, 1, 1, 1, 1, 1), DType.FLOAT32, rng),
        new BatchNorm2d(4, 1e-5, 0.1, DType.FLOAT32), new ReLU(), new Conv2d(4, 4, 3, 3, Conv2dSpec.of(1, 1), DType.FLOAT32, rng));
    Sequential shortcut = new Sequential(new Conv2d(2, 4, 1, 1, new Conv2dSpec(2, 2, 0, 0, 0, 0, 1, 1, 1), DType.FLOAT32, rng));
    Sequential model = new Sequential(new Unflatten(1, 2, 6), new Residual(body, shortcut), new ReLU(), new Flatten(), new Linear(36, 3, rng));
    NDArray x = NDArray.randn(Shape.of(5, 12, 6), new SplittableRandom(5));
    model.forward(Tensor.constant(x), Mode.TRAIN);
    LayerTreeFiles.save(dir, new LayerTreeFiles.Saved(model, List.of(12, 6), List.of(), Map.of()));
    Layer loaded = LayerTreeFiles.load(dir).model();
    assertEquals(model.toString(), loaded.toString());
    assertEquals(model.forward(Tensor.constant(x)).value(), loaded.forward(Tensor.constant(x)).value());
    assertTrue(loaded.stateDict().containsKey("1.shortcut.0.weight") && loaded.stateDict().containsKey("1.body.1.running_var"));
  }

  @Test
  void aLayerTheDescriptionCannotHoldIsRefusedBeforeWriting() {
    Layer custom = (input, mode) -> input;
    Sequential model = new Sequential(new Linear(2, 2), custom);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LayerTreeFiles.save(dir.resolve("out"), new LayerTreeFiles.Saved(model, List.of(), List.of(), Map.of())));
    assertTrue(e.getMessage().startsWith("save: layer '1' is a dev.ruru.train.model.LayerTreeFilesTest$"), e.getMessage());
    assertFalse(Files.exists(dir.resolve("out")), "nothing was written");
  }

  @Test
  void aDescriptionEditedToOtherShapesIsRefusedBeforeBuilding() throws IOException {
    LayerTreeFiles.save(dir, new LayerTreeFiles.Saved(new Sequential(new Linear(3, 2), new ReLU()), List.of(3), List.of(), Map.of()));
    Path description = dir.resolve(ModelDirectory.DESCRIPTION);
    Files.writeString(description, Files.readString(description).replace("\"out\" : 2", "\"out\" : 200000"), StandardCharsets.UTF_8);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LayerTreeFiles.load(dir));
    assertTrue(e.getMessage().contains("0.weight"), e.getMessage());
  }

  @Test
  void unknownKeysAndTypesNameTheFileAndKey() throws IOException {
    LayerTreeFiles.save(dir, new LayerTreeFiles.Saved(new Sequential(new Linear(3, 2), new ReLU()), List.of(3), List.of(), Map.of()));
    Path description = dir.resolve(ModelDirectory.DESCRIPTION);
    Files.writeString(description, Files.readString(description).replace("\"ReLU\"", "\"Swish\""), StandardCharsets.UTF_8);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LayerTreeFiles.load(dir));
    assertTrue(e.getMessage().contains("\"model.layers[1].type\": expected one of [Sequential, Linear"), e.getMessage());
  }
}
