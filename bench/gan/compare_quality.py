#!/usr/bin/python3
"""Sample quality of the DCGAN against PyTorch's DCGAN and Ruru's VAE, same data, same run, one classifier.

On the first IMAGES Fashion-MNIST training images (and the first 2,000 test images), written as IDX files
as bench/gan/compare_dcgan.py does: bench/gan/dcgan_torch.py trains PyTorch's DCGAN for EPOCHS epochs and
saves 1,000 samples; `ruru train --model gan` trains the same DCGAN; `ruru train --model vae` trains the
784-400-20 VAE for the same epochs on the same images. Then dev.ruru.models.quality.QualityBenchmark
trains one classifier (W3's CNN, 2 epochs) on those training images and prints, for 1,000 images of each,
the classifier-Fréchet distance to the test images' features and the classifier score, with real
training images (the floor) and uniform noise beside them. The DCGAN's seconds per epoch are printed too
(last epoch of each side, one thread). SEED seeds both sides; timings on a shared machine are noisy, so
read ratios.

    /usr/bin/python3 bench/gan/compare_quality.py [IMAGES] [EPOCHS] [SEED]     # default 6400 3 1
"""
import json, os, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from benchenv import bench_env, torch_env  # noqa: E402
from compare_dcgan import subset, ROOT  # noqa: E402


def ruru(*args):
    subprocess.run([os.path.join(ROOT, "ruru")] + [str(a) for a in args], capture_output=True, text=True, check=True, cwd=ROOT, env=bench_env())


def main():
    images = int(sys.argv[1]) if len(sys.argv) > 1 else 6400
    epochs = sys.argv[2] if len(sys.argv) > 2 else "3"
    seed = sys.argv[3] if len(sys.argv) > 3 else "1"
    with tempfile.TemporaryDirectory() as data:
        for kind, count in (("train", images), ("t10k", 2000)):
            subset(kind + "-images-idx3-ubyte.gz", count, data)
            subset(kind + "-labels-idx1-ubyte.gz", count, data)
        torch_samples = os.path.join(data, "torch.npy")
        torch_out = subprocess.run(["/usr/bin/python3", os.path.join(ROOT, "bench", "gan", "dcgan_torch.py"), data, epochs, torch_samples, seed],
                                   capture_output=True, text=True, check=True, env=torch_env(1)).stdout
        torch_seconds = [json.loads(line)["seconds"] for line in torch_out.splitlines() if line.startswith("{")]
        gan, vae = os.path.join(data, "gan"), os.path.join(data, "vae")
        ruru("train", "--model", "gan", "--latent", 100, "--gan-width", 32, "--batch-size", 64, "--epochs", epochs, "--threads", 1,
             "--seed", seed, "--data-dir", data, "--out", gan)
        ruru("train", "--model", "vae", "--latent", 20, "--hidden", 400, "--batch-size", 128, "--lr", 0.001, "--validation-split", 0,
             "--epochs", epochs, "--threads", 1, "--seed", seed, "--data-dir", data, "--out", vae)
        with open(os.path.join(gan, "metrics.json")) as f:
            ruru_seconds = [epoch["seconds"] for epoch in json.load(f)["epochs"]]
        print(f"DCGAN seconds per epoch (last of {epochs}, 1 thread): PyTorch {torch_seconds[-1]:.1f}, Ruru {ruru_seconds[-1]:.1f},"
              f" ratio {ruru_seconds[-1] / torch_seconds[-1]:.2f}", flush=True)
        java = subprocess.run(["bash", "-c", f"source {ROOT}/bin/find-jdk >/dev/null && echo $JAVA_HOME/bin/java && echo $RURU_DEFAULT_JAVA_OPTS"],
                              capture_output=True, text=True, check=True).stdout.splitlines()
        subprocess.run([java[0]] + java[1].split() + ["--enable-native-access=ALL-UNNAMED", "-cp", os.path.join(ROOT, "ruru-cli", "target", "ruru.jar"),
                        "dev.ruru.models.quality.QualityBenchmark", data, "1000", f"Ruru DCGAN={gan}", f"PyTorch DCGAN={torch_samples}",
                        f"Ruru VAE={vae}"], check=True, env=bench_env())


if __name__ == "__main__":
    main()
