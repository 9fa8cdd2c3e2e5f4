package dev.ruru.cli;

import dev.ruru.rl.games.Arena;
import dev.ruru.rl.games.ArenaResult;
import dev.ruru.rl.games.BoardPicture;
import dev.ruru.rl.games.ConnectionGame;
import dev.ruru.rl.games.Game;
import dev.ruru.rl.games.Player;
import dev.ruru.rl.zero.PlayerSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ruru arena A B --games N}: two players against each other, taking turns to move first; prints the win/draw/loss table. */
@Command(
    name = "arena",
    mixinStandardHelpOptions = true,
    description = {"Pit two game players against each other and print the win/draw/loss table of the first.",
        "Players: minimax (tic-tac-toe only), random, uct-N (N rollouts a move), or a model directory of ruru selfplay."})
final class ArenaCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "A", description = "The player whose results the table shows.")
  private String first;

  @Parameters(index = "1", paramLabel = "B", description = "Its opponent.")
  private String second;

  @Option(names = "--games", paramLabel = "N", defaultValue = "100", description = "Games, A moving first in every other one (default: ${DEFAULT-VALUE}).")
  private int games;

  @Option(names = "--game", paramLabel = "GAME",
      description = "tictactoe or connect4 (default: the game of a model player, else tictactoe).")
  private String gameName;

  @Option(names = "--simulations", paramLabel = "N", defaultValue = "100",
      description = "PUCT simulations a move of model players (default: ${DEFAULT-VALUE}).")
  private int simulations;

  @Option(names = "--leaf-batch", paramLabel = "N", defaultValue = "1",
      description = "Leaves a model player's search evaluates in one network call (virtual loss); 1 is the sequential search (default: ${DEFAULT-VALUE}).")
  private int leafBatch;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed of the players' random choices (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--gif", paramLabel = "FILE", description = "After the match, play one more game, A moving first, and write it move by move as an animated GIF.")
  private Path gif;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PlayerSpec a = new PlayerSpec(first);
    PlayerSpec b = new PlayerSpec(second);
    Game game = gameName != null ? ConnectionGame.named(gameName) : a.modelGame() != null ? a.modelGame()
        : b.modelGame() != null ? b.modelGame() : ConnectionGame.TIC_TAC_TOE;
    SplittableRandom rng = new SplittableRandom(seed);
    PrintWriter out = spec.commandLine().getOut();
    long start = System.nanoTime();
    Player playerA = a.create(game, simulations, rng.split(), leafBatch);
    Player playerB = b.create(game, simulations, rng.split(), leafBatch);
    ArenaResult result = Arena.match(game, playerA, playerB, games);
    out.print(result.table());
    out.printf(java.util.Locale.ROOT, "%d games in %.1f s%n", games, (System.nanoTime() - start) / 1e9);
    if (gif != null) {
      Arena.GameRecord record = Arena.play(game.start(), playerA, playerB);
      BoardPicture.writeGif(game, record.moves(), 600, gif);
      out.printf(java.util.Locale.ROOT, "one more game, %s first: %s; written to %s%n", playerA.name(),
          record.end().winner() < 0 ? "a draw" : (record.end().winner() == 0 ? playerA.name() : playerB.name()) + " won", gif);
    }
    out.flush();
    return 0;
  }
}
