package dev.ruru.cli;

import dev.ruru.data.audio.Espeak;
import dev.ruru.data.audio.SpokenDigits;
import dev.ruru.data.audio.SpokenDigitsCorpus;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ruru data spoken-digits --out DIR [--voices N]}: has espeak-ng speak the digits into the
 * spoken-digit corpus ({@link SpokenDigits}), split by voice, for {@code ruru train --model audio-cnn}.
 */
@Command(name = "spoken-digits", mixinStandardHelpOptions = true,
    description = {"Builds the spoken-digit corpus: espeak-ng says zero to nine in N voices (each twice, at two pitches and speeds),",
        "as 1-second 16 kHz mono WAV files with a manifest.csv; the train/validation/test split is by voice."})
final class SpokenDigitsCommand implements Callable<Integer> {
  @Option(names = "--out", required = true, paramLabel = "DIR", description = "The directory to write the corpus into.")
  private Path out;

  @Option(names = "--voices", paramLabel = "N", description = "How many voices (3 to 112; default ${DEFAULT-VALUE}).")
  private int voices = SpokenDigits.allVoices().size();

  @Option(names = "--espeak", paramLabel = "FILE", description = "The espeak-ng program (default: espeak-ng on the PATH).")
  private Path espeak;

  @Spec private CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Espeak synthesiser = espeak == null ? Espeak.find() : Espeak.at(espeak);
    SpokenDigits.splitOf(voices);
    PrintWriter printer = spec.commandLine().getOut();
    printer.println("speaking " + voices * SpokenDigits.TAKES * SpokenDigits.WORDS.size() + " clips (" + voices
        + " voices) with " + synthesiser.executable() + " into " + out + " ...");
    printer.flush();
    SpokenDigitsCorpus corpus = SpokenDigits.build(out, voices, synthesiser, line -> {
      printer.println("  " + line);
      printer.flush();
    });
    printer.println("done: " + corpus.train().size() + " train, " + corpus.validation().size() + " validation, "
        + corpus.test().size() + " test clips (" + corpus.test().distinctVoices().size() + " test voices never heard in training)");
    printer.println("next: ruru train --model audio-cnn --data-dir " + out);
    printer.flush();
    return 0;
  }
}
