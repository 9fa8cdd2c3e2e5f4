package dev.ruru.cli;

import dev.ruru.data.audio.WavFile;
import dev.ruru.data.audio.Waveform;
import dev.ruru.models.specvae.SpectrogramSpeech;
import dev.ruru.models.specvae.SpectrogramVaeFiles;
import dev.ruru.models.wavenet.WaveNet;
import dev.ruru.models.wavenet.WaveNetFiles;
import dev.ruru.models.wavenet.WaveNetGeneration;
import dev.ruru.models.wavenet.WaveNetGeneration.Caching;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/**
 * {@code ruru generate}'s options for audio models (a WaveNet, a spectrogram VAE): which digit to speak and, for a WaveNet, for
 * how long, into a WAV file.
 */
final class AudioSamplingOptions {
  /** The audio options, for refusing them with other models. */
  static final String[] NAMES = {"--digit", "--seconds", "--recompute"};
  /** The options of other models, refused with a WaveNet. */
  private static final String[] OTHERS = {"--prompt", "--length", "--top-k", "--top-p", "--samples", "--class"};

  @Option(names = "--digit", paramLabel = "D", description = "wavenet, spec-vae: the digit to speak, 0 to 9 (required).")
  Integer digit;

  @Option(names = "--seconds", paramLabel = "S", defaultValue = "1.0", description = "wavenet: seconds of audio (default: ${DEFAULT-VALUE}).")
  double seconds;

  @Option(names = "--recompute",
      description = "wavenet: run the whole network over the receptive field for every sample instead of keeping each layer's past"
          + " in queues: the same samples, slowly (to compare the two).")
  boolean recompute;

  /** Writes {@code --seconds} of the digit that the WaveNet in {@code modelDirectory} speaks to {@code file} (default: generated.wav there). */
  void speak(Path modelDirectory, Path file, double temperature, long seed, ParseResult parsed, PrintWriter out) throws IOException {
    for (String other : OTHERS) {
      if (parsed.hasMatchedOption(other)) {
        throw new IllegalArgumentException(other + " does not apply to the WaveNet in " + modelDirectory + "; it takes --digit, --seconds,"
            + " --temperature, --seed and --out");
      }
    }
    if (digit == null) {
      throw new IllegalArgumentException("--digit is required for the WaveNet in " + modelDirectory + ": which digit, 0 to 9, to speak");
    }
    WaveNet net = WaveNetFiles.load(modelDirectory);
    long start = System.nanoTime();
    Waveform sound = WaveNetGeneration.speak(net, digit, seconds, temperature, seed, recompute ? Caching.RECOMPUTE : Caching.QUEUES);
    double elapsed = (System.nanoTime() - start) / 1e9;
    Path target = file != null ? file : modelDirectory.resolve("generated.wav");
    WavFile.write(target, sound);
    out.printf(Locale.ROOT, "wrote %.2f s of digit %d (%d samples at %d Hz; %.0f samples/s %s) to %s%n", sound.seconds(), digit,
        sound.frames(), sound.sampleRate(), sound.frames() / elapsed, recompute ? "recomputed" : "with queues", target);
    out.flush();
  }

  /**
   * Writes clips of the digit that the spectrogram VAE in {@code modelDirectory} speaks: one to {@code file} (default:
   * generated.wav there), or with {@code --samples N} (N > 1) N clips {@code <digit>-<i>.wav} into the directory
   * {@code file}, named as the corpus names its clips, so that {@code ruru eval --generated} scores them as they are.
   */
  void speakSpectrogram(Path modelDirectory, Path file, double temperature, long seed, ParseResult parsed, PrintWriter out) throws IOException {
    for (String other : new String[] {"--prompt", "--length", "--top-k", "--top-p", "--class", "--seconds", "--recompute"}) {
      if (parsed.hasMatchedOption(other)) {
        throw new IllegalArgumentException(other + " does not apply to the spectrogram VAE in " + modelDirectory + "; it takes --digit,"
            + " --samples, --temperature (the prior's scale), --seed and --out");
      }
    }
    if (digit == null) {
      throw new IllegalArgumentException("--digit is required for the spectrogram VAE in " + modelDirectory + ": which digit, 0 to 9, to speak");
    }
    int count = parsed.hasMatchedOption("--samples") ? parsed.matchedOptionValue("--samples", 1) : 1;
    long start = System.nanoTime();
    List<Waveform> clips = SpectrogramSpeech.speak(SpectrogramVaeFiles.load(modelDirectory), digit, count, temperature, seed,
        SpectrogramSpeech.ITERATIONS);
    Path target = file != null ? file : modelDirectory.resolve(count == 1 ? "generated.wav" : "generated");
    if (count == 1) {
      WavFile.write(target, clips.get(0));
    } else {
      Files.createDirectories(target);
      for (int i = 0; i < count; i++) {
        WavFile.write(target.resolve(digit + "-" + i + ".wav"), clips.get(i));
      }
    }
    out.printf(Locale.ROOT, "wrote %d clip%s of digit %d (%.2f s at %d Hz each; Griffin-Lim %d iterations; %.1f s) to %s%n", count,
        count == 1 ? "" : "s", digit, clips.get(0).seconds(), clips.get(0).sampleRate(), SpectrogramSpeech.ITERATIONS,
        (System.nanoTime() - start) / 1e9, target);
    out.flush();
  }

  /** Refuses the audio options for a model that is not a WaveNet. */
  static void refuseFor(ParseResult parsed, Path modelDirectory) {
    for (String name : NAMES) {
      if (parsed.hasMatchedOption(name)) {
        throw new IllegalArgumentException(name + " applies to a WaveNet or a spectrogram VAE (ruru train --model wavenet|spec-vae), not the"
            + " model in " + modelDirectory);
      }
    }
  }
}
