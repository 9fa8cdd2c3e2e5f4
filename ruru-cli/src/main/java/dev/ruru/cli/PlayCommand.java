package dev.ruru.cli;

import dev.ruru.rl.games.BoardPicture;
import dev.ruru.rl.games.ConnectionGame;
import dev.ruru.rl.games.Game;
import dev.ruru.rl.games.Player;
import dev.ruru.rl.games.TerminalMatch;
import dev.ruru.rl.search.UctPlayer;
import dev.ruru.rl.zero.PlayerSpec;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ruru play tictactoe|connect4}: a person against the computer in the terminal, the computer an
 * AlphaZero network ({@code --model-dir}) or plain UCT. The game itself is {@link TerminalMatch}'s.
 */
@Command(
    name = "play",
    mixinStandardHelpOptions = true,
    description = {"Play tic-tac-toe or Connect Four against a trained AlphaZero network (--model-dir) or UCT tree search.",
        "Type a move number and Enter; Ctrl-D ends the game."})
final class PlayCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "GAME", description = "tictactoe or connect4.")
  private String gameName;

  @Option(names = "--model-dir", paramLabel = "DIR", description = "A network trained by ruru selfplay; without it the computer plays UCT.")
  private Path modelDirectory;

  @Option(names = "--simulations", paramLabel = "N", description = "Search simulations a move (default: 200 with a model, 2000 for UCT).")
  private Integer simulations;

  @Option(names = "--second", description = "Move second (as O); by default you move first (as X).")
  private boolean second;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "Seed of the computer's search (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--gif", paramLabel = "FILE", description = "After the game (finished or abandoned), write it move by move as an animated GIF.")
  private Path gif;

  @Spec CommandSpec spec;

  /** Where the person's moves come from; tests set it. */
  BufferedReader input;

  @Override
  public Integer call() throws Exception {
    Game game = ConnectionGame.named(gameName);
    SplittableRandom rng = new SplittableRandom(seed);
    Player agent = modelDirectory == null ? new UctPlayer(simulations == null ? 2000 : simulations, rng)
        : new PlayerSpec(modelDirectory.toString()).create(game, simulations == null ? 200 : simulations, rng);
    BufferedReader in = input != null ? input : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    PrintWriter out = spec.commandLine().getOut();
    TerminalMatch match = new TerminalMatch(game, agent, in, out);
    match.play(second ? 1 : 0);
    if (gif != null) {
      BoardPicture.writeGif(game, match.moves(), 600, gif);
      out.println("the game, " + match.moves().size() + " moves, written to " + gif);
    }
    out.flush();
    return 0;
  }
}
