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

With --prioritized, proportional prioritised replay as Ruru's PrioritizedReplay and SumTree (Schaul et al.
2016; DqnConfig.withPrioritizedReplay): P(i) = p_i^alpha / sum p^alpha with p = |TD error| + 1e-6 and
alpha = 0.6, a new transition at the largest priority seen so far, stratified sampling (one draw from each
of 64 equal segments of the total), importance weights (N P(i))^-beta divided by the batch's largest,
multiplying each transition's Huber loss, beta rising linearly from 0.4 to 1 over MAX_STEPS environment steps.

Usage: /usr/bin/python3 bench/dqn_cartpole_torch.py [SEED] [MAX_STEPS] [THREADS] [--prioritized]   (prints one JSON line)
"""
import json
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from cartpole_port import CartPole, greedy_mean, SolveCheck

MIN_PRIORITY, ALPHA, BETA_START = 1e-6, 0.6, 0.4


class SumTree:
    """Ruru's SumTree: leaves hold the priorities p^alpha, each inner node the sum of its two children."""

    def __init__(self, capacity):
        self.leaves = 1 << (capacity - 1).bit_length()
        self.nodes = np.zeros(2 * self.leaves)

    def total(self):
        return self.nodes[1]

    def get(self, slot):
        return self.nodes[self.leaves + slot]

    def set(self, slot, priority):
        node = self.leaves + slot
        self.nodes[node] = priority
        node //= 2
        while node >= 1:
            self.nodes[node] = self.nodes[2 * node] + self.nodes[2 * node + 1]
            node //= 2

    def find(self, mass):
        """The first slot whose running sum passes `mass` (the last of positive priority at the total)."""
        left, node = max(0.0, mass), 1
        while node < self.leaves:
            child = 2 * node
            if left < self.nodes[child] or self.nodes[child + 1] <= 0:
                node = child
            else:
                left -= self.nodes[child]
                node = child + 1
        return node - self.leaves


class Prioritized:
    """Ruru's PrioritizedReplay over the script's ring buffer: priorities beside the slots."""

    def __init__(self, capacity):
        self.tree, self.max_priority = SumTree(capacity), 1.0

    def added(self, slot):
        self.tree.set(slot, self.max_priority ** ALPHA)

    def sample(self, count, beta, size, rng):
        total = self.tree.total()
        segment = total / count
        slots = np.array([self.tree.find(segment * (j + rng.random())) for j in range(count)])
        raw = np.array([(size * self.tree.get(slot) / total) ** -beta for slot in slots])
        return slots, (raw / raw.max()).astype(np.float32)

    def update(self, slots, td_errors):
        for slot, error in zip(slots, td_errors):
            priority = abs(float(error)) + MIN_PRIORITY
            self.max_priority = max(self.max_priority, priority)
            self.tree.set(int(slot), priority ** ALPHA)


def main():
    args = [a for a in sys.argv[1:] if a != "--prioritized"]
    prioritized = Prioritized(100_000) if "--prioritized" in sys.argv[1:] else None
    seed = int(args[0]) if len(args) > 0 else 1
    max_steps = int(args[1]) if len(args) > 1 else 200_000
    torch.set_num_threads(int(args[2]) if len(args) > 2 else 1)
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
            if prioritized:
                prioritized.added(position)
            position, size = (position + 1) % capacity, min(size + 1, capacity)
            if terminated or truncated:
                episode_returns.append(running)
                running, next_obs = 0.0, env.reset()
            obs = next_obs
        if steps >= starts:
            target.load_state_dict(online.state_dict())
            for _ in range(gradient_steps):
                if prioritized:
                    beta = min(1.0, BETA_START + (1 - BETA_START) * steps / max(1, max_steps))
                    rows, weights = prioritized.sample(batch, beta, size, rng)
                else:
                    rows, weights = rng.integers(size, size=batch), np.ones(batch, np.float32)
                s, s2 = torch.from_numpy(obs_buf[rows]), torch.from_numpy(next_buf[rows])
                with torch.no_grad():
                    choice = online(s2).argmax(1, keepdim=True)
                    y = torch.from_numpy(rew_buf[rows]) + gamma * (1 - torch.from_numpy(term_buf[rows])) * target(s2).gather(1, choice).view(-1)
                q = online(s).gather(1, torch.from_numpy(act_buf[rows]).view(-1, 1)).view(-1)
                loss = (F.smooth_l1_loss(q, y, reduction="none") * torch.from_numpy(weights)).mean()
                if prioritized:
                    prioritized.update(rows, (q.detach() - y).abs().numpy())
                optimizer.zero_grad()
                loss.backward()
                nn.utils.clip_grad_norm_(online.parameters(), max_norm)
                optimizer.step()
        check.after_iteration(steps, episode_returns)
    seconds = time.perf_counter() - start
    print(json.dumps({"side": "pytorch", "algorithm": "dqn-prioritized" if prioritized else "dqn", "seed": seed, "solved": bool(check.solved), "steps": check.steps or steps,
                      "seconds": round(seconds, 2), "episodes": len(episode_returns), "evaluation": round(check.evaluation, 1),
                      "threads": torch.get_num_threads()}))


main()
