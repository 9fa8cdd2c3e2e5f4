#!/usr/bin/python3
"""PPO on CartPole-v1 in PyTorch: the reference for Ruru's PpoSolveBenchmark (bench/compare_ppo.py runs both).

Same port of CartPole as Ruru's (Gymnasium's equations: Euler steps of 0.02 s, 12 degree and 2.4 limits,
500-step truncation, U(-0.05, 0.05) resets; no Gymnasium needed), same vectorisation (8 copies, reset in
the step that ends an episode, copy i seeded seed + i, a truncated episode's final value added to its
last reward) and the same algorithm and hyper-parameters (PpoConfig.cartPole(): 8 x 32 steps, one
minibatch of 256, 20 epochs, gamma 0.98, GAE lambda 0.8, clip 0.2 and learning rate 1e-3 both annealed
linearly to 0, value clipping 0.2, no entropy bonus, value coefficient 0.5, gradient norm 0.5, Adam
eps 1e-5, separate 64-64 tanh actor and critic). Stops when solved: after an iteration whose last 100
training episodes average >= 475, 100 greedy evaluation episodes also average >= 475. Random numbers
differ from Ruru's, so the two runs learn alike, not step for step.

Usage: /usr/bin/python3 bench/ppo_cartpole_torch.py [SEED] [MAX_STEPS] [THREADS]   (prints one JSON line)
"""
import json
import sys
import time

import numpy as np
import torch
import torch.nn as nn

from cartpole_port import CartPole


def mlp(outputs, last_std):
    last = nn.Linear(64, outputs)
    nn.init.normal_(last.weight, 0.0, last_std)
    nn.init.zeros_(last.bias)
    return nn.Sequential(nn.Linear(4, 64), nn.Tanh(), nn.Linear(64, 64), nn.Tanh(), last)


def evaluate(actor, episodes, seed):
    env, total = CartPole(seed), 0.0
    for _ in range(episodes):
        obs, done = env.reset(), False
        while not done:
            with torch.no_grad():
                action = int(actor(torch.from_numpy(obs)).argmax())
            obs, reward, terminated, truncated = env.step(action)
            total += reward
            done = terminated or truncated
    return total / episodes


def main():
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    max_steps = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    torch.set_num_threads(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    torch.manual_seed(seed)
    copies, steps, minibatch, epochs = 8, 32, 256, 20
    gamma, lam, clip0, vclip, vf_coef, lr0, max_norm = 0.98, 0.8, 0.2, 0.2, 0.5, 1e-3, 0.5
    start = time.perf_counter()
    actor, critic = mlp(2, 0.01), mlp(1, 1.0 / 8)
    optimizer = torch.optim.Adam(list(actor.parameters()) + list(critic.parameters()), lr=lr0, eps=1e-5)
    envs = [CartPole(seed + i) for i in range(copies)]
    obs = np.stack([env.reset() for env in envs])
    running, episode_returns, total_steps = np.zeros(copies), [], 0
    iterations = (max_steps + copies * steps - 1) // (copies * steps)
    solved, evaluation, iteration = False, float("nan"), 0
    while iteration < iterations and not solved:
        frac = 1.0 - iteration / iterations
        for group in optimizer.param_groups:
            group["lr"] = frac * lr0
        clip = frac * clip0
        b_obs, b_act, b_logp, b_val = np.zeros((steps, copies, 4), np.float32), np.zeros((steps, copies), np.int64), np.zeros((steps, copies)), np.zeros((steps, copies))
        b_rew, b_done = np.zeros((steps, copies)), np.zeros((steps, copies))
        for t in range(steps):
            with torch.no_grad():
                x = torch.from_numpy(obs)
                logp_all = torch.log_softmax(actor(x), 1)
                actions = torch.distributions.Categorical(logits=logp_all).sample()
                values = critic(x).view(-1)
            b_obs[t], b_act[t] = obs, actions.numpy()
            b_logp[t], b_val[t] = logp_all.gather(1, actions.view(-1, 1)).view(-1).numpy(), values.numpy()
            next_obs = np.zeros_like(obs)
            for i, env in enumerate(envs):
                o, r, terminated, truncated = env.step(int(actions[i]))
                total_steps += 1
                running[i] += r
                b_rew[t, i], b_done[t, i] = r, float(terminated or truncated)
                if truncated and not terminated:
                    with torch.no_grad():
                        b_rew[t, i] += gamma * float(critic(torch.from_numpy(o)).view(-1)[0])
                if terminated or truncated:
                    episode_returns.append(running[i])
                    running[i] = 0
                    o = env.reset()
                next_obs[i] = o
            obs = next_obs
        with torch.no_grad():
            last_values = critic(torch.from_numpy(obs)).view(-1).numpy()
        advantages, next_adv = np.zeros((steps, copies)), np.zeros(copies)
        for t in reversed(range(steps)):
            next_value = last_values if t == steps - 1 else b_val[t + 1]
            cont = 1.0 - b_done[t]
            delta = b_rew[t] + gamma * next_value * cont - b_val[t]
            next_adv = delta + gamma * lam * cont * next_adv
            advantages[t] = next_adv
        returns = advantages + b_val
        f_obs = torch.from_numpy(b_obs.reshape(-1, 4))
        f_act = torch.from_numpy(b_act.reshape(-1))
        f_logp, f_adv, f_ret, f_val = (torch.tensor(a.reshape(-1), dtype=torch.float32) for a in (b_logp, advantages, returns, b_val))
        size = copies * steps
        for _ in range(epochs):
            order = torch.randperm(size)
            for s in range(0, size, minibatch):
                mb = order[s:s + minibatch]
                logp = torch.log_softmax(actor(f_obs[mb]), 1)
                new_logp = logp.gather(1, f_act[mb].view(-1, 1)).view(-1)
                ratio = (new_logp - f_logp[mb]).exp()
                adv = f_adv[mb]
                adv = (adv - adv.mean()) / (adv.std() + 1e-8)
                pg_loss = torch.max(-adv * ratio, -adv * torch.clamp(ratio, 1 - clip, 1 + clip)).mean()
                new_value = critic(f_obs[mb]).view(-1)
                v_clipped = f_val[mb] + torch.clamp(new_value - f_val[mb], -vclip, vclip)
                v_loss = 0.5 * torch.max((new_value - f_ret[mb]) ** 2, (v_clipped - f_ret[mb]) ** 2).mean()
                loss = pg_loss + vf_coef * v_loss
                optimizer.zero_grad()
                loss.backward()
                nn.utils.clip_grad_norm_(list(actor.parameters()) + list(critic.parameters()), max_norm)
                optimizer.step()
        iteration += 1
        if len(episode_returns) >= 100 and np.mean(episode_returns[-100:]) >= 475:
            evaluation = evaluate(actor, 100, 1_000_000 * (seed + 1))
            solved = evaluation >= 475
    seconds = time.perf_counter() - start
    print(json.dumps({"side": "pytorch", "seed": seed, "solved": bool(solved), "steps": total_steps, "seconds": round(seconds, 2),
                      "iterations": iteration, "episodes": len(episode_returns), "evaluation": round(evaluation, 1),
                      "threads": torch.get_num_threads()}))


main()
