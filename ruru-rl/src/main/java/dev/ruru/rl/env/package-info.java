/**
 * Environments with Gymnasium's interface and semantics, so a Python RL user feels at home:
 * {@link dev.ruru.rl.env.Env#reset(long)} gives the first observation, {@link dev.ruru.rl.env.Env#step(int)}
 * an observation, a reward and whether the episode terminated (a terminal state) or was truncated (a time
 * limit). Spaces say what observations and actions look like ({@link dev.ruru.rl.env.Discrete},
 * {@link dev.ruru.rl.env.Box}); wrappers add the rest, as Gymnasium's do: {@link dev.ruru.rl.env.TimeLimit},
 * {@link dev.ruru.rl.env.OrderEnforcing} (clear errors for a step before reset or after the end) and
 * {@link dev.ruru.rl.env.SyncVectorEnv} (N copies stepped together, reset automatically).
 * {@link dev.ruru.rl.env.Environments#make(String)} builds one by its Gymnasium id, wrapped as
 * {@code gymnasium.make} wraps it. The dynamics are ported equation by equation from Gymnasium's
 * sources and checked against an independent Python transcription (test fixtures).
 */
package dev.ruru.rl.env;
