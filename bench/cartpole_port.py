"""What bench/'s PyTorch DQN and REINFORCE scripts share: the CartPole-v1 port (bench/ppo_cartpole_torch.py's,
Gymnasium's equations), greedy evaluation, and Ruru's solve protocol (dev.ruru.rl.run.SolveCheck).
"""
import math

import numpy as np
import torch

GRAVITY, MASSCART, MASSPOLE, LENGTH, FORCE_MAG, TAU = 9.8, 1.0, 0.1, 0.5, 10.0, 0.02
TOTAL_MASS, POLEMASS_LENGTH = MASSPOLE + MASSCART, MASSPOLE * LENGTH
THETA_THRESHOLD, X_THRESHOLD, MAX_STEPS_EPISODE = 12 * 2 * math.pi / 360, 2.4, 500
SOLVED, SCREEN_EVERY, SCREEN_EPISODES, EVALUATION_EPISODES = 475.0, 2500, 10, 100


class CartPole:
    """Gymnasium's CartPole-v1: Euler steps of 0.02 s, 12 degree and 2.4 limits, 500-step truncation, U(-0.05, 0.05) resets."""

    def __init__(self, seed):
        self.rng = np.random.default_rng(seed)

    def reset(self):
        self.state = self.rng.uniform(-0.05, 0.05, size=4)
        self.t = 0
        return np.array(self.state, dtype=np.float32)

    def step(self, action):
        x, x_dot, theta, theta_dot = self.state
        force = FORCE_MAG if action == 1 else -FORCE_MAG
        costheta, sintheta = math.cos(theta), math.sin(theta)
        temp = (force + POLEMASS_LENGTH * theta_dot ** 2 * sintheta) / TOTAL_MASS
        thetaacc = (GRAVITY * sintheta - costheta * temp) / (LENGTH * (4.0 / 3.0 - MASSPOLE * costheta ** 2 / TOTAL_MASS))
        xacc = temp - POLEMASS_LENGTH * thetaacc * costheta / TOTAL_MASS
        self.state = (x + TAU * x_dot, x_dot + TAU * xacc, theta + TAU * theta_dot, theta_dot + TAU * thetaacc)
        self.t += 1
        x, _, theta, _ = self.state
        terminated = x < -X_THRESHOLD or x > X_THRESHOLD or theta < -THETA_THRESHOLD or theta > THETA_THRESHOLD
        return np.array(self.state, dtype=np.float32), 1.0, terminated, self.t >= MAX_STEPS_EPISODE


def greedy_mean(network, episodes, seed):
    """The mean return of `episodes` episodes taking argmax of `network`'s outputs (one environment seeded `seed`)."""
    env, total = CartPole(seed), 0.0
    for _ in range(episodes):
        obs, done = env.reset(), False
        while not done:
            with torch.no_grad():
                action = int(network(torch.from_numpy(obs)).argmax())
            obs, reward, terminated, truncated = env.step(action)
            total += reward
            done = terminated or truncated
    return total / episodes


class SolveCheck:
    """Ruru's SolveCheck: after an iteration that ends past another SCREEN_EVERY steps, or whose last 100
    training episodes average >= 475, play SCREEN_EPISODES greedy episodes; when they average >= 475, play
    EVALUATION_EPISODES; solved when those average >= 475 (steps: those done at that moment)."""

    def __init__(self, screen, evaluate):
        self.screen, self.evaluate = screen, evaluate
        self.solved, self.steps, self.evaluation, self.next_screen = False, None, float("nan"), SCREEN_EVERY

    def after_iteration(self, steps, returns):
        training = len(returns) >= 100 and np.mean(returns[-100:]) >= SOLVED
        if steps < self.next_screen and not training:
            return
        while self.next_screen <= steps:
            self.next_screen += SCREEN_EVERY
        if self.screen() >= SOLVED:
            self.evaluation = self.evaluate()
            if self.evaluation >= SOLVED:
                self.solved, self.steps = True, steps
