/**
 * Experience and what is computed from it: a {@link dev.ruru.rl.rollout.Collector} steps vectorised
 * environments with a policy into a {@link dev.ruru.rl.rollout.Rollout} (T steps of N copies) and keeps the
 * finished episodes' returns in an {@link dev.ruru.rl.rollout.EpisodeLog}; {@link dev.ruru.rl.rollout.Advantages}
 * turns rewards and values into the learning targets: discounted returns, n-step returns and GAE(λ).
 */
package dev.ruru.rl.rollout;
