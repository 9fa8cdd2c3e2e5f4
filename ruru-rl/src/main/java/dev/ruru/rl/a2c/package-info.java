/**
 * Advantage actor-critic, A2C (Mnih et al. 2016, synchronous): every few steps of N environment copies,
 * one gradient step on the policy gradient weighted by the n-step advantage, the critic's squared error
 * and an entropy bonus. {@link dev.ruru.rl.a2c.A2c} is the algorithm, {@link dev.ruru.rl.a2c.A2cConfig}
 * its hyper-parameters, {@link dev.ruru.rl.a2c.A2cObjective} its step for the training loop.
 */
package dev.ruru.rl.a2c;
