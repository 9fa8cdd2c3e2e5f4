/**
 * Tabular reinforcement learning, the course's teaching baseline: when the states can be listed, values
 * fit in a table. {@link dev.ruru.rl.tabular.ValueIteration} and {@link dev.ruru.rl.tabular.PolicyIteration}
 * solve a known model (FrozenLake's transition table) with Bellman's equations;
 * {@link dev.ruru.rl.tabular.QLearning} (off-policy) and {@link dev.ruru.rl.tabular.Sarsa} (on-policy)
 * learn action values from experience alone. No gradients, so no training loop: each is its update rule.
 */
package dev.ruru.rl.tabular;
