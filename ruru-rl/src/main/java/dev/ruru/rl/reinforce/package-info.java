/**
 * REINFORCE with a learned baseline (Williams 1992): play whole episodes, then raise the log-probability of
 * each action in proportion to how much the return that followed beat the critic's estimate. The loss is
 * A2C's ({@link dev.ruru.rl.a2c.A2cObjective}) with Monte Carlo returns in place of n-step ones.
 */
package dev.ruru.rl.reinforce;
