#!/usr/bin/python3
"""The transfer experiment in PyTorch: the same program as Ruru's TransferExperiment
(ruru-models dev.ruru.models.transfer), step for step.

Pretrain W3 (28x28 -> conv 16 -> pool -> conv 32 -> pool -> 1568 -> 128 -> 5) on Fashion-MNIST classes
0-4 for 2 epochs (Adam 1e-3, batch 32, every training image of those classes), then learn classes 5-9
(relabelled 0-4) from N = 10, 50, 500 labelled training images per class, drawn per seed, three ways:
  scratch    W3 with fresh weights
  frozen     the pretrained layers frozen (requires_grad False), a new Linear(128, 5) head trained
  fine-tune  the pretrained layers and a new head, all trained
each for ceil(300 * 32 / (5 N)) epochs of Adam 1e-3 at batch 32 (about 300 steps), and score each on
all 5,000 test images of classes 5-9. Prints one JSON line: {"side": "pytorch", "accuracy": {way: {N: [per seed]}}}.

Usage: /usr/bin/python3 bench/transfer_torch.py [SEEDS=1] [DATA_DIR=/usr/share/datasets/fashion-mnist]
"""
import gzip, json, math, os, sys
import numpy as np
import torch
from torch import nn

PRETRAIN, TARGET = [0, 1, 2, 3, 4], [5, 6, 7, 8, 9]
LABELS, STEPS, BATCH, LR, PRETRAIN_EPOCHS = [10, 50, 500], 300, 32, 1e-3, 2


def idx(path):
    with gzip.open(path) as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def load(directory):
    part = lambda name: idx(os.path.join(directory, name))
    return ((part("train-images-idx3-ubyte.gz"), part("train-labels-idx1-ubyte.gz")),
            (part("t10k-images-idx3-ubyte.gz"), part("t10k-labels-idx1-ubyte.gz")))


def subset(images, labels, classes):
    """The examples of `classes`, relabelled by position, pixels scaled to [0, 1]."""
    keep = np.isin(labels, classes)
    relabel = {c: i for i, c in enumerate(classes)}
    x = torch.tensor(images[keep], dtype=torch.float32) / 255
    y = torch.tensor([relabel[int(c)] for c in labels[keep]], dtype=torch.long)
    return x, y


def per_class(x, y, n, rng):
    chosen = np.concatenate([rng.choice(np.flatnonzero(y.numpy() == c), n, replace=False) for c in range(int(y.max()) + 1)])
    return x[chosen], y[chosen]


def w3(classes):
    return nn.Sequential(nn.Unflatten(1, (1, 28)), nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                         nn.Linear(1568, 128), nn.ReLU(), nn.Linear(128, classes))


def train(model, x, y, epochs, generator):
    adam = torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=LR)
    model.train()
    for _ in range(epochs):
        order = torch.randperm(len(x), generator=generator)
        for start in range(0, len(x), BATCH):
            batch = order[start:start + BATCH]
            loss = nn.functional.cross_entropy(model(x[batch]), y[batch])
            adam.zero_grad()
            loss.backward()
            adam.step()


@torch.no_grad()
def accuracy(model, x, y):
    model.eval()
    return sum((model(x[i:i + 500]).argmax(1) == y[i:i + 500]).sum().item() for i in range(0, len(x), 500)) / len(x)


def adapted(pretrained, frozen):
    model = w3(len(PRETRAIN))
    model.load_state_dict(pretrained)
    if frozen:
        for p in model.parameters():
            p.requires_grad_(False)
    model[10] = nn.Linear(128, len(TARGET))  # the new head, trainable
    return model


def main():
    seeds = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    (train_images, train_labels), (test_images, test_labels) = load(sys.argv[2] if len(sys.argv) > 2 else "/usr/share/datasets/fashion-mnist")
    source = subset(train_images, train_labels, PRETRAIN), subset(test_images, test_labels, PRETRAIN)
    target_train, target_test = subset(train_images, train_labels, TARGET), subset(test_images, test_labels, TARGET)
    results = {way: {str(n): [] for n in LABELS} for way in ("scratch", "frozen", "fine_tune")}
    pretrain_accuracy = []
    for seed in range(seeds):
        torch.manual_seed(seed)
        generator = torch.Generator().manual_seed(seed)
        rng = np.random.default_rng(seed)
        model = w3(len(PRETRAIN))
        train(model, *source[0], PRETRAIN_EPOCHS, generator)
        pretrain_accuracy.append(accuracy(model, *source[1]))
        print(f"seed {seed}: pretrained, test accuracy {pretrain_accuracy[-1]:.4f}", file=sys.stderr, flush=True)
        weights = {k: v.clone() for k, v in model.state_dict().items()}
        for n in LABELS:
            x, y = per_class(*target_train, n, rng)
            epochs = max(1, math.ceil(STEPS * BATCH / len(x)))
            for way in results:
                net = w3(len(TARGET)) if way == "scratch" else adapted(weights, way == "frozen")
                train(net, x, y, epochs, generator)
                results[way][str(n)].append(accuracy(net, *target_test))
                print(f"seed {seed}, {n} labels per class, {way}: {results[way][str(n)][-1]:.4f}", file=sys.stderr, flush=True)
    print(json.dumps({"side": "pytorch", "seeds": list(range(seeds)), "pretrain_accuracy": pretrain_accuracy, "accuracy": results}))


if __name__ == "__main__":
    main()
