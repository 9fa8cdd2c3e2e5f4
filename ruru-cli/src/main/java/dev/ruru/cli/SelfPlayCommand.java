package dev.ruru.cli;

import dev.ruru.rl.games.ConnectionGame;
import dev.ruru.rl.zero.ZeroConfig;
import dev.ruru.rl.zero.ZeroRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ruru selfplay}: trains an AlphaZero player by self-play ({@link ZeroRun}); the options only adjust {@link ZeroConfig#defaults}. */
@Command(
    name = "selfplay",
    mixinStandardHelpOptions = true,
    description = {"Train an AlphaZero player (policy-value network + PUCT search) by self-play.",
        "Writes the best network to OUT (model.json, model.safetensors; play it with ruru play or ruru arena), the one in training to "
            + "OUT/candidate, OUT/metrics.json and OUT/checkpoint.safetensors (--resume continues exactly), after every iteration."})
final class SelfPlayCommand implements Callable<Integer> {
  @Option(names = "--game", paramLabel = "GAME", defaultValue = "tictactoe", description = "tictactoe or connect4 (default: ${DEFAULT-VALUE}).")
  private String gameName;

  @Option(names = "--minutes", paramLabel = "M", defaultValue = "1", description = "Time budget; the iteration running then finishes (default: ${DEFAULT-VALUE}).")
  private double minutes;

  @Option(names = "--iterations", paramLabel = "N", defaultValue = "1000000", description = "Stop after N iterations at most.")
  private int iterations;

  @Option(names = "--simulations", paramLabel = "N", description = "PUCT simulations a move (default: 25 for tic-tac-toe, 50 for Connect Four).")
  private Integer simulations;

  @Option(names = "--games", paramLabel = "N", description = "Self-play games an iteration (default: 20 for tic-tac-toe, 10 for Connect Four).")
  private Integer games;

  @Option(names = "--arena-games", paramLabel = "N", description = "Arena games of the new network against the best an iteration; 0 keeps every new one.")
  private Integer arenaGames;

  @Option(names = "--steps", paramLabel = "N", description = "Training steps an iteration (default: 40 for tic-tac-toe, 60 for Connect Four).")
  private Integer steps;

  @Option(names = "--blocks", paramLabel = "N",
      description = "Residual blocks of a convolutional trunk (3x3 convolutions on the board planes); 0, the default, is the two-layer perceptron.")
  private int blocks;

  @Option(names = "--hidden", paramLabel = "N", description = "Units of each perceptron layer, or channels of the convolutional trunk (default: 128).")
  private Integer hidden;

  @Option(names = "--leaf-batch", paramLabel = "N",
      description = "Leaves each search evaluates together (virtual loss); the games of an iteration share one network call either way (default: 1; more leaves flatten a short search's visit counts).")
  private Integer leafBatch;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed of weights, noise and sampling (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "runs/selfplay", description = "Output directory (default: ${DEFAULT-VALUE}).")
  private Path out;

  @Option(names = "--resume", description = "Continue from OUT/checkpoint.safetensors (same game, settings and seed); --iterations counts the earlier ones.")
  private boolean resume;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    if (!(minutes > 0)) {
      throw new IllegalArgumentException("invalid --minutes " + minutes + " (must be > 0)");
    }
    ZeroConfig config = ZeroConfig.defaults(ConnectionGame.named(gameName), seed);
    config = simulations == null ? config : config.withSimulations(simulations);
    config = config.withGames(games == null ? config.gamesPerIteration() : games, arenaGames == null ? config.arenaGames() : arenaGames);
    config = steps == null ? config : config.withSteps(steps);
    config = config.withNetwork(hidden == null ? config.hidden() : hidden, blocks);
    config = leafBatch == null ? config : config.withLeafBatch(leafBatch);
    new ZeroRun(config, out, spec.commandLine().getOut()).run(Duration.ofMillis((long) (minutes * 60_000)), iterations, resume);
    return 0;
  }
}
