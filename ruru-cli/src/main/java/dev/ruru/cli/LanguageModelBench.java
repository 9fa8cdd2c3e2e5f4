package dev.ruru.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruru.data.text.CharTokenizer;
import dev.ruru.data.text.InvalidUtf8;
import dev.ruru.data.text.TextCorpus;
import dev.ruru.data.text.TextWindows;
import dev.ruru.models.text.CharLanguageModel;
import dev.ruru.models.text.CharModelSpec;
import dev.ruru.models.text.LanguageModelling;
import dev.ruru.optim.Adam;
import dev.ruru.optim.AdamConfig;
import dev.ruru.train.Trainer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * {@code ruru bench w4}: the W4 benchmark, {@code shared/anchors/w4_lstm_torch.py} written with Ruru's
 * classes, so that its result line compares field by field with the script's.
 *
 * <p>The text is every file of a directory (the anchor's {@code $W4_TEXT_DIR}, by default
 * {@code /usr/share/common-licenses}) in name order, invalid UTF-8 replaced; the vocabulary its 64 most
 * frequent characters plus one for all others. The model is Embedding(65, 64) → LSTM(64 → 256) →
 * Linear(256 → 65); one step draws 32 windows of 64 characters at random starts, computes the mean
 * softmax cross-entropy of the next characters over all 32·64 positions, backpropagates and takes an
 * Adam step at learning rate 2·10⁻³ (the Trainer's step, without its bookkeeping). Timing as the
 * script's: {@link Timing#warmups()} untimed steps, then {@link Timing#samples()} blocks of
 * {@link Timing#callsPerSample()} steps (10, 3 and 200 by default); the median block is reported. Unlike
 * {@link Timing#medianSeconds}, warm-up is exactly that many steps, so the losses match the script's
 * step for step; a block of 200 steps lasts seconds, so the JIT's compilation hardly shows in it.
 *
 * <p>Every {@link #run} starts from the same seeds: the model from {@value #MODEL_SEED}, the windows from
 * {@value #BATCH_SEED} (the script's {@code torch.manual_seed(0)} and {@code Generator().manual_seed(1)},
 * though the two libraries' generators draw different numbers).
 */
final class LanguageModelBench {
  /** The anchor's V, E, H, T, B and Adam's learning rate. */
  static final int VOCABULARY = 65;
  static final int EMBEDDING = 64;
  static final int HIDDEN = 256;
  static final int WINDOW = 64;
  static final int BATCH = 32;
  static final double LEARNING_RATE = 2e-3;

  /** Characters whose next character one step predicts: 32 windows of 64. */
  static final int TOKENS_PER_STEP = BATCH * WINDOW;

  /** The anchor's timed block; {@code sec_per_200_steps} is reported per this many steps whatever the block. */
  static final int ANCHOR_STEPS = 200;

  /** The anchor's warm-up steps and timed blocks. */
  static final int ANCHOR_WARMUPS = 10;
  static final int ANCHOR_BLOCKS = 3;

  /** The text directory when {@code --text} is not given and {@code W4_TEXT_DIR} is not set. */
  static final String DEFAULT_TEXT_DIRECTORY = "/usr/share/common-licenses";

  static final long MODEL_SEED = 0;
  static final long BATCH_SEED = 1;

  private static final CharModelSpec SPEC =
      new CharModelSpec(CharModelSpec.LSTM, VOCABULARY, EMBEDDING, HIDDEN, 1, 1, WINDOW, 0);

  private final int textCharacters;
  private final TextWindows windows;

  private LanguageModelBench(TextCorpus corpus) {
    CharTokenizer tokenizer = CharTokenizer.fit(corpus.text(), VOCABULARY);
    this.textCharacters = corpus.characterCount();
    this.windows = TextWindows.of(corpus.encode(tokenizer), WINDOW, corpus.source());
  }

  /** The benchmark over {@code corpus}, which needs at least 65 characters (one window and its next characters). */
  static LanguageModelBench of(TextCorpus corpus) {
    return new LanguageModelBench(corpus);
  }

  /** The benchmark over the files of {@code directory}, read as the anchor reads {@code $W4_TEXT_DIR}. */
  static LanguageModelBench read(Path directory) throws IOException {
    return of(TextCorpus.directory(directory, InvalidUtf8.REPLACE));
  }

  /**
   * What one run measured: the median seconds of its timed blocks of {@code steps} steps, the loss of the
   * first step (before any update; ln 65 ≈ 4.17 for an untrained model) and of the last.
   */
  record Result(int threads, int textCharacters, int steps, int blocks, double medianSeconds, double firstLoss, double lastLoss) {
    double tokensPerSecond() {
      return (double) steps * TOKENS_PER_STEP / medianSeconds;
    }

    double millisecondsPerStep() {
      return medianSeconds / steps * 1e3;
    }

    double secondsPer200Steps() {
      return medianSeconds / steps * ANCHOR_STEPS;
    }

    /** The fields and rounding of the anchor's {@code RESULT} line, with {@code workload} and {@code lib} naming the run. */
    ObjectNode toJson(ObjectMapper mapper) {
      return mapper.createObjectNode()
          .put("workload", "w4")
          .put("lib", "ruru")
          .put("threads", threads)
          .put("text_chars", textCharacters)
          .put("steps", steps)
          .put("blocks", blocks)
          .put("sec_per_200_steps", rounded(secondsPer200Steps(), 3))
          .put("tokens_per_s", Math.round(tokensPerSecond()))
          .put("ms_per_step", rounded(millisecondsPerStep(), 2))
          .put("loss_first", rounded(firstLoss, 3))
          .put("loss_last", rounded(lastLoss, 3));
    }

    private static double rounded(double value, int decimals) {
      double scale = Math.pow(10, decimals);
      return Math.round(value * scale) / scale;
    }
  }

  /**
   * Trains a fresh model as {@code timing} says ({@code threads} is only recorded: the caller sets the
   * thread count) and returns the median block time and the first and last losses.
   */
  Result run(Timing timing, int threads) {
    Training training = new Training();
    for (int step = 0; step < timing.warmups(); step++) {
      training.step();
    }
    double[] seconds = new double[timing.samples()];
    for (int block = 0; block < seconds.length; block++) {
      long start = System.nanoTime();
      for (int step = 0; step < timing.callsPerSample(); step++) {
        training.step();
      }
      seconds[block] = (System.nanoTime() - start) / 1e9;
    }
    return new Result(threads, textCharacters, timing.callsPerSample(), timing.samples(), Timing.median(seconds),
        training.firstLoss, training.lastLoss);
  }

  /** A fresh model, its Adam state and the generator of the windows: what one run trains. */
  private final class Training {
    private final CharLanguageModel model = SPEC.build(new SplittableRandom(MODEL_SEED));
    private final Trainer trainer = Trainer.builder(LanguageModelling.windows(model, new Adam(model.parameters(),
        AdamConfig.adam(LEARNING_RATE)))).build();
    private final RandomGenerator random = new SplittableRandom(BATCH_SEED);

    private long stepsTaken;
    private double firstLoss;
    private double lastLoss;

    /** One training step on a batch of random windows, through the Trainer, keeping the loss before the update. */
    void step() {
      lastLoss = trainer.trainOnBatch(windows.randomBatch(BATCH, random)).get("loss");
      if (stepsTaken++ == 0) {
        firstLoss = lastLoss;
      }
    }
  }
}
