package dev.ruru.cli;

import dev.ruru.rl.dqn.DqnConfig;
import dev.ruru.rl.env.Environments;
import dev.ruru.rl.run.RlTrainSettings;
import dev.ruru.rl.run.RlTraining;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ruru rl train}: parses the options and hands the run to {@link RlTraining}. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Trains an agent on an environment. Prints progress (episodes, mean return, steps/s); writes to OUT",
      "checkpoint.safetensors (--resume continues exactly), policy.safetensors, metrics.json, returns.png",
      "(return curve, rolling mean, solved line) and, for CartPole, best-episode.gif. Reports the step at which",
      "100 greedy evaluation episodes first reach the environment's threshold (solved)."
    })
final class RlTrainCommand implements Callable<Integer> {
  @Option(names = "--env", paramLabel = "NAME", defaultValue = "cartpole",
      description = "The environment: cartpole, mountaincar, acrobot, frozenlake, frozenlake8x8 (and -deterministic) (default: ${DEFAULT-VALUE}).")
  private String environment;

  @Option(names = "--algo", paramLabel = "NAME", defaultValue = "ppo", description = "The algorithm: ppo, a2c, dqn or reinforce (default: ${DEFAULT-VALUE}).")
  private String algorithm;

  @Option(names = "--steps", paramLabel = "N", defaultValue = "100000", description = "Environment steps in all (default: ${DEFAULT-VALUE}).")
  private long steps;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "The seed of weights, environments and actions (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs/rl", description = "The run's directory (default: ${DEFAULT-VALUE}).")
  private Path out;

  @Option(names = "--resume", description = "Continue from OUT/checkpoint.safetensors, with the same settings.")
  private boolean resume;

  @Option(names = "--checkpoint-every", paramLabel = "N", defaultValue = "10", description = "Iterations between checkpoints (default: ${DEFAULT-VALUE}).")
  private int checkpointEvery;

  @Option(names = "--prioritized", description = "DQN only: draw minibatches by prioritised replay (proportional, alpha 0.6, beta 0.4 -> 1).")
  private boolean prioritized;

  @Option(names = "--stop-when-solved", description = "End the run once 100 greedy evaluation episodes reach the environment's threshold (CartPole: 475).")
  private boolean stopWhenSolved;

  @Spec private CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Environments.spec(environment);
    PrintWriter writer = spec.commandLine().getOut();
    RlTraining.run(new RlTrainSettings(environment, algorithm, steps, seed, out, resume, checkpointEvery,
        prioritized ? DqnConfig.Replay.PRIORITIZED : DqnConfig.Replay.UNIFORM, stopWhenSolved), writer);
    writer.flush();
    return 0;
  }
}
