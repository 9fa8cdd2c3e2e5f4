package dev.ruru.rl.rollout;

import java.util.ArrayList;
import java.util.List;

/**
 * The finished episodes of a run, in the order they finished (copy by copy within a step): each one's
 * undiscounted return, length and the environment step count when it finished. What progress lines,
 * metrics.json and the return curve report.
 */
public final class EpisodeLog {
  /** One finished episode. */
  public record Episode(double episodeReturn, int length, long step) {}

  private final List<Episode> episodes = new ArrayList<>();
  private double[] running;
  private int[] lengths;

  /** A log for {@code copies} environments stepped together. */
  public EpisodeLog(int copies) {
    running = new double[copies];
    lengths = new int[copies];
  }

  /** Adds copy {@code i}'s reward; {@code done} closes its episode at environment step {@code step}. */
  public void add(int i, double reward, boolean done, long step) {
    running[i] += reward;
    lengths[i]++;
    if (done) {
      episodes.add(new Episode(running[i], lengths[i], step));
      running[i] = 0;
      lengths[i] = 0;
    }
  }

  public List<Episode> episodes() { return List.copyOf(episodes); }
  public int count() { return episodes.size(); }

  /** The mean return of the last {@code window} episodes (fewer at the start); NaN before the first. */
  public double meanReturn(int window) {
    if (episodes.isEmpty()) {
      return Double.NaN;
    }
    int from = Math.max(0, episodes.size() - window);
    return episodes.subList(from, episodes.size()).stream().mapToDouble(Episode::episodeReturn).average().orElse(Double.NaN);
  }

  /** Every finished episode's return, in order. */
  public double[] returns() {
    return episodes.stream().mapToDouble(Episode::episodeReturn).toArray();
  }

  /** The unfinished episodes' running returns and lengths, for a checkpoint. */
  public double[][] partial() {
    double[] asDoubles = new double[lengths.length];
    for (int i = 0; i < lengths.length; i++) {
      asDoubles[i] = lengths[i];
    }
    return new double[][] {running.clone(), asDoubles};
  }

  /** Restores a log: the finished episodes and the unfinished ones' {@link #partial()}. */
  public void restore(List<Episode> finished, double[][] partial) {
    episodes.clear();
    episodes.addAll(finished);
    running = partial[0].clone();
    lengths = new int[partial[1].length];
    for (int i = 0; i < lengths.length; i++) {
      lengths[i] = (int) partial[1][i];
    }
  }
}
