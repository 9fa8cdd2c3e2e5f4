package dev.ruru.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Conv2dSpec;
import dev.ruru.autodiff.Tensor;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** The global generator is shared state, so these tests hold a lock on it. */
@ResourceLock("dev.ruru.nn.Seed")
class SeedTest {
  /** A layer built from the global generator and the same layer built from an explicit one. */
  private record Pair(String name, Supplier<Layer> global, Function<RandomGenerator, Layer> explicit) {}

  private static final TransformerLayerConfig SMALL = TransformerLayerConfig.of(8, 2).withFeedforwardDim(16);

  private static List<Pair> everyLayer() {
    Conv2dSpec spec = Conv2dSpec.of(1, 1);
    return List.of(
        new Pair("Linear", () -> new Linear(6, 4), r -> new Linear(6, 4, r)),
        new Pair("Linear.withoutBias", () -> Linear.withoutBias(6, 4, Init.xavierUniform(), DType.FLOAT64),
            r -> Linear.withoutBias(6, 4, Init.xavierUniform(), DType.FLOAT64, r)),
        new Pair("Conv2d", () -> new Conv2d(2, 3, 3, spec), r -> new Conv2d(2, 3, 3, spec, r)),
        new Pair("Conv2d.same", () -> Conv2d.same(2, 3, 3), r -> Conv2d.same(2, 3, 3, r)),
        new Pair("ConvTranspose2d", () -> new ConvTranspose2d(2, 3, 3, spec, 0), r -> new ConvTranspose2d(2, 3, 3, spec, 0, r)),
        new Pair("Embedding", () -> new Embedding(10, 4), r -> new Embedding(10, 4, r)),
        new Pair("Embedding.withPaddingIndex", () -> Embedding.withPaddingIndex(10, 4, 0, DType.FLOAT32),
            r -> Embedding.withPaddingIndex(10, 4, 0, DType.FLOAT32, r)),
        new Pair("RNN", () -> new RNN(3, 5), r -> new RNN(3, 5, r)),
        new Pair("LSTM", () -> new LSTM(3, 5), r -> new LSTM(3, 5, r)),
        new Pair("GRU", () -> new GRU(3, 5), r -> new GRU(3, 5, r)),
        new Pair("RNNCell", () -> new RNNCell(3, 5), r -> new RNNCell(3, 5, r)),
        new Pair("LSTMCell", () -> new LSTMCell(3, 5), r -> new LSTMCell(3, 5, r)),
        new Pair("GRUCell", () -> new GRUCell(3, 5), r -> new GRUCell(3, 5, r)),
        new Pair("MultiheadAttention", () -> new MultiheadAttention(8, 2), r -> new MultiheadAttention(8, 2, r)),
        new Pair("TransformerEncoderLayer", () -> new TransformerEncoderLayer(SMALL), r -> new TransformerEncoderLayer(SMALL, r)),
        new Pair("TransformerDecoderLayer", () -> new TransformerDecoderLayer(SMALL), r -> new TransformerDecoderLayer(SMALL, r)),
        new Pair("TransformerEncoder", () -> TransformerEncoder.withFinalNorm(SMALL, 2),
            r -> TransformerEncoder.withFinalNorm(SMALL, 2, r)),
        new Pair("LearnedPositionalEncoding", () -> new LearnedPositionalEncoding(7, 4), r -> new LearnedPositionalEncoding(7, 4, r)));
  }

  @Test
  void reseedingRepeatsTheInitialWeights() {
    Seed.manualSeed(7);
    Map<String, NDArray> first = new Linear(784, 128).stateDict();
    Seed.manualSeed(7);
    Map<String, NDArray> again = new Linear(784, 128).stateDict();
    assertEquals(first, again);
    assertEquals(7, Seed.initialSeed());
  }

  @Test
  void withoutReseedingTheNextLayerDiffers() {
    Seed.manualSeed(7);
    Map<String, NDArray> first = new Linear(784, 128).stateDict();
    Map<String, NDArray> second = new Linear(784, 128).stateDict();
    assertNotEquals(first.get("weight"), second.get("weight"));
    Seed.manualSeed(8);
    assertNotEquals(first.get("weight"), new Linear(784, 128).stateDict().get("weight"));
  }

  /** The documented contract: manualSeed(s) then a default layer equals the layer built from new SplittableRandom(s). */
  @Test
  void everyDefaultLayerEqualsTheOneFromAnIdenticallySeededGenerator() {
    for (Pair pair : everyLayer()) {
      Seed.manualSeed(11);
      Map<String, NDArray> global = pair.global().get().stateDict();
      Map<String, NDArray> explicit = pair.explicit().apply(new SplittableRandom(11)).stateDict();
      assertEquals(explicit.keySet(), global.keySet(), pair.name());
      assertEquals(explicit, global, pair.name() + ": weights drawn from the global generator differ from SplittableRandom(11)'s");
      Seed.manualSeed(12);
      assertNotEquals(explicit, pair.global().get().stateDict(), pair.name() + ": another seed gave the same weights");
    }
  }

  @Test
  void dropoutMasksFollowTheSeed() {
    Tensor ones = Tensor.constant(NDArray.ones(Shape.of(4, 50)));
    Dropout dropout = new Dropout(0.5);
    Dropout2d channels = new Dropout2d(0.5);
    Tensor images = Tensor.constant(NDArray.ones(Shape.of(2, 16, 2, 2)));
    Seed.manualSeed(3);
    NDArray mask = dropout.forward(ones, Mode.TRAIN).value();
    NDArray channelMask = channels.forward(images, Mode.TRAIN).value();
    Seed.manualSeed(3);
    assertEquals(mask, dropout.forward(ones, Mode.TRAIN).value());
    assertEquals(channelMask, channels.forward(images, Mode.TRAIN).value());
    assertNotEquals(mask, dropout.forward(ones, Mode.TRAIN).value(), "the next mask should be a fresh draw");
    SplittableRandom rng = new SplittableRandom(3);
    assertEquals(mask, new Dropout(0.5, rng).forward(ones, Mode.TRAIN).value());
  }

  @Test
  void theGeneratorIsOneObjectThatFollowsReseeding() {
    RandomGenerator kept = Seed.generator();
    Seed.manualSeed(5);
    double first = kept.nextDouble();
    Seed.manualSeed(5);
    assertSame(kept, Seed.generator());
    assertEquals(first, kept.nextDouble());
    assertEquals(new SplittableRandom(5).nextDouble(), first);
    assertEquals(new SplittableRandom(5).nextGaussian(), afterSeed(5).nextGaussian());
  }

  private static RandomGenerator afterSeed(long seed) {
    Seed.manualSeed(seed);
    return Seed.generator();
  }
}
