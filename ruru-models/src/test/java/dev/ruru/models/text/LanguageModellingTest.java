package dev.ruru.models.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.NDArray;
import dev.ruru.data.text.CharTokenizer;
import dev.ruru.data.text.TokenStreams;
import dev.ruru.optim.Adam;
import dev.ruru.optim.AdamConfig;
import dev.ruru.train.Checkpoint;
import dev.ruru.train.History;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.Trainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Truncated BPTT through the one Trainer, on a repetitive text whose next character often depends on
 * more than the last few ("the cat sat ... the dog sat ..."): the loss must fall, and predicting with the
 * state carried across chunks of 4 characters must beat restarting from zeros every 4, which cannot see
 * where a chunk starts. A run interrupted after an epoch and resumed from its checkpoint ends with the
 * same weights, bit for bit, as one that was not.
 */
class LanguageModellingTest {
  private static final String TEXT = "the cat sat on the mat; the dog sat on the log. ".repeat(40);
  private static final CharTokenizer TOKENIZER = CharTokenizer.fit(TEXT);
  private static final int[] IDS = TOKENIZER.encode(TEXT);

  @TempDir Path dir;

  private static Trainer trainer(CharLanguageModel model, double clipNorm) {
    return Trainer.builder(LanguageModelling.truncatedBptt(model, new Adam(model.parameters(), AdamConfig.adam(1e-2)))).quiet()
        .clipGradientNorm(clipNorm).build();
  }

  private static CharLanguageModel gru(int context) {
    return new CharModelSpec(CharModelSpec.GRU, TOKENIZER.vocabulary().size(), 16, 48, 1, 1, context, 0).build(new ResumableRandom(3));
  }

  @Test
  void carriedStateLearnsAndHelps() {
    CharLanguageModel model = gru(8);
    Trainer trainer = trainer(model, 1.0);
    History history = trainer.fit(new TokenStreams(IDS, 8, 8), null, 13);
    double first = history.epochs().get(0).trainLoss();
    double last = history.last().trainLoss();
    assertTrue(last < 0.5 * first, "training loss " + first + " -> " + last);
    // Chunks of 4 with the state carried vs chunks of 4 each starting from zeros (one stream per chunk).
    double carried = trainer.evaluate(new TokenStreams(IDS, 8, 4)).get("loss");
    double restarted = trainer.evaluate(new TokenStreams(java.util.Arrays.copyOf(IDS, 8 * 4 * 50 + 1), 8 * 50, 4)).get("loss");
    assertTrue(carried < restarted - 0.1, "loss with carried state " + carried + " vs restarting every 4 characters " + restarted);
    assertEquals(Math.exp(carried), trainer.evaluate(new TokenStreams(IDS, 8, 4)).get("perplexity"), 1e-12);
  }

  @Test
  void resumingFromACheckpointEndsWithTheSameWeightsAndSteps() throws IOException {
    TokenStreams streams = new TokenStreams(IDS, 8, 8);
    Trainer straight = trainer(gru(8), 1.0);
    straight.fit(streams, new TokenStreams(IDS, 2, 8), 3);
    Trainer first = trainer(gru(8), 1.0);
    first.fit(streams, new TokenStreams(IDS, 2, 8), 2);
    Path file = dir.resolve("lm.safetensors");
    first.checkpoint().write(file);
    Trainer resumed = trainer(gru(8), 1.0);
    resumed.resume(Checkpoint.read(file));
    History history = resumed.fit(streams, new TokenStreams(IDS, 2, 8), 3);
    assertEquals(3, history.epochs().size());
    Map<String, NDArray> expected = straight.model().stateDict();
    expected.forEach((name, value) -> assertTrue(value.equals(resumed.model().stateDict().get(name)), name + " differs after resume"));
    assertTrue(NDArray.of(straight.steps().values("loss"), 3 * streams.batchCount())
        .equals(NDArray.of(resumed.steps().values("loss"), 3 * streams.batchCount())), "per-step losses");
    assertEquals(straight.history().get(2).train(), history.last().train());
  }

  @Test
  void aTransformerHasNoStateToCarry() {
    CharModelSpec spec = new CharModelSpec(CharModelSpec.TRANSFORMER, 10, 8, 16, 1, 2, 8, 0);
    CharLanguageModel model = spec.build(new ResumableRandom(1));
    String message = assertThrows(IllegalArgumentException.class, () -> LanguageModelling.truncatedBptt(model, new Adam(model.parameters(),
        AdamConfig.adam(1e-3)))).getMessage();
    assertEquals("truncated backpropagation through time carries a recurrent state; char-transformer has none (train it on random windows)",
        message);
  }
}
