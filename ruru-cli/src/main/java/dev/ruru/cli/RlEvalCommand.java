package dev.ruru.cli;

import dev.ruru.rl.run.RlEvaluation;
import dev.ruru.rl.run.SavedPolicy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ruru rl eval}: plays a trained policy greedily and prints the returns' mean, spread and range. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = "Plays the policy saved by rl train greedily for a number of episodes and prints the mean return.")
final class RlEvalCommand implements Callable<Integer> {
  @Option(names = "--model-dir", paramLabel = "DIR", required = true, description = "The directory rl train wrote (policy.safetensors).")
  private Path modelDirectory;

  @Option(names = "--episodes", paramLabel = "N", defaultValue = "100", description = "Episodes to play (default: ${DEFAULT-VALUE}).")
  private int episodes;

  @Option(names = "--env", paramLabel = "NAME", description = "Play on this environment instead of the one it was trained on.")
  private String environment;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Episode e starts from a reset seeded S + e (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Spec private CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    SavedPolicy saved = SavedPolicy.read(modelDirectory, environment);
    RlEvaluation.Result result = RlEvaluation.run(saved.policy(), saved.environment(), episodes, seed, false);
    PrintWriter out = spec.commandLine().getOut();
    out.printf("%s (%s) on %s, %d greedy episodes: mean return %.2f (std %.2f, min %.0f, max %.0f)%n", modelDirectory, saved.algorithm(),
        saved.environment(), episodes, result.mean(), result.std(), result.min(), result.max());
    out.flush();
    return 0;
  }
}
