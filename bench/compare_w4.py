#!/usr/bin/python3
"""W4, the char-level LSTM language model: Ruru beside PyTorch on this machine, in one session.

Runs ../shared/anchors/w4_lstm_torch.py and `./ruru bench w4 --json` one after the other at 1 and then
2 threads, and prints tokens per second, their ratio (target: Ruru/PyTorch >= 1.0) and the losses as a
Markdown table; the raw result lines go to stderr. Both read the same text ($W4_TEXT_DIR, default
/usr/share/common-licenses) and report the median of BLOCKS timed blocks of 200 steps after 10 warm-up
steps. PyTorch at 2 threads runs on Debian's OpenMP build of OpenBLAS (libopenblas0-openmp), its fair
configuration on two cores (../shared/anchors/README.md). Usage, from the repository root after
`./ruru --version` has built the jar (PyTorch takes ~30 s per block at 1 thread):
    /usr/bin/python3 bench/compare_w4.py [BLOCKS]        # BLOCKS defaults to 3; 1 for a quick check
"""
import json, os, subprocess, sys

from benchenv import bench_env, torch_env

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ANCHORS = os.path.join(ROOT, "..", "shared", "anchors")
BLOCKS = int(sys.argv[1]) if len(sys.argv) > 1 else 3
TARGET = 1.0


def result_line(output, what):
    for line in output.splitlines():
        if line.startswith("RESULT "):
            line = line[len("RESULT "):]
        if line.startswith("{"):
            print(f"{what}: {line}", file=sys.stderr, flush=True)
            return json.loads(line)
    raise SystemExit(f"compare_w4: {what} printed no result line:\n{output}")


def torch(threads):
    env = torch_env(threads)
    run = subprocess.run(["/usr/bin/python3", "w4_lstm_torch.py", str(BLOCKS)], cwd=ANCHORS, env=env, capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(f"compare_w4: w4_lstm_torch.py failed at {threads} threads:\n{run.stderr}")
    return result_line(run.stdout, f"PyTorch, {threads} thread(s)")


def ruru(threads):
    command = [os.path.join(ROOT, "ruru"), "bench", "w4", "--threads", str(threads), "--repeat", str(BLOCKS), "--json"]
    run = subprocess.run(command, env=bench_env(), capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(f"compare_w4: {' '.join(command)} failed:\n{run.stderr}")
    return result_line(run.stdout, f"Ruru, {threads} thread(s)")


def main():
    rows = []
    for threads in (1, 2):
        theirs = torch(threads)
        ours = ruru(threads)
        if ours["text_chars"] != theirs["text_chars"]:
            print(f"compare_w4: the texts differ: {ours['text_chars']} characters for Ruru, {theirs['text_chars']} for PyTorch",
                  file=sys.stderr)
        rows.append((threads, ours, theirs))
    print(f"W4, median of {BLOCKS} block(s) of 200 steps (batch 32 × 64 characters)")
    print()
    print("| threads | Ruru tokens/s | PyTorch tokens/s | ratio | target | ms/step Ruru / PyTorch | loss first → last, Ruru | PyTorch |")
    print("|---|---|---|---|---|---|---|---|")
    for threads, ours, theirs in rows:
        ratio = ours["tokens_per_s"] / theirs["tokens_per_s"]
        mark = "✓" if ratio >= TARGET else "✗"
        print(f"| {threads} | {ours['tokens_per_s']:,} | {theirs['tokens_per_s']:,} | {ratio:.2f} | ≥ {TARGET} {mark} "
              f"| {ours['ms_per_step']} / {theirs['ms_per_step']} "
              f"| {ours['loss_first']} → {ours['loss_last']} | {theirs['loss_first']} → {theirs['loss_last']} |")


if __name__ == "__main__":
    main()
