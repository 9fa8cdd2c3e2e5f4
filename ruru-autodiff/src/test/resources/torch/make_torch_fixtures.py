#!/usr/bin/python3
"""Reference gradients from PyTorch for Ruru's autodiff tests.

Run with Debian's python3-torch (1.13) from anywhere:
    /usr/bin/python3 ruru-autodiff/src/test/resources/torch/make_torch_fixtures.py
For each case it writes <case>.npz holding the inputs (x0, x1, ...), the output (out), a seeded
cotangent (cot) and torch's vector-Jacobian products (grad0, grad1, ...) in float64; the Java test
(TorchReferenceTest) rebuilds the same function from Ruru's Tensor ops and compares. Seeds are fixed.
"""
import os
import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
torch.manual_seed(0)
rng = np.random.default_rng(0)


def t(*shape, positive=False):
    a = rng.uniform(0.3, 2.0, shape) if positive else rng.standard_normal(shape)
    return torch.tensor(a, dtype=torch.float64, requires_grad=True)


CASES = {
    # name: (function, inputs)
    "mlp_tanh_logsoftmax": (lambda x, w1, b1, w2: torch.log_softmax(torch.tanh(x @ w1 + b1) @ w2, dim=1),
                            [t(4, 5), t(5, 6), t(6), t(6, 3)]),
    "broadcast_mul_sum": (lambda a, b: (a * b).sum(dim=1, keepdim=True), [t(3, 1, 4), t(5, 4)]),
    "pow_log_div": (lambda a, b: torch.pow(a, b) + torch.log(a) / b, [t(2, 3, positive=True), t(2, 3, positive=True)]),
    "sigmoid_relu_max": (lambda a: torch.amax(torch.sigmoid(a) * torch.relu(a), dim=0), [t(4, 3)]),
    "softmax_gather": (lambda a: torch.gather(torch.softmax(a, dim=1), 1, torch.tensor([[0, 2], [1, 1], [3, 0]])), [t(3, 4)]),
    "batched_matmul": (lambda a, b: torch.matmul(a, b).sin(), [t(2, 1, 3, 4), t(3, 4, 2)]),
    "slice_pad_concat": (lambda a: torch.cat([a[:, 1::2], torch.nn.functional.pad(a, (1, 2)).exp()], dim=1), [t(3, 5)]),
}


def main():
    for name, (f, inputs) in CASES.items():
        out = f(*inputs)
        cot = torch.tensor(rng.standard_normal(tuple(out.shape)), dtype=torch.float64)
        grads = torch.autograd.grad(out, inputs, grad_outputs=cot)
        arrays = {f"x{i}": x.detach().numpy() for i, x in enumerate(inputs)}
        arrays.update({f"grad{i}": g.numpy() for i, g in enumerate(grads)})
        arrays["out"] = out.detach().numpy()
        arrays["cot"] = cot.numpy()
        np.savez(os.path.join(HERE, name + ".npz"), **arrays)
    print(f"wrote {len(CASES)} cases with torch {torch.__version__}")


if __name__ == "__main__":
    main()
