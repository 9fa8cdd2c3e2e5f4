/**
 * Reinforcement learning and search: environments with Gymnasium's interface and semantics
 * ({@code dev.ruru.rl.env}), agents that learn from reward, and game players that combine a learned
 * policy and value with tree search. Experience is collected here; the learning steps are objectives
 * run by the one training loop ({@code dev.ruru.train.Trainer}).
 */
package dev.ruru.rl;
