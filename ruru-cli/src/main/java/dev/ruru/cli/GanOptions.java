package dev.ruru.cli;

import dev.ruru.models.gan.GanRun;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/** {@code ruru train --model gan}'s own options, and the shared ones that do not apply to a GAN. */
final class GanOptions {
  static final String MODEL = "gan";

  @Option(names = "--gan-width", paramLabel = "F", defaultValue = "32",
      description = "gan: channels of the networks' 14x14 layers; the 7x7 ones have twice as many (default: ${DEFAULT-VALUE}; DCGAN: 64).")
  int width;

  /**
   * The run's settings from these options and the shared ones ({@code --latent} and {@code --conditional}
   * are the latent models' options, which a GAN shares: its noise vector is its latent code).
   */
  GanRun.Settings settings(ParseResult parsed, LatentOptions latent, int batchSize, Double learningRate, long seed) {
    int size = parsed.hasMatchedOption("--latent") ? latent.latent : 100;
    return new GanRun.Settings(size, width, latent.conditional, batchSize, learningRate == null ? 2e-4 : learningRate, seed);
  }
}
