package dev.ruru.rl.zero;

import dev.ruru.rl.games.Game;
import dev.ruru.rl.games.MinimaxPlayer;
import dev.ruru.rl.games.Player;
import dev.ruru.rl.games.RandomPlayer;
import dev.ruru.rl.search.UctPlayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A player named on the command line: {@code minimax}, {@code random}, {@code uct-N} (UCT with N rollouts
 * a move), or the directory of a saved AlphaZero network ({@link ZeroModel}), which searches
 * {@code simulations} PUCT simulations a move.
 */
public record PlayerSpec(String text) {
  private static final Pattern UCT = Pattern.compile("uct-(\\d{1,9})");

  /**
   * The game a model directory was trained for; null for the other players, which play any game.
   *
   * @throws IOException when a model directory cannot be read
   */
  public Game modelGame() throws IOException {
    return isModel() ? ZeroModel.load(modelDirectory()).game() : null;
  }

  private Path modelDirectory() {
    Path directory = Path.of(text);
    if (!Files.isDirectory(directory)) {
      throw new IllegalArgumentException("player '" + text + "': not minimax, random, uct-N or a model directory (" + directory.toAbsolutePath()
          + " is not a directory)");
    }
    return directory;
  }

  private boolean isModel() {
    return !text.equals("minimax") && !text.equals("random") && !UCT.matcher(text).matches();
  }

  /** The player for {@code game}, drawing its random choices from {@code rng}; a model searches one leaf at a time. */
  public Player create(Game game, int simulations, RandomGenerator rng) throws IOException {
    return create(game, simulations, rng, 1);
  }

  /** As {@link #create(Game, int, RandomGenerator)}, a model's search evaluating {@code leafBatch} leaves in one network call. */
  public Player create(Game game, int simulations, RandomGenerator rng, int leafBatch) throws IOException {
    Matcher uct = UCT.matcher(text);
    if (text.equals("minimax")) {
      if (game.rows() * game.columns() > 16) {
        throw new IllegalArgumentException("player minimax: searches the whole game tree, which " + game.name() + " is too large for; use uct-N");
      }
      return new MinimaxPlayer(rng);
    } else if (text.equals("random")) {
      return new RandomPlayer(rng);
    } else if (uct.matches()) {
      return new UctPlayer(Integer.parseInt(uct.group(1)), rng);
    }
    Path directory = modelDirectory();
    PolicyValueNet network = ZeroModel.load(directory);
    if (!network.game().equals(game)) {
      throw new IllegalArgumentException("player '" + text + "': the model plays " + network.game().name() + ", not " + game.name());
    }
    return new ZeroPlayer(directory.getFileName() + "@" + simulations, network, simulations, 0, rng, leafBatch);
  }
}
