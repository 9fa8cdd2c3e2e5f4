#!/usr/bin/python3
"""ONNX import fixtures for Ruru: small PyTorch models exported with Debian's python3-torch (1.13).

    /usr/bin/python3 ruru-onnx/scripts/export_pytorch_fixtures.py ruru-onnx/src/test/resources/dev/ruru/onnx/pytorch

For each model NAME it writes NAME.onnx (torch.onnx.export, opset 14, the exporter's defaults) and NAME.npz
holding "input" (a seeded random batch) and "output" (what PyTorch computes for it in eval mode). The Java
test imports NAME.onnx and checks that Ruru gives "output" for "input". Models: an MLP, the W3 CNN with
BatchNorm (exported with TrainingMode.PRESERVE so that BatchNormalization stays a node instead of being
folded into the convolution), a small ResNet (skip connections: Add), an LSTM classifier and a Transformer
encoder classifier (LayerNorm decomposed into ReduceMean/Sub/Pow/Sqrt/Div at opset 14). Seeded: rerunning
gives the same files.
"""
import sys
from pathlib import Path

import numpy as np
import torch
from torch import nn

OPSET = 14


class Mlp(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Flatten(), nn.Linear(64, 32), nn.ReLU(), nn.Linear(32, 16), nn.Tanh(),
                                 nn.Linear(16, 10))

    def forward(self, x):
        return self.net(x)


class Cnn(nn.Module):
    """W3 (conv16-pool-conv32-pool-fc128-fc10) with BatchNorm after each convolution, fc64 instead of fc128 to keep
    the file small."""

    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(1, 16, 3, padding=1), nn.BatchNorm2d(16), nn.ReLU(), nn.MaxPool2d(2),
            nn.Conv2d(16, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2))
        self.classifier = nn.Sequential(nn.Flatten(), nn.Linear(32 * 7 * 7, 64), nn.ReLU(), nn.Linear(64, 10))

    def forward(self, x):
        return self.classifier(self.features(x))


class Block(nn.Module):
    def __init__(self, channels, stride):
        super().__init__()
        out = channels * stride
        self.conv1 = nn.Conv2d(channels, out, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(out)
        self.conv2 = nn.Conv2d(out, out, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(out)
        self.shortcut = nn.Identity() if stride == 1 else nn.Sequential(
            nn.Conv2d(channels, out, 1, stride, bias=False), nn.BatchNorm2d(out))

    def forward(self, x):
        y = torch.relu(self.bn1(self.conv1(x)))
        return torch.relu(self.bn2(self.conv2(y)) + self.shortcut(x))


class ResNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.stem = nn.Sequential(nn.Conv2d(1, 8, 3, 1, 1, bias=False), nn.BatchNorm2d(8), nn.ReLU())
        self.blocks = nn.Sequential(Block(8, 1), Block(8, 2))
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.head = nn.Linear(16, 10)

    def forward(self, x):
        return self.head(torch.flatten(self.pool(self.blocks(self.stem(x))), 1))


class LstmClassifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(12, 16, num_layers=2, batch_first=True)
        self.head = nn.Linear(16, 5)

    def forward(self, x):
        out, _ = self.lstm(x)
        return self.head(out[:, -1, :])


class TransformerClassifier(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = nn.Linear(8, 16)
        layer = nn.TransformerEncoderLayer(16, 4, dim_feedforward=32, dropout=0.0, batch_first=True)
        self.encoder = nn.TransformerEncoder(layer, 2, enable_nested_tensor=False)
        self.head = nn.Linear(16, 3)

    def forward(self, x):
        return self.head(self.encoder(self.embed(x)).mean(dim=1))


def randomize_batch_norms(model, generator):
    """Non-trivial running statistics, so that the test sees whether they are used."""
    for module in model.modules():
        if isinstance(module, nn.BatchNorm2d):
            module.running_mean.copy_(torch.randn(module.num_features, generator=generator) * 0.1)
            module.running_var.copy_(torch.rand(module.num_features, generator=generator) + 0.5)
            module.weight.data.copy_(torch.rand(module.num_features, generator=generator) + 0.5)
            module.bias.data.copy_(torch.randn(module.num_features, generator=generator) * 0.1)


def export(out, name, model, example, training=torch.onnx.TrainingMode.EVAL):
    model.eval()
    with torch.no_grad():
        expected = model(example)
    torch.onnx.export(model, (example,), str(out / f"{name}.onnx"), opset_version=OPSET, training=training,
                      input_names=["input"], output_names=["output"],
                      dynamic_axes={"input": {0: "batch"}, "output": {0: "batch"}})
    np.savez(out / f"{name}.npz", input=example.numpy(), output=expected.numpy())
    print(name, tuple(example.shape), "->", tuple(expected.shape))


def main(out):
    out.mkdir(parents=True, exist_ok=True)
    torch.manual_seed(21)
    generator = torch.Generator().manual_seed(21)
    export(out, "mlp", Mlp(), torch.randn(4, 1, 8, 8, generator=generator))
    cnn = Cnn()
    randomize_batch_norms(cnn, generator)
    export(out, "cnn", cnn, torch.randn(3, 1, 28, 28, generator=generator), torch.onnx.TrainingMode.PRESERVE)
    resnet = ResNet()
    randomize_batch_norms(resnet, generator)
    export(out, "resnet", resnet, torch.randn(2, 1, 16, 16, generator=generator), torch.onnx.TrainingMode.PRESERVE)
    export(out, "lstm", LstmClassifier(), torch.randn(3, 7, 12, generator=generator))
    export(out, "transformer", TransformerClassifier(), torch.randn(2, 6, 8, generator=generator))


if __name__ == "__main__":
    main(Path(sys.argv[1]))
