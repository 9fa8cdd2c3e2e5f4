package dev.ruru.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.autodiff.Tensor;
import dev.ruru.nn.TransformerLayerConfig.NormPlacement;
import dev.ruru.optim.Adam;
import dev.ruru.optim.AdamConfig;
import dev.ruru.optim.Optimizer;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * End to end: embedding, learned positions, one causal pre-norm encoder layer and a linear head, trained
 * by Adam, learn to output at each position the token before it, which only attention can see.
 */
class TinyTransformerTest {
  private static final int VOCABULARY = 6;
  private static final int LENGTH = 6;

  @Test
  void learnsToCopyThePreviousToken() {
    SplittableRandom rng = new SplittableRandom(42);
    Embedding embedding = new Embedding(VOCABULARY, 16, rng);
    LearnedPositionalEncoding positions = new LearnedPositionalEncoding(LENGTH, 16, rng);
    TransformerEncoderLayer layer = new TransformerEncoderLayer(TransformerLayerConfig.of(16, 2).withFeedforwardDim(32)
        .withDropout(0).withNormPlacement(NormPlacement.PRE_NORM), rng);
    Linear head = new Linear(16, VOCABULARY, rng);
    Map<String, Parameter> parameters = Params.merge(Params.nested("embedding", embedding.parameters()),
        Params.nested("positions", positions.parameters()), Params.nested("layer", layer.parameters()),
        Params.nested("head", head.parameters()));
    Optimizer optimizer = new Adam(parameters, AdamConfig.adam(0.02));
    AttentionMask causal = AttentionMask.causal(LENGTH, LENGTH);
    double accuracy = 0;
    for (int step = 0; step < 150 && accuracy < 0.99; step++) {
      NDArray tokens = NDArray.of(randomTokens(rng), 32, LENGTH);
      NDArray targets = tokens.slice(1, 0, LENGTH - 1, 1);
      Tensor hidden = layer.forward(positions.forward(embedding.forward(Tensor.constant(tokens))), causal, Mode.TRAIN);
      Tensor logits = head.forward(hidden.slice(1, 1, LENGTH, 1).reshape(32 * (LENGTH - 1), 16));
      NDArray labels = targets.reshape(32 * (LENGTH - 1));
      optimizer.step(Losses.crossEntropy(logits, labels).backward(Params.tensors(parameters)));
      accuracy = logits.value().argmax(1).eq(labels).astype(DType.FLOAT64).mean().item();
    }
    assertTrue(accuracy >= 0.99, "accuracy " + accuracy);
  }

  private static long[] randomTokens(SplittableRandom rng) {
    long[] tokens = new long[32 * LENGTH];
    for (int i = 0; i < tokens.length; i++) {
      tokens[i] = rng.nextInt(VOCABULARY);
    }
    return tokens;
  }
}
