package dev.ruru.cli;

import dev.ruru.data.audio.SpokenDigitsCorpus;
import dev.ruru.models.run.RunCheckpoint;
import dev.ruru.models.wavenet.WaveNetRun;
import dev.ruru.models.wavenet.WaveNetSettings;
import dev.ruru.models.wavenet.WaveNetSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * The options of {@code ruru train --model wavenet --data-dir DIR}: the network's sizes and the audio's
 * rate and windows. The shared {@code --epochs}, {@code --batch-size} (default 8 windows here),
 * {@code --lr} (Adam, default 1e-3) and {@code --seed} mean what they mean for other models;
 * {@code --data-dir} is a corpus that {@code ruru data spoken-digits} built.
 */
final class WaveNetOptions {
  static final String MODEL = "wavenet";

  @Option(names = "--residual-channels", paramLabel = "R", description = "wavenet: channels of the residual stream (default: 32).")
  private Integer residualChannels;

  @Option(names = "--skip-channels", paramLabel = "S", description = "wavenet: channels of the skip connections and the output head (default: 64).")
  private Integer skipChannels;

  @Option(names = "--dilation-layers", paramLabel = "L",
      description = "wavenet: gated layers per stack, of dilations 1, 2, ..., 2^(L-1) (default: 8).")
  private Integer layersPerStack;

  @Option(names = "--stacks", paramLabel = "K", description = "wavenet: repetitions of the dilation stack (default: 2).")
  private Integer stacks;

  @Option(names = "--sample-rate", paramLabel = "HZ", description = "wavenet: the rate the 16 kHz clips are resampled to (default: 8000).")
  private Integer sampleRate;

  @Option(names = "--window", paramLabel = "N", description = "wavenet: samples predicted per training window (default: 1024).")
  private Integer window;

  /** Options that define a run: --resume takes them from the checkpoint. */
  private static final List<String> RUN_OPTIONS = List.of("--residual-channels", "--skip-channels", "--dilation-layers", "--stacks",
      "--sample-rate", "--window", "--batch-size", "--lr", "--seed");

  /** Whether this family trains {@code model}, or continues (--resume) the WaveNet run whose checkpoint is in {@code directory}. */
  static boolean handles(String model, boolean resume, Path directory) throws IOException {
    return MODEL.equals(model)
        || resume && Files.isRegularFile(directory.resolve(RunCheckpoint.FILE)) && WaveNetRun.isWaveNetRun(RunCheckpoint.read(directory));
  }

  /** Trains (or with --resume continues) a WaveNet in {@code directory}, reading the shared options that were given from {@code parsed}. */
  void train(Path directory, PrintWriter out, ParseResult parsed) throws IOException {
    Path data = parsed.matchedOptionValue("--data-dir", null);
    if (data == null) {
      throw new IllegalArgumentException("--model wavenet needs --data-dir DIR, a spoken-digit corpus; build one with: ruru data spoken-digits"
          + " --out DIR");
    }
    SpokenDigitsCorpus corpus = SpokenDigitsCorpus.load(data);
    Integer epochs = parsed.matchedOptionValue("--epochs", null);
    if (parsed.hasMatchedOption("--resume")) {
      FamilyOptions.refuseOnResume(RUN_OPTIONS, parsed, directory);
      new WaveNetRun(directory, out).resume(corpus, RunCheckpoint.read(directory), epochs == null ? OptionalInt.empty() : OptionalInt.of(epochs));
      return;
    }
    new WaveNetRun(directory, out).train(corpus, settings(parsed), epochs == null ? TrainCommand.DEFAULT_EPOCHS : epochs);
  }

  private WaveNetSettings settings(ParseResult parsed) {
    WaveNetSettings defaults = WaveNetSettings.defaults(parsed.matchedOptionValue("--seed", 0L));
    WaveNetSpec d = defaults.spec();
    WaveNetSpec spec = new WaveNetSpec(or(residualChannels, d.residualChannels()), or(skipChannels, d.skipChannels()),
        or(layersPerStack, d.layersPerStack()), or(stacks, d.stacks()), d.digits(), or(sampleRate, d.sampleRate()));
    return new WaveNetSettings(spec, or(window, defaults.window()), parsed.matchedOptionValue("--batch-size", defaults.batchSize()),
        parsed.matchedOptionValue("--lr", defaults.learningRate()), defaults.seed());
  }

  private static int or(Integer given, int fallback) {
    return given == null ? fallback : given;
  }
}
