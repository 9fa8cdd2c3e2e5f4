"""Independent Python transcriptions of Gymnasium's MountainCar-v0 (mountain_car.py) and FrozenLake-v1
(frozen_lake.py), written from the published equations (Gymnasium is not installed here), for
MountainCarTest and FrozenLakeTest. MountainCar: fixed initial states and action sequences, until the
200-step limit or the flag. FrozenLake: the whole transition table P of the 4x4 and 8x8 maps, slippery and
not, and deterministic walks. Run: python3 classic_fixture.py > classic_trajectories.json
"""
import json
import math

import numpy as np

MIN_POSITION, MAX_POSITION, MAX_SPEED, GOAL_POSITION = -1.2, 0.6, 0.07, 0.5
FORCE, GRAVITY = 0.001, 0.0025


def mountain_car_step(state, action):
    position, velocity = state
    velocity += (action - 1) * FORCE + math.cos(3 * position) * (-GRAVITY)
    velocity = float(np.clip(velocity, -MAX_SPEED, MAX_SPEED))
    position += velocity
    position = float(np.clip(position, MIN_POSITION, MAX_POSITION))
    if position == MIN_POSITION and velocity < 0:
        velocity = 0.0
    terminated = bool(position >= GOAL_POSITION and velocity >= 0)
    return (position, velocity), -1.0, terminated


def mountain_car_case(initial, policy):
    state = tuple(initial)
    case = {"initial": list(initial), "actions": [], "states": [], "observations": [], "terminated": [], "truncated": []}
    for t in range(200):
        action = policy(t, state)
        state, reward, terminated = mountain_car_step(state, action)
        case["actions"].append(action)
        case["states"].append(list(state))
        case["observations"].append([float(v) for v in np.array(state, dtype=np.float32)])
        case["terminated"].append(terminated)
        case["truncated"].append(t + 1 >= 200)
        if terminated:
            break
    return case


MAPS = {
    "4x4": ["SFFF", "FHFH", "FFFH", "HFFG"],
    "8x8": ["SFFFFFFF", "FFFFFFFF", "FFFHFFFF", "FFFFFHFF", "FFFHFFFF", "FHHFFFHF", "FHFFHFHF", "FFFHFFFG"],
}


def frozen_lake_table(desc, slippery):
    nrow, ncol = len(desc), len(desc[0])

    def inc(row, col, a):
        if a == 0:
            col = max(col - 1, 0)
        elif a == 1:
            row = min(row + 1, nrow - 1)
        elif a == 2:
            col = min(col + 1, ncol - 1)
        elif a == 3:
            row = max(row - 1, 0)
        return row, col

    def update(row, col, action):
        newrow, newcol = inc(row, col, action)
        newstate = newrow * ncol + newcol
        letter = desc[newrow][newcol]
        return newstate, float(letter == "G"), letter in "GH"

    table = []
    for row in range(nrow):
        for col in range(ncol):
            s = row * ncol + col
            by_action = []
            for a in range(4):
                li = []
                if desc[row][col] in "GH":
                    li.append([1.0, s, 0.0, True])
                elif slippery:
                    for b in [(a - 1) % 4, a, (a + 1) % 4]:
                        li.append([1.0 / 3.0, *update(row, col, b)])
                else:
                    li.append([1.0, *update(row, col, a)])
                by_action.append(li)
            table.append(by_action)
    return table


def main():
    rng = np.random.default_rng(11)
    random_actions = [int(a) for a in rng.integers(0, 3, size=200)]
    mountain = [
        mountain_car_case([-0.5, 0.0], lambda t, s: 2),
        mountain_car_case([-0.45, 0.0], lambda t, s: random_actions[t]),
        # Push with the velocity: reaches the flag well inside 200 steps.
        mountain_car_case([-0.55, 0.0], lambda t, s: 2 if s[1] >= 0 else 0),
        # Push left into the wall: exercises the clip and the zeroed velocity at -1.2.
        mountain_car_case([-1.1, -0.02], lambda t, s: 0),
    ]
    lakes = {}
    for name, desc in MAPS.items():
        for slippery in (False, True):
            lakes[f"{name}-{'slippery' if slippery else 'deterministic'}"] = frozen_lake_table(desc, slippery)
    print(json.dumps({"mountain_car": mountain, "frozen_lake": lakes}))


main()
