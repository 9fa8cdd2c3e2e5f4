package dev.ruru.rl.env;

/**
 * One possible outcome of an action in a tabular environment, Gymnasium's {@code P[s][a]} entry
 * {@code (probability, next_state, reward, terminated)}: what value iteration sums over.
 */
public record Transition(double probability, int nextState, double reward, boolean terminated) {}
