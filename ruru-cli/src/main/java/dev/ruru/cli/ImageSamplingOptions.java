package dev.ruru.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code ruru generate}'s options for image models (a GAN's generator): how many samples, of which class, into which PNG. */
final class ImageSamplingOptions {
  @Option(names = "--samples", paramLabel = "N", defaultValue = "64", description = "Image models: images to draw (default: ${DEFAULT-VALUE}); spec-vae: clips D-0.wav ... to write into the folder --out"
      + " (default: 1, into the file --out).")
  int samples;

  @Option(names = "--class", paramLabel = "C", description = "Conditional image models: draw only class C (default: every class in turn).")
  Integer chosenClass;

  @Option(names = "--out", paramLabel = "FILE", description = "Image models: the grid's PNG file (default: MODEL-DIR/generated.png);"
      + " wavenet, spec-vae: the WAV file (default: MODEL-DIR/generated.wav), or spec-vae's folder for --samples N.")
  Path out;

  /** The grid's file: --out, or generated.png in the model's directory. */
  Path file(Path modelDirectory) {
    return out != null ? out : modelDirectory.resolve("generated.png");
  }

  /** The image options given, for refusing them with a language model. */
  static final String[] NAMES = {"--samples", "--class", "--out"};
}
