package dev.ruru.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ruru rl train ...} and {@code ruru rl eval ...}: reinforcement learning on Gymnasium-style environments. */
@Command(
    name = "rl",
    mixinStandardHelpOptions = true,
    description = "Reinforcement learning: train an agent on an environment (rl train), or play a trained one (rl eval).",
    subcommands = {RlTrainCommand.class, RlEvalCommand.class})
final class RlCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing a command: one of " + String.join(", ", spec.subcommands().keySet()));
  }
}
