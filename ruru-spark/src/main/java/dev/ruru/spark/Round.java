package dev.ruru.spark;

import java.io.Serializable;
import org.apache.spark.broadcast.Broadcast;

/**
 * One round as the tasks receive it: the broadcast state, how to read it and what to send back, and
 * which steps of which epoch to run. Everything a worker computes is a function of this and its shard, so
 * a task that Spark retries returns the same result.
 *
 * @param resultLayout what a gradient round sends back (null for local steps: the workers' states say)
 * @param phase the phase whose gradients are asked for ({@code localSteps == 0}), else ignored
 * @param epoch the epoch, from 0
 * @param firstStep the epoch's step (from 0) that the round's first local batch belongs to
 * @param localSteps 0: one gradient of {@code phase}; K: K local training steps
 * @param failAtAttempt a test hook: the task of shard 0 throws on this attempt number (-1: never)
 */
record Round(Broadcast<double[]> state, FlatLayout stateLayout, FlatLayout resultLayout, int phase, int epoch, int firstStep,
    int localSteps, long seed, int failAtAttempt) implements Serializable {

  boolean gradientsOnly() {
    return localSteps == 0;
  }

  /** A seed for the random generators of {@code shard}'s step {@code step}: distinct per epoch, step, shard and phase. */
  long generatorSeed(int shard, int step, int phaseIndex) {
    long h = seed;
    for (long part : new long[] {epoch, step, shard, phaseIndex}) {
      h = mix(h * 0x9E3779B97F4A7C15L + part);
    }
    return h;
  }

  /** MurmurHash3's 64-bit finaliser: nearby inputs give unrelated outputs. */
  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }
}
