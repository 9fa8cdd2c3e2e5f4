package dev.ruru.rl.games;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Plays games between two players and counts the results. A match alternates who moves first, so
 * neither side keeps the first player's advantage.
 */
public final class Arena {
  private Arena() {}

  /** One game from the start: the moves in order and the final position. */
  public record GameRecord(List<Integer> moves, Position end) {
    public GameRecord {
      moves = List.copyOf(moves);
    }
  }

  /** Plays {@code first} (player 0) against {@code second} from {@code start} to the end. */
  public static GameRecord play(Position start, Player first, Player second) {
    Position position = start;
    List<Integer> moves = new ArrayList<>();
    while (!position.isTerminal()) {
      Player mover = position.player() == 0 ? first : second;
      int move = mover.move(position);
      if (!position.isLegal(move)) {
        throw new IllegalStateException("arena: player " + mover.name() + " chose the illegal move " + move + "\n" + position.render());
      }
      moves.add(move);
      position = position.play(move);
    }
    return new GameRecord(moves, position);
  }

  /** {@code games} games of {@code player} against {@code opponent}, {@code player} first in the even-numbered ones. */
  public static ArenaResult match(Game game, Player player, Player opponent, int games) {
    return match(game, player, opponent, games, done -> {});
  }

  /** As {@link #match(Game, Player, Player, int)}, telling {@code progress} the number of games done after each. */
  public static ArenaResult match(Game game, Player player, Player opponent, int games, IntConsumer progress) {
    if (games < 1) {
      throw new IllegalArgumentException("arena: invalid number of games " + games + " (must be >= 1)");
    }
    Tally first = new Tally(0, 0, 0);
    Tally second = new Tally(0, 0, 0);
    for (int index = 0; index < games; index++) {
      if (index % 2 == 0) {
        first = first.plus(play(game.start(), player, opponent).end().result(0));
      } else {
        second = second.plus(play(game.start(), opponent, player).end().result(1));
      }
      progress.accept(index + 1);
    }
    return new ArenaResult(game.name(), player.name(), opponent.name(), first, second);
  }
}
