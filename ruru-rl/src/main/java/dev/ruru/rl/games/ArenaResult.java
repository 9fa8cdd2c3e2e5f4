package dev.ruru.rl.games;

import java.util.Locale;

/** A match of {@code player} against {@code opponent}: the tallies from {@code player}'s side, moving first and second. */
public record ArenaResult(String game, String player, String opponent, Tally asFirst, Tally asSecond) {
  public Tally total() {
    return asFirst.plus(asSecond);
  }

  /** The win/draw/loss table, one row for each side and the total. */
  public String table() {
    StringBuilder text = new StringBuilder();
    text.append(String.format(Locale.ROOT, "%s: %s vs %s%n", game, player, opponent));
    // The first column is as wide as its header, so long player names keep the numbers aligned.
    String label = "%-" + Math.max(14, player.length() + 6) + "s";
    text.append(String.format(Locale.ROOT, label + " %6s %6s %6s %6s %7s%n", player + " moves", "games", "wins", "draws", "losses", "score"));
    row(text, label, "first", asFirst);
    row(text, label, "second", asSecond);
    row(text, label, "total", total());
    return text.toString();
  }

  private static void row(StringBuilder text, String label, String name, Tally tally) {
    text.append(String.format(Locale.ROOT, label + " %6d %6d %6d %6d %7.3f%n", name, tally.games(), tally.wins(), tally.draws(), tally.losses(),
        tally.score()));
  }
}
