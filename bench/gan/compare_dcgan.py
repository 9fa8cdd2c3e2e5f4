#!/usr/bin/python3
"""DCGAN seconds per epoch: Ruru's `ruru train --model gan` beside bench/gan/dcgan_torch.py, same run, same data.

Both train GanSpec's DCGAN (latent 100, width 32, batch 64, two Adams) for EPOCHS epochs on the first
IMAGES Fashion-MNIST training images, which this script writes as IDX files into a temporary directory
(so both sides read exactly the same images). The sides run in turn, PyTorch then Ruru, PAIRS times
(the load of a shared machine changes; interleaving exposes both sides to it alike). The table gives
each pair's last epoch per side (warm: Java's JIT compiles during the first), the ratio Ruru / PyTorch
and the load average when the pair started; the last line, the median ratio, at THREADS threads.

    /usr/bin/python3 bench/gan/compare_dcgan.py [IMAGES] [EPOCHS] [THREADS] [PAIRS]     # default 6400 2 1 3
"""
import gzip, json, os, statistics, subprocess, sys, tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from benchenv import bench_env, torch_env  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SOURCE = "/usr/share/datasets/fashion-mnist"


def subset(name, count, target):
    """The first `count` items of IDX file `name`, re-written with the item count adjusted."""
    with gzip.open(os.path.join(SOURCE, name), "rb") as f:
        data = f.read()
    dims = data[3]
    item = 1
    for i in range(1, dims):
        item *= int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big")
    header = data[:4] + count.to_bytes(4, "big") + data[8:4 + 4 * dims]
    with gzip.open(os.path.join(target, name), "wb") as f:
        f.write(header + data[4 + 4 * dims:4 + 4 * dims + count * item])


def pair(data, epochs, threads):
    """One PyTorch run, then one Ruru run: each side's per-epoch JSON records."""
    torch_out = subprocess.run(["/usr/bin/python3", os.path.join(ROOT, "bench", "gan", "dcgan_torch.py"), data, epochs],
                               capture_output=True, text=True, check=True, env=torch_env(threads)).stdout
    torch_epochs = [json.loads(line) for line in torch_out.splitlines() if line.startswith("{")]
    run = os.path.join(data, "ruru")
    subprocess.run([os.path.join(ROOT, "ruru"), "train", "--model", "gan", "--latent", "100", "--gan-width", "32", "--batch-size", "64",
                    "--epochs", epochs, "--threads", str(threads), "--data-dir", data, "--out", run],
                   capture_output=True, text=True, check=True, cwd=ROOT, env=bench_env())
    with open(os.path.join(run, "metrics.json")) as f:
        ruru_epochs = json.load(f)["epochs"]
    print(json.dumps({"torch": torch_epochs, "ruru": ruru_epochs}), file=sys.stderr)
    return torch_epochs[-1], ruru_epochs[-1]


def main():
    images = int(sys.argv[1]) if len(sys.argv) > 1 else 6400
    epochs = sys.argv[2] if len(sys.argv) > 2 else "2"
    threads = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    pairs = int(sys.argv[4]) if len(sys.argv) > 4 else 3
    print("| images | threads | load | PyTorch s/epoch | Ruru s/epoch | Ruru / PyTorch | PyTorch L_D, L_G | Ruru L_D, L_G |")
    print("|---|---|---|---|---|---|---|---|")
    ratios = []
    with tempfile.TemporaryDirectory() as data:
        for kind, count in (("train", images), ("t10k", 1000)):
            subset(kind + "-images-idx3-ubyte.gz", count, data)
            subset(kind + "-labels-idx1-ubyte.gz", count, data)
        for _ in range(pairs):
            load = os.getloadavg()[0]
            t, r = pair(data, epochs, threads)
            ratios.append(r["seconds"] / t["seconds"])
            print("| %d | %d | %.1f | %.1f | %.1f | %.2f | %.3f, %.3f | %.3f, %.3f |" % (images, threads, load, t["seconds"], r["seconds"],
                  ratios[-1], t["discriminator_loss"], t["generator_loss"], r["train_discriminator_loss"], r["train_generator_loss"]), flush=True)
    print("median Ruru / PyTorch over %d pairs: %.2f" % (pairs, statistics.median(ratios)))


if __name__ == "__main__":
    main()
