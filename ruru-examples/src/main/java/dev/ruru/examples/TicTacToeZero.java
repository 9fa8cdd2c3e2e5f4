package dev.ruru.examples;

import dev.ruru.rl.games.Arena;
import dev.ruru.rl.games.ArenaResult;
import dev.ruru.rl.games.BoardPicture;
import dev.ruru.rl.games.ConnectionGame;
import dev.ruru.rl.games.Game;
import dev.ruru.rl.games.MinimaxPlayer;
import dev.ruru.rl.games.RandomPlayer;
import dev.ruru.rl.zero.IterationReport;
import dev.ruru.rl.zero.NetworkEvaluator;
import dev.ruru.rl.zero.ZeroConfig;
import dev.ruru.rl.zero.ZeroModel;
import dev.ruru.rl.zero.ZeroPlayer;
import dev.ruru.rl.zero.ZeroTraining;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The course's "search using deep reinforcement learning": AlphaZero learns tic-tac-toe from the rules
 * alone. Each iteration the best network plays itself with PUCT search, the network in training learns
 * the searches' visit counts and the games' results (an objective run by the one {@code Trainer}), and
 * an arena keeps it when it beats the best. At the end the player meets a random mover and the perfect
 * minimax player, from both sides.
 *
 * <p>What to watch: the loss falls (the value part first, as results become predictable); against
 * random the score rises to nearly 1; against minimax a well-trained player draws every game. The
 * pictures: {@code policy.png}, the network's move prior on the empty board and after X takes a corner
 * (it should favour the centre); {@code game.gif}, a game against minimax, move by move.
 *
 * <p>Run it: {@code java -cp ... dev.ruru.examples.TicTacToeZero [iterations] [directory]} (default 150
 * iterations, {@code runs/tictactoe-zero}; about a minute on two idle cores).
 */
public final class TicTacToeZero {
  private TicTacToeZero() {}

  /** What a run ended with: the first and last iteration's training loss, and the tables against random and minimax. */
  record Summary(double firstLoss, double lastLoss, ArenaResult againstRandom, ArenaResult againstMinimax) {}

  public static void main(String[] args) throws IOException {
    int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 150;
    Path directory = Path.of(args.length > 1 ? args[1] : "runs/tictactoe-zero");
    run(iterations, 100, directory, new PrintWriter(System.out, true));
  }

  /** Trains for {@code iterations}, then plays {@code games} against random and against minimax; writes the model and pictures to {@code directory}. */
  static Summary run(int iterations, int games, Path directory, PrintWriter out) throws IOException {
    Game game = ConnectionGame.TIC_TAC_TOE;
    ZeroTraining training = new ZeroTraining(ZeroConfig.defaults(game, 1));
    double firstLoss = Double.NaN;
    double lastLoss = Double.NaN;
    for (int iteration = 1; iteration <= iterations; iteration++) {
      IterationReport report = training.iterate();
      lastLoss = report.training().get("loss");
      firstLoss = iteration == 1 ? lastLoss : firstLoss;
      if (iteration == 1 || iteration % 10 == 0 || iteration == iterations) {
        out.printf(Locale.ROOT, "iteration %3d  loss %.4f  policy %.4f  value %.4f  new network %s%n", iteration, lastLoss,
            report.training().get("policy_loss"), report.training().get("value_loss"), report.accepted() ? "kept" : "rejected");
      }
    }
    Files.createDirectories(directory);
    ZeroModel.save(directory, training.best());
    ZeroPlayer player = new ZeroPlayer("alphazero-50", training.best(), 50, 0, new SplittableRandom(2));
    ArenaResult random = Arena.match(game, player, new RandomPlayer(new SplittableRandom(3)), games);
    ArenaResult minimax = Arena.match(game, player, new MinimaxPlayer(new SplittableRandom(4)), games);
    out.print(random.table());
    out.print(minimax.table());
    drawPictures(training, player, directory);
    out.println("model, policy.png and game.gif in " + directory);
    return new Summary(firstLoss, lastLoss, random, minimax);
  }

  private static void drawPictures(ZeroTraining training, ZeroPlayer player, Path directory) throws IOException {
    Game game = training.config().game();
    NetworkEvaluator evaluator = new NetworkEvaluator(training.best());
    java.awt.image.BufferedImage empty = BoardPicture.draw(game.start(), evaluator.evaluate(game.start()).priors());
    java.awt.image.BufferedImage corner = BoardPicture.draw(game.after(0), evaluator.evaluate(game.after(0)).priors());
    java.awt.image.BufferedImage both = new java.awt.image.BufferedImage(empty.getWidth() * 2 + 16, empty.getHeight(), empty.getType());
    java.awt.Graphics2D g = both.createGraphics();
    g.setColor(java.awt.Color.WHITE);
    g.fillRect(0, 0, both.getWidth(), both.getHeight());
    g.drawImage(empty, 0, 0, null);
    g.drawImage(corner, empty.getWidth() + 16, 0, null);
    g.dispose();
    BoardPicture.writePng(both, directory.resolve("policy.png"));
    Arena.GameRecord record = Arena.play(game.start(), new MinimaxPlayer(new SplittableRandom(5)), player);
    BoardPicture.writeGif(game, record.moves(), 700, directory.resolve("game.gif"));
  }
}
