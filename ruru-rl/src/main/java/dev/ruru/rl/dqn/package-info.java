/**
 * Deep Q-networks (Mnih et al. 2015): learn action values Q(s, a) from a replay buffer of past
 * transitions, against a target network that is refreshed now and then, acting ε-greedily with ε decaying
 * linearly; Double DQN (van Hasselt et al. 2016) picks the next action with the online network and values
 * it with the target network. {@link dev.ruru.rl.dqn.Dqn} is the algorithm, {@link dev.ruru.rl.dqn.DqnConfig}
 * its hyper-parameters, {@link dev.ruru.rl.dqn.ReplayBuffer} the memory, {@link dev.ruru.rl.dqn.DqnObjective}
 * the Huber-loss step for the training loop. {@link dev.ruru.rl.dqn.PrioritizedReplay} (Schaul et al. 2016)
 * replays transitions in proportion to their last TD error, found through a {@link dev.ruru.rl.dqn.SumTree},
 * with importance-sampling weights that undo the bias.
 */
package dev.ruru.rl.dqn;
