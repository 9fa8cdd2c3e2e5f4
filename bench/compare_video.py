#!/usr/bin/python3
"""The video benchmark: Ruru's `ruru train --model convlstm` beside the same encoder-forecaster in PyTorch
(bench/convlstm_torch.py), same machine, same run, as a Markdown table.

Both train the ConvLSTM encoder-forecaster (64x64 frames in 4x4 patches, two layers of 16 channels, 3x3
kernels, 10 frames in, 10 out) with Adam on CLIPS Moving Fashion-MNIST training clips per epoch, batch 8,
for EPOCHS epochs, and report on TEST_CLIPS test clips (made from the test images) the squared error summed
over a frame's 64x64 pixels per frame and SSIM, each beside copying the last input frame (and the error of
an all-black prediction, which a blurry model can beat copying with), the median seconds
per training epoch, and the peak RSS of the whole process. Ruru runs
  ruru train --model convlstm --clips CLIPS --test-clips TEST_CLIPS --batch-size 8 --lr LR --epochs EPOCHS
             --threads T --seed S
and its numbers come from metrics.json ("test", "epochs"[i]."seconds"). The two sides make their clips and
weights from different random streams, so test numbers differ by their draws as well as by the frameworks.

Usage, from the repository root (builds the jar first if its sources changed):
    /usr/bin/python3 bench/compare_video.py [EPOCHS] [CLIPS] [TEST_CLIPS] [THREADS,...] [LR] [SEED]   # e.g. 2 256 64 1 0.003 0
"""
import json, os, statistics, subprocess, sys, tempfile

from benchenv import torch_env, bench_env

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def timed(command, env):
    """Runs command under /usr/bin/time; returns (stdout, peak RSS in MB)."""
    run = subprocess.run(["/usr/bin/time", "-f", "PEAK_RSS_KB %M", *command], env=env, capture_output=True, text=True)
    if run.returncode != 0:
        raise SystemExit(f"compare_video: {' '.join(command)} failed:\n{run.stdout}\n{run.stderr}")
    rss = next(int(line.split()[1]) for line in run.stderr.splitlines() if line.startswith("PEAK_RSS_KB"))
    return run.stdout, rss / 1024


def pytorch(epochs, clips, test_clips, threads, lr, seed):
    out, rss = timed(["/usr/bin/python3", os.path.join(ROOT, "bench", "convlstm_torch.py"), str(epochs), str(clips), str(test_clips), "8",
                      str(lr), str(seed)], torch_env(threads))
    result = json.loads(next(line for line in out.splitlines() if line.startswith("RESULT "))[len("RESULT "):])
    return result["test"], statistics.median(result["seconds"]), rss


def ruru(epochs, clips, test_clips, threads, lr, seed):
    subprocess.run([os.path.join(ROOT, "ruru"), "--version"], env=bench_env(), capture_output=True, check=True)  # builds the jar, untimed
    with tempfile.TemporaryDirectory() as directory:
        command = [os.path.join(ROOT, "ruru"), "train", "--model", "convlstm", "--clips", str(clips), "--test-clips", str(test_clips),
                   "--batch-size", "8", "--lr", str(lr), "--epochs", str(epochs), "--threads", str(threads), "--seed", str(seed),
                   "--out", directory]
        _, rss = timed(command, bench_env())
        with open(os.path.join(directory, "metrics.json")) as f:
            metrics = json.load(f)
    return metrics["test"], statistics.median(epoch["seconds"] for epoch in metrics["epochs"]), rss


def main():
    epochs = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    clips = int(sys.argv[2]) if len(sys.argv) > 2 else 256
    test_clips = int(sys.argv[3]) if len(sys.argv) > 3 else 64
    thread_counts = [int(t) for t in (sys.argv[4] if len(sys.argv) > 4 else "1").split(",")]
    lr = float(sys.argv[5]) if len(sys.argv) > 5 else 0.003
    seed = int(sys.argv[6]) if len(sys.argv) > 6 else 0
    print(f"{epochs} epochs of {clips} clips, batch 8, Adam {lr}; {test_clips} test clips; MSE summed over a frame's pixels")
    print("| threads | side | s/epoch | ratio | test MSE/frame | copy-last MSE/frame | all-black MSE/frame | test SSIM | copy-last SSIM"
          " | peak RSS MB |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for threads in thread_counts:
        torch_test, torch_seconds, torch_rss = pytorch(epochs, clips, test_clips, threads, lr, seed)
        ruru_test, ruru_seconds, ruru_rss = ruru(epochs, clips, test_clips, threads, lr, seed)
        for side, test, seconds, rss in (("PyTorch", torch_test, torch_seconds, torch_rss), ("Ruru", ruru_test, ruru_seconds, ruru_rss)):
            print(f"| {threads} | {side} | {seconds:.2f} | {seconds / torch_seconds:.2f} | {test['mse_frame']:.1f} | "
                  f"{test['copy_last_mse_frame']:.1f} | {test['black_mse_frame']:.1f} | {test['ssim']:.3f} | {test['copy_last_ssim']:.3f} | {rss:.0f} |", flush=True)


if __name__ == "__main__":
    main()
