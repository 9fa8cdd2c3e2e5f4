import dev.ruru.rl.games.ConnectionGame;
import dev.ruru.rl.zero.PolicyValueNet;
import dev.ruru.rl.zero.SelfPlay;
import dev.ruru.rl.zero.ZeroConfig;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Connect Four self-play speed, batched against sequential, same run: GAMES games of one untrained
 * network (convolutional trunk, BLOCKS blocks of HIDDEN channels) played one after another with one
 * leaf a network call (the search before batching, number for number) and side by side with LEAVES
 * leaves per search per call, interleaved PAIRS times. Prints positions a second of each and the median
 * ratio. Random weights: the speed of a search does not depend on what the network knows.
 *
 * <p>{@code java -cp ruru-cli/target/ruru.jar bench/SelfPlaySpeed.java [PAIRS] [GAMES] [BLOCKS] [HIDDEN] [LEAVES]}
 */
public class SelfPlaySpeed {
  public static void main(String[] args) {
    int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int games = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int blocks = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    int hidden = args.length > 3 ? Integer.parseInt(args[3]) : 32;
    int leaves = args.length > 4 ? Integer.parseInt(args[4]) : 8;
    ZeroConfig config = ZeroConfig.defaults(ConnectionGame.CONNECT_FOUR, 0).withNetwork(hidden, blocks);
    PolicyValueNet network = new PolicyValueNet(ConnectionGame.CONNECT_FOUR, hidden, blocks, new SplittableRandom(1));
    List<Double> ratios = new ArrayList<>();
    for (int pair = 0; pair < pairs; pair++) {
      double sequential = rate(() -> {
        int positions = 0;
        for (int game = 0; game < games; game++) {
          positions += SelfPlay.play(network, config.withLeafBatch(1), new SplittableRandom(game), 1).size();
        }
        return positions;
      });
      double batched = rate(() -> SelfPlay.play(network, config.withLeafBatch(leaves), new SplittableRandom(games), games).size());
      ratios.add(batched / sequential);
      System.out.printf(Locale.ROOT, "pair %d: sequential %.1f positions/s, %d games side by side with %d leaves a search %.1f positions/s: %.2fx%n",
          pair + 1, sequential, games, leaves, batched, batched / sequential);
    }
    Collections.sort(ratios);
    System.out.printf(Locale.ROOT, "median speed-up %.2fx over %d pairs%n", ratios.get(ratios.size() / 2), pairs);
  }

  /** Positions (examples over the board's 2 symmetries) a second of {@code work}. */
  private static double rate(java.util.function.IntSupplier work) {
    long start = System.nanoTime();
    int examples = work.getAsInt();
    return examples / 2.0 / ((System.nanoTime() - start) / 1e9);
  }
}
