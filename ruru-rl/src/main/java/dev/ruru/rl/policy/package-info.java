/**
 * Policies and value functions as networks: {@link dev.ruru.rl.policy.ActorCritic} maps an observation to
 * a categorical distribution over actions (the actor's logits) and to an estimate of the return to come
 * (the critic's value), and draws actions from it.
 */
package dev.ruru.rl.policy;
