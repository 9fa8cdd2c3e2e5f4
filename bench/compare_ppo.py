#!/usr/bin/python3
"""PPO on CartPole-v1: Ruru beside PyTorch, same hyper-parameters, same CartPole port, same session.

For each seed, runs Ruru's PpoSolveBenchmark (in ruru.jar) and bench/ppo_cartpole_torch.py one after the
other, each until solved (mean >= 475 over 100 greedy evaluation episodes, checked after iterations whose
last 100 training episodes average >= 475) or 100,000 steps, and prints a Markdown table: steps and
wall-clock seconds to solve on each side, and the ratio Ruru / PyTorch of the seconds (target <= 1.0).
PyTorch runs at one thread (the networks are 64 wide: more threads only add overhead); Ruru as it runs.
The machine is shared: quote the same-run ratios, not the seconds.

Usage, from the repository root (builds the jar first if its sources changed):
    /usr/bin/python3 bench/compare_ppo.py [SEEDS...]          # default: 1 2 3
"""
import json, os, subprocess, sys

from benchenv import bench_env, torch_env

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "ruru-cli", "target", "ruru.jar")


def run(command, env):
    result = subprocess.run(command, env=env, capture_output=True, text=True, cwd=ROOT)
    if result.returncode != 0:
        raise SystemExit(f"compare_ppo: {' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")
    line = [l for l in result.stdout.splitlines() if l.startswith("{")][-1]
    print(line, file=sys.stderr)
    return json.loads(line)


def main():
    seeds = [int(s) for s in sys.argv[1:]] or [1, 2, 3]
    subprocess.run([os.path.join(ROOT, "ruru"), "--version"], check=True, capture_output=True)
    java = os.path.join(os.environ.get("JAVA_HOME", ""), "bin", "java") if os.environ.get("JAVA_HOME") else None
    if java is None or not os.path.exists(java):
        java = subprocess.run(["bash", "-c", f"source {ROOT}/bin/find-jdk >/dev/null && echo $JAVA_HOME/bin/java"],
                              capture_output=True, text=True, check=True).stdout.strip()
    print("| seed | Ruru steps | Ruru s | PyTorch steps | PyTorch s | Ruru / PyTorch (s) |")
    print("|---|---|---|---|---|---|")
    for seed in seeds:
        ruru = run([java, "-cp", JAR, "dev.ruru.rl.ppo.PpoSolveBenchmark", str(seed), "100000"], bench_env())
        torch = run(["/usr/bin/python3", os.path.join(ROOT, "bench", "ppo_cartpole_torch.py"), str(seed), "100000", "1"], torch_env(1))
        def cell(r):
            return (f"{r['steps']}" if r["solved"] else f"not solved ({r['steps']})"), f"{r['seconds']:.1f}"
        rs, rt = cell(ruru)
        ts, tt = cell(torch)
        ratio = ruru["seconds"] / torch["seconds"] if ruru["solved"] and torch["solved"] else float("nan")
        print(f"| {seed} | {rs} | {rt} | {ts} | {tt} | {ratio:.2f} |", flush=True)


main()
