#!/usr/bin/python3
"""DQN and REINFORCE on CartPole-v1: Ruru beside PyTorch, same hyper-parameters, same CartPole port, same session.

For each algorithm and seed, runs Ruru's SolveBenchmark (in ruru.jar) and the PyTorch script of the same
algorithm (bench/dqn_cartpole_torch.py, bench/reinforce_cartpole_torch.py) one after the other, each until
solved by the same protocol (dev.ruru.rl.run.SolveCheck: 100 greedy evaluation episodes average >= 475,
checked after iterations that cross another 2,500 steps or whose last 100 training episodes average
>= 475) or MAX_STEPS, and prints a Markdown table: steps (and episodes) to solve, wall-clock seconds and
peak resident memory on each side, and the ratio Ruru / PyTorch of the seconds. PyTorch runs at one
thread (the networks are small); Ruru as it runs. The machine is shared: quote the same-run ratios, not
the seconds.

Usage, from the repository root (builds the jar first if its sources changed):
    /usr/bin/python3 bench/compare_dqn_reinforce.py [ALGORITHMS] [SEEDS...] [--max-steps N]
    e.g. bench/compare_dqn_reinforce.py dqn,reinforce 1 2 3        # the default
         bench/compare_dqn_reinforce.py dqn-prioritized 1             # prioritised replay on both sides
"""
import json, os, subprocess, sys

from benchenv import bench_env, torch_env

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAR = os.path.join(ROOT, "ruru-cli", "target", "ruru.jar")
TORCH = {"dqn": ["dqn_cartpole_torch.py"], "dqn-prioritized": ["dqn_cartpole_torch.py", "--prioritized"],
         "reinforce": ["reinforce_cartpole_torch.py"]}


def run(command, env):
    """Runs `command`; returns its last JSON line with its peak RSS in MiB (from wait4's rusage) added."""
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    out, err = process.communicate()
    if process.returncode != 0:
        raise SystemExit(f"compare_dqn_reinforce: {' '.join(command)} failed:\n{out}\n{err}")
    line = [l for l in out.splitlines() if l.startswith("{")][-1]
    result = json.loads(line)
    result["rss"] = [float(l.split()[1]) / 1024 for l in err.splitlines() if l.startswith("peak-rss-kb ")][-1]
    print(line, f"peak RSS {result['rss']:.0f} MiB", file=sys.stderr)
    return result


def measured(command):
    """`command` under a tiny wrapper that prints the child's peak RSS (ru_maxrss, KiB) on stderr."""
    wrapper = ("import os, sys, subprocess\n"
               "pid = os.fork()\n"
               "if pid == 0:\n    os.execvp(sys.argv[1], sys.argv[1:])\n"
               "_, status, usage = os.wait4(pid, 0)\n"
               "print('peak-rss-kb', usage.ru_maxrss, file=sys.stderr)\n"
               "sys.exit(os.waitstatus_to_exitcode(status))\n")
    return ["/usr/bin/python3", "-c", wrapper] + command


def java_binary():
    java = os.path.join(os.environ.get("JAVA_HOME", ""), "bin", "java") if os.environ.get("JAVA_HOME") else None
    if java is None or not os.path.exists(java):
        java = subprocess.run(["bash", "-c", f"source {ROOT}/bin/find-jdk >/dev/null && echo $JAVA_HOME/bin/java"],
                              capture_output=True, text=True, check=True).stdout.strip()
    return java


def main():
    args = sys.argv[1:]
    max_steps = 200_000
    if "--max-steps" in args:
        at = args.index("--max-steps")
        max_steps = int(args[at + 1])
        del args[at:at + 2]
    algorithms = args[0].split(",") if args and not args[0].isdigit() else ["dqn", "reinforce"]
    seeds = [int(s) for s in args[1 if args and not args[0].isdigit() else 0:]] or [1, 2, 3]
    subprocess.run([os.path.join(ROOT, "ruru"), "--version"], check=True, capture_output=True)
    java = java_binary()
    print("| algorithm | seed | Ruru steps (episodes) | Ruru s | Ruru peak RSS MiB | PyTorch steps (episodes) | PyTorch s | PyTorch peak RSS MiB | Ruru / PyTorch (s) |")
    print("|---|---|---|---|---|---|---|---|---|")
    for algorithm in algorithms:
        for seed in seeds:
            ruru = run(measured([java, "--enable-native-access=ALL-UNNAMED", "-cp", JAR, "dev.ruru.rl.run.SolveBenchmark", algorithm, str(seed),
                                 str(max_steps)]), bench_env())
            script, *flags = TORCH[algorithm]
            torch = run(measured(["/usr/bin/python3", os.path.join(ROOT, "bench", script), str(seed), str(max_steps), "1", *flags]),
                        torch_env(1))

            def cell(r):
                steps = f"{r['steps']} ({r['episodes']})"
                return (steps if r["solved"] else f"not solved: {steps}"), f"{r['seconds']:.1f}", f"{r['rss']:.0f}"
            rs, rt, rm = cell(ruru)
            ts, tt, tm = cell(torch)
            ratio = ruru["seconds"] / torch["seconds"] if ruru["solved"] and torch["solved"] else float("nan")
            print(f"| {algorithm} | {seed} | {rs} | {rt} | {rm} | {ts} | {tt} | {tm} | {ratio:.2f} |", flush=True)


main()
