/**
 * Tabular reinforcement learning, the course's teaching baseline: when the states can be listed, values
 * fit in a table. {@link dev.ruru.rl.tabular.ValueIteration} solves a known model (FrozenLake's transition
 * table) with Bellman's optimality equation; {@link dev.ruru.rl.tabular.QLearning} learns the same action
 * values from experience alone. No gradients, so no training loop: each is its update rule.
 */
package dev.ruru.rl.tabular;
