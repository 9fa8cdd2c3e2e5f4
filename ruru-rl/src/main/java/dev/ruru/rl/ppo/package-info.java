/**
 * Proximal policy optimisation (Schulman et al. 2017): collect a rollout from vectorised environments,
 * estimate advantages with GAE(λ), then take several epochs of minibatch steps on the clipped surrogate
 * objective, a (clipped) value loss and an entropy bonus. {@link dev.ruru.rl.ppo.Ppo} reads top to bottom
 * as the algorithm; its hyper-parameters are one record, {@link dev.ruru.rl.ppo.PpoConfig}; the loss is
 * {@link dev.ruru.rl.ppo.PpoLoss}; the steps are an {@link dev.ruru.train.objective.Objective}
 * ({@link dev.ruru.rl.ppo.PpoObjective}) run by the one training loop's {@link dev.ruru.train.Trainer}.
 */
package dev.ruru.rl.ppo;
