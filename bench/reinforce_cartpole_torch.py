#!/usr/bin/python3
"""REINFORCE with a learned baseline on CartPole-v1 in PyTorch: the reference for Ruru's SolveBenchmark reinforce
(bench/compare_dqn_reinforce.py runs both).

Same CartPole port (bench/cartpole_port.py), one environment, and the same algorithm and hyper-parameters
(ReinforceConfig.cartPole()): 4 whole episodes per update, each step's discounted return G_t (gamma 0.99)
to its episode's end (a truncated episode's last reward gets gamma V of its final observation), one Adam
step (2e-3) on -mean((G - V) log pi(a|s)) + 0.5 mean((G - V)^2) over all the steps, the advantage a
constant; separate 64-64 tanh actor and critic, their last layers N(0, 0.01^2) and N(0, 1/64), biases 0.
Stops when solved, with Ruru's protocol (SolveCheck, bench/cartpole_port.py). Random numbers differ from
Ruru's, so the two runs learn alike, not step for step.

Usage: /usr/bin/python3 bench/reinforce_cartpole_torch.py [SEED] [MAX_STEPS] [THREADS]   (prints one JSON line)
"""
import json
import sys
import time

import numpy as np
import torch
import torch.nn as nn

from cartpole_port import CartPole, greedy_mean, SolveCheck


def mlp(outputs, last_std):
    last = nn.Linear(64, outputs)
    nn.init.normal_(last.weight, 0.0, last_std)
    nn.init.zeros_(last.bias)
    return nn.Sequential(nn.Linear(4, 64), nn.Tanh(), nn.Linear(64, 64), nn.Tanh(), last)


def main():
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    max_steps = int(sys.argv[2]) if len(sys.argv) > 2 else 200_000
    torch.set_num_threads(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    torch.manual_seed(seed)
    episodes_per_update, gamma, lr, value_coefficient = 4, 0.99, 2e-3, 0.5
    start = time.perf_counter()
    actor, critic = mlp(2, 0.01), mlp(1, 1.0 / 8)
    optimizer = torch.optim.Adam(list(actor.parameters()) + list(critic.parameters()), lr=lr)
    env = CartPole(seed)
    obs, running, episode_returns, steps = env.reset(), 0.0, [], 0
    check = SolveCheck(lambda: greedy_mean(actor, 10, 1_000_000 * (seed + 1)), lambda: greedy_mean(actor, 100, 1_000_000 * (seed + 1)))
    while steps < max_steps and not check.solved:
        observations, actions, returns, rewards = [], [], [], []
        finished = 0
        while finished < episodes_per_update:
            with torch.no_grad():
                action = int(torch.distributions.Categorical(logits=actor(torch.from_numpy(obs))).sample())
            next_obs, reward, terminated, truncated = env.step(action)
            steps += 1
            running += reward
            if truncated and not terminated:
                with torch.no_grad():
                    reward += gamma * float(critic(torch.from_numpy(next_obs))[0])
            observations.append(obs)
            actions.append(action)
            rewards.append(reward)
            if terminated or truncated:
                g, discounted = 0.0, []
                for r in reversed(rewards):
                    g = r + gamma * g
                    discounted.append(g)
                returns.extend(reversed(discounted))
                rewards, finished = [], finished + 1
                episode_returns.append(running)
                running, next_obs = 0.0, env.reset()
            obs = next_obs
        x = torch.from_numpy(np.stack(observations))
        g = torch.tensor(returns, dtype=torch.float32)
        values = critic(x).view(-1)
        advantages = (g - values).detach()
        log_probabilities = torch.log_softmax(actor(x), 1).gather(1, torch.tensor(actions).view(-1, 1)).view(-1)
        loss = -(advantages * log_probabilities).mean() + value_coefficient * ((g - values) ** 2).mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        check.after_iteration(steps, episode_returns)
    seconds = time.perf_counter() - start
    print(json.dumps({"side": "pytorch", "algorithm": "reinforce", "seed": seed, "solved": bool(check.solved), "steps": check.steps or steps,
                      "seconds": round(seconds, 2), "episodes": len(episode_returns), "evaluation": round(check.evaluation, 1),
                      "threads": torch.get_num_threads()}))


main()
