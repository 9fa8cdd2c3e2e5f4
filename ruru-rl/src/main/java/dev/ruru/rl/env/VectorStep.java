package dev.ruru.rl.env;

/**
 * What one {@link SyncVectorEnv#step(int[])} returns: row {@code i} of each array belongs to copy {@code i}.
 * In {@link SyncVectorEnv.Autoreset#SAME_STEP} mode, a copy whose episode ended this step already holds the
 * next episode's first observation in {@code observations}, and the last observation of the finished
 * episode is in {@code finalObservations} (Gymnasium's {@code info["final_obs"]}); rows of copies that did
 * not finish are null there. The arrays are the caller's to keep.
 */
public record VectorStep(double[][] observations, double[] rewards, boolean[] terminated, boolean[] truncated, double[][] finalObservations) {
  /** Copies stepped. */
  public int size() {
    return rewards.length;
  }

  /** Whether copy {@code i}'s episode ended this step. */
  public boolean done(int i) {
    return terminated[i] || truncated[i];
  }
}
