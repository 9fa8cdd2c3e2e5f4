"""Independent Python transcription of Gymnasium's CartPole-v1 (cartpole.py: Euler integration, 12 degree
and 2.4 limits, TimeLimit of 500 steps), used to make cartpole_trajectories.json for CartPoleTest.

Gymnasium itself is not installed here: this port is written from the published equations. Each case starts
from a fixed state and replays a fixed action sequence (or records the actions of a simple fixed policy),
until the episode terminates or is truncated. Run: python3 cartpole_fixture.py > cartpole_trajectories.json
"""
import json
import math

import numpy as np

GRAVITY, MASSCART, MASSPOLE = 9.8, 1.0, 0.1
TOTAL_MASS = MASSPOLE + MASSCART
LENGTH = 0.5
POLEMASS_LENGTH = MASSPOLE * LENGTH
FORCE_MAG, TAU = 10.0, 0.02
THETA_THRESHOLD = 12 * 2 * math.pi / 360
X_THRESHOLD = 2.4
MAX_STEPS = 500


def step(state, action):
    x, x_dot, theta, theta_dot = state
    force = FORCE_MAG if action == 1 else -FORCE_MAG
    costheta, sintheta = math.cos(theta), math.sin(theta)
    temp = (force + POLEMASS_LENGTH * theta_dot ** 2 * sintheta) / TOTAL_MASS
    thetaacc = (GRAVITY * sintheta - costheta * temp) / (LENGTH * (4.0 / 3.0 - MASSPOLE * costheta ** 2 / TOTAL_MASS))
    xacc = temp - POLEMASS_LENGTH * thetaacc * costheta / TOTAL_MASS
    x = x + TAU * x_dot
    x_dot = x_dot + TAU * xacc
    theta = theta + TAU * theta_dot
    theta_dot = theta_dot + TAU * thetaacc
    state = (x, x_dot, theta, theta_dot)
    terminated = bool(x < -X_THRESHOLD or x > X_THRESHOLD or theta < -THETA_THRESHOLD or theta > THETA_THRESHOLD)
    return state, 1.0, terminated


def run(initial, policy):
    state = tuple(initial)
    case = {"initial": list(initial), "actions": [], "observations": [], "states": [], "rewards": [], "terminated": [], "truncated": []}
    for t in range(MAX_STEPS):
        action = policy(t, state)
        state, reward, terminated = step(state, action)
        truncated = t + 1 >= MAX_STEPS
        case["actions"].append(action)
        case["observations"].append([float(v) for v in np.array(state, dtype=np.float32)])
        case["states"].append(list(state))
        case["rewards"].append(reward)
        case["terminated"].append(terminated)
        case["truncated"].append(truncated)
        if terminated or truncated:
            break
    return case


def main():
    rng = np.random.default_rng(7)
    random_actions = [int(a) for a in rng.integers(0, 2, size=MAX_STEPS)]
    cases = [
        run([0.01, -0.02, 0.03, 0.04], lambda t, s: 1),
        run([-0.04, 0.03, -0.02, 0.01], lambda t, s: 0),
        run([0.0, 0.0, 0.0, 0.0], lambda t, s: t % 2),
        run([0.02, 0.01, -0.03, -0.01], lambda t, s: random_actions[t]),
        # A pole-angle controller balances for the whole 500 steps: the TimeLimit truncation case.
        run([0.03, -0.01, 0.02, 0.0], lambda t, s: 1 if s[2] + 0.5 * s[3] > 0 else 0),
    ]
    print(json.dumps({"environment": "CartPole-v1", "cases": cases}))


main()
