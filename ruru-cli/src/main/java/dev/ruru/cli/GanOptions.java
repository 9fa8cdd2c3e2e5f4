package dev.ruru.cli;

import dev.ruru.models.gan.GanRun;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

/** {@code ruru train --model gan}'s own options, and the shared ones that do not apply to a GAN. */
final class GanOptions {
  static final String MODEL = "gan";
  private static final List<String> NOT_FOR_GAN = List.of("--channels", "--hidden", "--dropout", "--optimizer", "--momentum",
      "--weight-decay", "--validation-split", "--lr-schedule", "--early-stopping", "--clip-norm", "--text", "--seq-len", "--embedding",
      "--layers", "--heads", "--steps", "--bptt");

  @Option(names = "--latent", paramLabel = "N", description = "gan: size of the noise vector z (default: 100).")
  Integer latent;

  @Option(names = "--conditional", description = "gan: condition the generator and the discriminator on the class.")
  boolean conditional;

  @Option(names = "--gan-width", paramLabel = "F", defaultValue = "32",
      description = "gan: channels of the networks' 14x14 layers; the 7x7 ones have twice as many (default: ${DEFAULT-VALUE}; DCGAN: 64).")
  int width;

  /** The run's settings from these options and the shared ones; refuses options that do not apply. */
  GanRun.Settings settings(CommandSpec spec, int batchSize, Double learningRate, long seed) {
    ParseResult parsed = spec.commandLine().getParseResult();
    List<String> given = NOT_FOR_GAN.stream().filter(parsed::hasMatchedOption).toList();
    if (!given.isEmpty()) {
      throw new IllegalArgumentException(String.join(", ", given) + " do" + (given.size() == 1 ? "es" : "")
          + " not apply to --model gan (it trains two Adams, lr 2e-4 and beta1 0.5, on all training images)");
    }
    return new GanRun.Settings(latent == null ? 100 : latent, width, conditional, batchSize, learningRate == null ? 2e-4 : learningRate, seed);
  }

  /** Refuses this mixin's options with another model. */
  void checkUnused(CommandSpec spec, String model) {
    ParseResult parsed = spec.commandLine().getParseResult();
    for (String option : List.of("--latent", "--conditional", "--gan-width")) {
      if (parsed.hasMatchedOption(option) && !model.equals(MODEL)) {
        throw new IllegalArgumentException(option + " applies to --model gan, not " + model);
      }
    }
  }
}
