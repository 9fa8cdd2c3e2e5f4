"""Independent Python transcription of Gymnasium's Acrobot-v1 (acrobot.py, the book's dynamics: one rk4
step of 0.2 s, angles wrapped into [-pi, pi], velocities bounded by 4 pi and 9 pi), written from the
published equations (Gymnasium is not installed here), for AcrobotTest: fixed initial states and fixed
action sequences. Run: python3 acrobot_fixture.py > acrobot_trajectories.json
"""
import json

import numpy as np
from numpy import cos, pi, sin

DT = 0.2
M1 = M2 = L1 = 1.0
LC1 = LC2 = 0.5
I1 = I2 = 1.0
MAX_VEL_1, MAX_VEL_2 = 4 * pi, 9 * pi
TORQUES = [-1.0, 0.0, 1.0]


def dsdt(s_augmented):
    g = 9.8
    a = s_augmented[-1]
    theta1, theta2, dtheta1, dtheta2 = s_augmented[:-1]
    d1 = M1 * LC1**2 + M2 * (L1**2 + LC2**2 + 2 * L1 * LC2 * cos(theta2)) + I1 + I2
    d2 = M2 * (LC2**2 + L1 * LC2 * cos(theta2)) + I2
    phi2 = M2 * LC2 * g * cos(theta1 + theta2 - pi / 2.0)
    phi1 = (-M2 * L1 * LC2 * dtheta2**2 * sin(theta2) - 2 * M2 * L1 * LC2 * dtheta2 * dtheta1 * sin(theta2)
            + (M1 * LC1 + M2 * L1) * g * cos(theta1 - pi / 2) + phi2)
    ddtheta2 = (a + d2 / d1 * phi1 - M2 * L1 * LC2 * dtheta1**2 * sin(theta2) - phi2) / (M2 * LC2**2 + I2 - d2**2 / d1)
    ddtheta1 = -(d2 * ddtheta2 + phi1) / d1
    return dtheta1, dtheta2, ddtheta1, ddtheta2, 0.0


def rk4(y0):
    dt2 = DT / 2.0
    k1 = np.asarray(dsdt(y0))
    k2 = np.asarray(dsdt(y0 + dt2 * k1))
    k3 = np.asarray(dsdt(y0 + dt2 * k2))
    k4 = np.asarray(dsdt(y0 + DT * k3))
    return (y0 + DT / 6.0 * (k1 + 2 * k2 + 2 * k3 + k4))[:4]


def wrap(x, m, M):
    diff = M - m
    while x > M:
        x = x - diff
    while x < m:
        x = x + diff
    return x


def step(state, action):
    ns = rk4(np.append(state, TORQUES[action]))
    ns[0] = wrap(ns[0], -pi, pi)
    ns[1] = wrap(ns[1], -pi, pi)
    ns[2] = min(max(ns[2], -MAX_VEL_1), MAX_VEL_1)
    ns[3] = min(max(ns[3], -MAX_VEL_2), MAX_VEL_2)
    terminated = bool(-cos(ns[0]) - cos(ns[1] + ns[0]) > 1.0)
    obs = np.array([cos(ns[0]), sin(ns[0]), cos(ns[1]), sin(ns[1]), ns[2], ns[3]], dtype=np.float32)
    return ns, obs, (0.0 if terminated else -1.0), terminated


def case(initial, policy, steps):
    state = np.array(initial, dtype=np.float32).astype(np.float64)
    out = {"initial": [float(v) for v in state], "actions": [], "states": [], "observations": [], "rewards": [], "terminated": []}
    for t in range(steps):
        action = policy(t, state)
        state, obs, reward, terminated = step(state, action)
        out["actions"].append(action)
        out["states"].append([float(v) for v in state])
        out["observations"].append([float(v) for v in obs])
        out["rewards"].append(reward)
        out["terminated"].append(terminated)
        if terminated:
            break
    return out


def main():
    rng = np.random.default_rng(5)
    cases = [
        case([0.05, -0.03, 0.02, 0.01], lambda t, s: 2, 60),
        case([-0.08, 0.06, -0.01, 0.04], lambda t, s, a=[int(a) for a in rng.integers(0, 3, size=60)]: a[t], 60),
        # Torque with the second link's swing pumps energy until the tip reaches the bar (a terminal step).
        case([0.01, 0.02, 0.0, 0.0], lambda t, s: 2 if s[3] > 0 else 0, 500),
    ]
    print(json.dumps({"environment": "Acrobot-v1", "cases": cases}))


main()
