package dev.ruru.train.objective;

import dev.ruru.optim.Optimizer;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One part of a training step: a loss and the optimiser that minimises it over its own parameters. A
 * step runs its objective's phases in order, each with a fresh forward pass on the parameters as the
 * phases before it left them (a GAN's discriminator step, then its generator step).
 *
 * @param optimizerName the optimiser's name in checkpoints ({@code "optimizer"} for the usual single one)
 * @param optimizer what updates this phase's parameters ({@link Optimizer#parameters()} are the leaves the
 *     loss is differentiated by)
 * @param lossName the loss's name among the metrics ({@code "loss"} for the usual single one)
 */
public record Phase(String optimizerName, Optimizer optimizer, String lossName) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

  public Phase {
    checkName("optimizer name", optimizerName);
    Objects.requireNonNull(optimizer, "optimizer");
    checkName("loss name", lossName);
  }

  /** The usual single phase: optimiser {@code "optimizer"}, loss {@code "loss"}. */
  public static Phase of(Optimizer optimizer) {
    return new Phase("optimizer", optimizer, "loss");
  }

  /** Names become checkpoint prefixes and JSON keys: letters, digits and underscores, no dots. */
  static void checkName(String what, String name) {
    Objects.requireNonNull(name, what);
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("objective: invalid " + what + " '" + name + "'; expected a letter, then letters, digits or '_'");
    }
  }
}
