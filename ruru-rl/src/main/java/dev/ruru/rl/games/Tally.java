package dev.ruru.rl.games;

/** Wins, draws and losses of one player over some games. */
public record Tally(int wins, int draws, int losses) {
  public Tally {
    if (wins < 0 || draws < 0 || losses < 0) {
      throw new IllegalArgumentException("Tally: counts must be >= 0; got " + wins + " wins, " + draws + " draws, " + losses + " losses");
    }
  }

  public int games() {
    return wins + draws + losses;
  }

  /** (wins + draws / 2) / games: 1 for winning every game, 0.5 for even; 0 with no games. */
  public double score() {
    return games() == 0 ? 0 : (wins + 0.5 * draws) / games();
  }

  /** This tally plus one game of {@code result} (+1 win, 0 draw, -1 loss). */
  public Tally plus(double result) {
    return new Tally(wins + (result > 0 ? 1 : 0), draws + (result == 0 ? 1 : 0), losses + (result < 0 ? 1 : 0));
  }

  public Tally plus(Tally other) {
    return new Tally(wins + other.wins, draws + other.draws, losses + other.losses);
  }
}
