package dev.ruru.rl.zero;

import java.util.Arrays;

/**
 * One training example of self-play: a position's encoding (from the player to move), the search's visit
 * distribution there, and the game's final result for that player (+1, 0, -1).
 */
public record Example(float[] encoding, float[] policy, float result) {
  public Example {
    encoding = encoding.clone();
    policy = policy.clone();
  }

  @Override public float[] encoding() { return encoding.clone(); }
  @Override public float[] policy() { return policy.clone(); }

  @Override
  public boolean equals(Object other) {
    return other instanceof Example that && Arrays.equals(encoding, that.encoding) && Arrays.equals(policy, that.policy) && result == that.result;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(encoding) + Arrays.hashCode(policy)) + Float.hashCode(result);
  }

  @Override
  public String toString() {
    return "Example[policy=" + Arrays.toString(policy) + ", result=" + result + "]";
  }
}
