package dev.ruru.train.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.data.text.CharTokenizer;
import dev.ruru.data.text.TokenStreams;
import dev.ruru.optim.Adam;
import dev.ruru.optim.AdamConfig;
import dev.ruru.train.ResumableRandom;
import org.junit.jupiter.api.Test;

/**
 * Truncated BPTT on a repetitive text whose next character often depends on more than the last few
 * ("the cat sat ... the dog sat ..."): the loss must fall, and predicting with the state carried across
 * chunks of 4 characters must beat restarting from zeros every 4, which cannot see where a chunk starts.
 */
class TruncatedBpttTest {
  private static final String TEXT = "the cat sat on the mat; the dog sat on the log. ".repeat(40);

  @Test
  void carriedStateLearnsAndHelps() {
    CharTokenizer tokenizer = CharTokenizer.fit(TEXT);
    int[] ids = tokenizer.encode(TEXT);
    CharModelSpec spec = new CharModelSpec(CharModelSpec.GRU, tokenizer.vocabulary().size(), 16, 48, 1, 1, 8, 0);
    CharLanguageModel model = spec.build(new ResumableRandom(3));
    TruncatedBptt bptt = new TruncatedBptt(model, new Adam(model.parameters(), AdamConfig.adam(1e-2)), 1.0);
    double first = bptt.epoch(new TokenStreams(ids, 8, 8));
    double last = first;
    for (int epoch = 0; epoch < 12; epoch++) {
      last = bptt.epoch(new TokenStreams(ids, 8, 8));
    }
    assertTrue(last < 0.5 * first, "training loss " + first + " -> " + last);
    // Chunks of 4 with the state carried vs chunks of 4 each starting from zeros (one stream per chunk).
    double carried = bptt.evaluate(new TokenStreams(ids, 8, 4));
    double restarted = bptt.evaluate(new TokenStreams(java.util.Arrays.copyOf(ids, 8 * 4 * 50 + 1), 8 * 50, 4));
    assertTrue(carried < restarted - 0.1, "loss with carried state " + carried + " vs restarting every 4 characters " + restarted);
  }

  @Test
  void aTransformerHasNoStateToCarry() {
    CharModelSpec spec = new CharModelSpec(CharModelSpec.TRANSFORMER, 10, 8, 16, 1, 2, 8, 0);
    CharLanguageModel model = spec.build(new ResumableRandom(1));
    String message = assertThrows(IllegalArgumentException.class, () -> new TruncatedBptt(model, new Adam(model.parameters(),
        AdamConfig.adam(1e-3)), 0)).getMessage();
    assertEquals("truncated backpropagation through time carries a recurrent state; char-transformer has none (train it on random windows)",
        message);
  }
}
