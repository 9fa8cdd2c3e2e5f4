package dev.ruru.examples;

import dev.ruru.data.text.CharTokenizer;
import dev.ruru.data.text.EmbeddedText;
import dev.ruru.data.text.SamplingSettings;
import dev.ruru.data.text.TextCorpus;
import dev.ruru.data.text.TextSplit;
import dev.ruru.data.text.TextWindows;
import dev.ruru.data.text.TokenStreams;
import dev.ruru.models.text.CharLanguageModel;
import dev.ruru.models.text.CharModelSpec;
import dev.ruru.models.text.LanguageModelling;
import dev.ruru.models.text.TextGeneration;
import dev.ruru.optim.Adam;
import dev.ruru.optim.AdamConfig;
import dev.ruru.train.Callback;
import dev.ruru.train.History;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.Trainer;
import dev.ruru.train.metrics.EpochMetrics;
import java.io.PrintStream;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The course's recurrent networks on its natural-language example: a GRU reads Newton's <i>Opticks</i>
 * one character at a time and learns to predict the next, then writes text of its own.
 *
 * <p>What to watch:
 * <ul>
 * <li><b>Truncated backpropagation through time.</b> The text is cut into 32 parallel streams read in
 * chunks of 48 characters. The hidden state at the end of a chunk starts the next one, so the network can
 * use context from far back, but gradients stop at the chunk boundary (the state is detached): each
 * update costs one chunk's backward pass, however long the text.
 * <li><b>Perplexity</b>, e^loss: how many characters the model is, in effect, choosing between. A uniform
 * guess over the vocabulary scores its size (80 here); the characters' frequencies alone, 22.6.
 * <li><b>Temperature.</b> Sampling divides the logits by T: low T repeats the likeliest words, high T
 * invents; top-k keeps only the k likeliest characters, which removes the rare nonsense.
 * </ul>
 *
 * <p>Run it: {@code java -cp ... dev.ruru.examples.CharacterLanguageModel [epochs]} (default 6, about a
 * minute on two cores); {@code ruru train --model char-gru} is the same model with the full command's
 * checkpoints and reports.
 */
public final class CharacterLanguageModel {
  private CharacterLanguageModel() {}

  public static void main(String[] args) {
    run(args.length > 0 ? Integer.parseInt(args[0]) : 6, System.out);
  }

  /** Trains for {@code epochs} passes over the text, printing the losses and samples; returns the last validation loss. */
  static double run(int epochs, PrintStream out) {
    TextCorpus corpus = EmbeddedText.opticksQueries();
    CharTokenizer tokenizer = CharTokenizer.fit(corpus.text());
    TextSplit split = TextWindows.split(corpus.encode(tokenizer), 0.1);
    CharModelSpec spec = new CharModelSpec(CharModelSpec.GRU, tokenizer.vocabulary().size(), 32, 192, 1, 1, 48, 0);
    CharLanguageModel model = spec.build(new ResumableRandom(7));
    Trainer trainer = Trainer.builder(LanguageModelling.truncatedBptt(model, new Adam(model.parameters(), AdamConfig.adam(3e-3))))
        .clipGradientNorm(1.0).quiet().callbacks(new Callback() {
          @Override
          public void onEpochEnd(Trainer t, EpochMetrics metrics) {
            out.printf(Locale.ROOT, "epoch %d: train loss %.3f, validation loss %.3f (perplexity %.1f)%n", metrics.epoch(), metrics.trainLoss(),
                metrics.validationLoss(), metrics.value("validation_perplexity"));
          }
        }).build();
    out.printf(Locale.ROOT, "%s, %d characters, vocabulary %d%n%s%n", corpus.source(), corpus.characterCount(),
        tokenizer.vocabulary().size(), spec.describe());
    History history = trainer.fit(new TokenStreams(split.train(), 32, 48), new TokenStreams(split.validation(), 8, 48), epochs);
    double validation = history.last().validationLoss();
    for (double temperature : new double[] {0.5, 1.0}) {
      int[] text = TextGeneration.generate(model, tokenizer.encodePrompt("The Rays of Light "), 160,
          SamplingSettings.DEFAULT.withTemperature(temperature).withTopK(8), new SplittableRandom(1));
      out.printf(Locale.ROOT, "%ntemperature %.1f, top-k 8:%n%s%n", temperature, tokenizer.decode(text));
    }
    return validation;
  }
}
