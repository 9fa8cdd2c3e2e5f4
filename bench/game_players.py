#!/usr/bin/python3
"""Game players by search (issue 22): tic-tac-toe and Connect Four win/draw/loss tables, as Markdown.

Trains an AlphaZero player for each game with `ruru selfplay` (a time budget each), then plays
`ruru arena` matches of GAMES games (each side moving first in half of them):
  tic-tac-toe   uct-2000 and AlphaZero (PUCT, TTT_SIMULATIONS a move) against minimax and against random
  Connect Four  AlphaZero (PUCT, C4_SIMULATIONS a move) against uct-1000
and prints one table row per match: wins, draws, losses of the first player and its score
(wins + draws/2) / games. Targets (issue 22): against minimax no loss; against random >= 90 % wins;
Connect Four AlphaZero >= 0.9 against uct-1000 after 30 minutes of training.
Nothing here is a timing, so the shared machine's load changes how far training gets in its budget,
not the meaning of a row. There is no PyTorch side: the judges (minimax, UCT) are the reference.

Usage, from the repository root (builds the jar first when its sources changed):
    /usr/bin/python3 bench/game_players.py [TTT_MINUTES] [C4_MINUTES] [GAMES] [TTT_SIMULATIONS] [C4_SIMULATIONS]
    (defaults 5 30 100 50 200; the issue's Connect Four target needs the 30 minutes; C4_MINUTES 0 leaves Connect Four out)
"""
import os, re, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RURU = os.path.join(ROOT, "ruru")
OUT = os.path.join(ROOT, "runs", "bench-games")


def ruru(*args):
    run = subprocess.run([RURU, *args], cwd=ROOT, capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(f"game_players: ruru {' '.join(args)} failed:\n{run.stdout}\n{run.stderr}")
    return run.stdout


def arena(first, second, games, simulations, game=None):
    args = ["arena", first, second, "--games", str(games), "--simulations", str(simulations), "--seed", "1"]
    out = ruru(*args, *(["--game", game] if game else []))
    total = re.search(r"^total\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+([\d.]+)", out, re.M)
    seconds = re.search(r"games in ([\d.]+) s", out)
    return [int(total.group(i)) for i in range(1, 5)] + [float(total.group(5)), float(seconds.group(1))]


def train(game, minutes):
    directory = os.path.join(OUT, game)
    out = ruru("selfplay", "--game", game, "--minutes", str(minutes), "--out", directory)
    iterations = len(re.findall(r"^iteration ", out, re.M))
    return directory, iterations


def main():
    args = sys.argv[1:] + [None] * 5
    ttt_minutes, c4_minutes = float(args[0] or 5), float(args[1] or 30)
    games, ttt_sims, c4_sims = int(args[2] or 100), int(args[3] or 50), int(args[4] or 200)
    ttt, ttt_iterations = train("tictactoe", ttt_minutes)
    rows = [
        ("tic-tac-toe", "uct-2000", "minimax", arena("uct-2000", "minimax", games, ttt_sims)),
        ("tic-tac-toe", "uct-2000", "random", arena("uct-2000", "random", games, ttt_sims)),
        ("tic-tac-toe", f"AlphaZero ({ttt_minutes:g} min, {ttt_iterations} it.) @{ttt_sims}", "minimax", arena(ttt, "minimax", games, ttt_sims)),
        ("tic-tac-toe", f"AlphaZero ({ttt_minutes:g} min, {ttt_iterations} it.) @{ttt_sims}", "random", arena(ttt, "random", games, ttt_sims)),
    ]
    if c4_minutes > 0:
        c4, c4_iterations = train("connect4", c4_minutes)
        rows.append(("Connect Four", f"AlphaZero ({c4_minutes:g} min, {c4_iterations} it.) @{c4_sims}", "uct-1000",
                     arena(c4, "uct-1000", games, c4_sims)))
    print("| game | player | opponent | games | wins | draws | losses | score | arena s |")
    print("|---|---|---|---:|---:|---:|---:|---:|---:|")
    for game, player, opponent, (n, wins, draws, losses, score, seconds) in rows:
        print(f"| {game} | {player} | {opponent} | {n} | {wins} | {draws} | {losses} | {score:.3f} | {seconds:.0f} |")


if __name__ == "__main__":
    main()
