/**
 * A whole reinforcement-learning run as the {@code ruru rl} command does it: {@link dev.ruru.rl.run.RlTraining}
 * trains an agent with progress lines, checkpoints (exact resume), metrics.json, the return curve and the
 * best episode as a GIF, and saves the policy ({@link dev.ruru.rl.run.SavedPolicy});
 * {@link dev.ruru.rl.run.RlEvaluation} plays a saved policy for a number of episodes.
 */
package dev.ruru.rl.run;
