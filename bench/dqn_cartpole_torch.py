#!/usr/bin/python3
"""DQN on CartPole-v1 in PyTorch: the reference for Ruru's SolveBenchmark dqn (bench/compare_dqn_reinforce.py runs both).

Same CartPole port as Ruru's (bench/ppo_cartpole_torch.py's: Gymnasium's equations, 500-step truncation),
one environment, and the same algorithm and hyper-parameters (DqnConfig.cartPole(), the RL Zoo's tuned
CartPole-v1 settings): a 256-256 ReLU Q-network with PyTorch's default initialisation, Adam at 2.3e-3,
minibatches of 64 from 100,000 transitions after 1,000 uniformly random steps, 128 gradient steps every
256 environment steps, the target network refreshed before every training phase, Huber loss, gradient
norm 10, Double DQN, epsilon from 1 to 0.04 linearly over the first 8,000 steps; a truncated episode
bootstraps from its last observation (only termination stops it). Stops when solved, with Ruru's
protocol (SolveCheck): every 2,560 steps (and after any iteration whose last 100 training episodes
average >= 475) 10 greedy episodes are played; when they average >= 475, 100 greedy evaluation episodes
decide. Random numbers differ from Ruru's, so the two runs learn alike, not step for step.

Usage: /usr/bin/python3 bench/dqn_cartpole_torch.py [SEED] [MAX_STEPS] [THREADS]   (prints one JSON line)
"""
import json
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from cartpole_port import CartPole, greedy_mean, SolveCheck


def main():
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    max_steps = int(sys.argv[2]) if len(sys.argv) > 2 else 200_000
    torch.set_num_threads(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed + 1)
    capacity, starts, train_freq, gradient_steps, batch = 100_000, 1000, 256, 128, 64
    gamma, lr, max_norm, final_eps, exploration_steps = 0.99, 2.3e-3, 10.0, 0.04, 8000
    start = time.perf_counter()

    def network():
        return nn.Sequential(nn.Linear(4, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 2))

    online, target = network(), network()
    optimizer = torch.optim.Adam(online.parameters(), lr=lr)
    obs_buf, next_buf = np.zeros((capacity, 4), np.float32), np.zeros((capacity, 4), np.float32)
    act_buf, rew_buf, term_buf = np.zeros(capacity, np.int64), np.zeros(capacity, np.float32), np.zeros(capacity, np.float32)
    position = size = 0
    env = CartPole(seed)
    obs, running, episode_returns, steps = env.reset(), 0.0, [], 0
    check = SolveCheck(lambda: greedy_mean(online, 10, 1_000_000 * (seed + 1)), lambda: greedy_mean(online, 100, 1_000_000 * (seed + 1)))
    while steps < max_steps and not check.solved:
        for _ in range(train_freq):
            eps = max(final_eps, 1 + steps / exploration_steps * (final_eps - 1))
            if steps < starts or rng.random() < eps:
                action = int(rng.integers(2))
            else:
                with torch.no_grad():
                    action = int(online(torch.from_numpy(obs)).argmax())
            next_obs, reward, terminated, truncated = env.step(action)
            steps += 1
            running += reward
            obs_buf[position], next_buf[position], act_buf[position] = obs, next_obs, action
            rew_buf[position], term_buf[position] = reward, float(terminated)
            position, size = (position + 1) % capacity, min(size + 1, capacity)
            if terminated or truncated:
                episode_returns.append(running)
                running, next_obs = 0.0, env.reset()
            obs = next_obs
        if steps >= starts:
            target.load_state_dict(online.state_dict())
            for _ in range(gradient_steps):
                rows = rng.integers(size, size=batch)
                s, s2 = torch.from_numpy(obs_buf[rows]), torch.from_numpy(next_buf[rows])
                with torch.no_grad():
                    choice = online(s2).argmax(1, keepdim=True)
                    y = torch.from_numpy(rew_buf[rows]) + gamma * (1 - torch.from_numpy(term_buf[rows])) * target(s2).gather(1, choice).view(-1)
                q = online(s).gather(1, torch.from_numpy(act_buf[rows]).view(-1, 1)).view(-1)
                loss = F.smooth_l1_loss(q, y)
                optimizer.zero_grad()
                loss.backward()
                nn.utils.clip_grad_norm_(online.parameters(), max_norm)
                optimizer.step()
        check.after_iteration(steps, episode_returns)
    seconds = time.perf_counter() - start
    print(json.dumps({"side": "pytorch", "algorithm": "dqn", "seed": seed, "solved": bool(check.solved), "steps": check.steps or steps,
                      "seconds": round(seconds, 2), "episodes": len(episode_returns), "evaluation": round(check.evaluation, 1),
                      "threads": torch.get_num_threads()}))


main()
