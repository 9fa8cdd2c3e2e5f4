"""PyTorch references for Ruru's ConvLSTM and ConvGRU (ruru-nn ConvRecurrentTorchTest).

The same equations as dev.ruru.nn.convrecurrent, written with torch.nn.Conv2d (padding k // 2): a
two-layer stack run over a random batch of image sequences from random initial states, in float64 with
a fixed seed. Records the outputs, final states and the gradients of
L = sum(out * w_out) + sum_l sum(h_l * w_h_l) [+ sum_l sum(c_l * w_c_l)] by the input, the initial
states and every parameter under Ruru's names. Run with Debian's python3-torch:
    /usr/bin/python3 make_conv_recurrent_fixtures.py
"""
import numpy as np
import torch

torch.set_default_dtype(torch.float64)
B, T, C, H, W, K, HIDDEN = 2, 3, 2, 5, 4, 3, [3, 2]


def lstm_step(convs, x, h, c):
    z = convs["gates"](torch.cat([x, h], 1))
    i, f, g, o = torch.chunk(z, 4, 1)
    c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
    return torch.sigmoid(o) * torch.tanh(c), c


def gru_step(convs, x, h, c):
    r, z = torch.chunk(torch.sigmoid(convs["gates"](torch.cat([x, h], 1))), 2, 1)
    n = torch.tanh(convs["candidate"](torch.cat([x, r * h], 1)))
    return (1 - z) * n + z * h, None


def make(kind, seed):
    torch.manual_seed(seed)
    layers, n_in = [], C
    for hidden in HIDDEN:
        convs = {"gates": torch.nn.Conv2d(n_in + hidden, (4 if kind == "lstm" else 2) * hidden, K, padding=K // 2)}
        if kind == "gru":
            convs["candidate"] = torch.nn.Conv2d(n_in + hidden, hidden, K, padding=K // 2)
        layers.append(convs)
        n_in = hidden
    x = torch.randn(B, T, C, H, W, requires_grad=True)
    h0 = [(0.5 * torch.randn(B, n, H, W)).requires_grad_(True) for n in HIDDEN]
    c0 = [(0.5 * torch.randn(B, n, H, W)).requires_grad_(True) for n in HIDDEN] if kind == "lstm" else [None] * len(HIDDEN)
    step = lstm_step if kind == "lstm" else gru_step
    frames = [x[:, t] for t in range(T)]
    finals = []
    for convs, h, c in zip(layers, h0, c0):
        for t in range(T):
            h, c = step(convs, frames[t], h, c)
            frames[t] = h
        finals.append((h, c))
    out = torch.stack(frames, 1)
    w_out = torch.randn(out.shape)
    loss = (out * w_out).sum()
    save = {"x": x, "out": out, "w_out": w_out}
    wrt = {"x": x}
    for l, ((h, c), h_init, c_init) in enumerate(zip(finals, h0, c0)):
        w_h = torch.randn(h.shape)
        loss = loss + (h * w_h).sum()
        save.update({f"h0_{l}": h_init, f"h_n_{l}": h, f"w_h_{l}": w_h})
        wrt[f"h0_{l}"] = h_init
        if c is not None:
            w_c = torch.randn(c.shape)
            loss = loss + (c * w_c).sum()
            save.update({f"c0_{l}": c_init, f"c_n_{l}": c, f"w_c_{l}": w_c})
            wrt[f"c0_{l}"] = c_init
    params = {f"{l}.{name}.{p}": v for l, convs in enumerate(layers) for name, conv in convs.items() for p, v in conv.named_parameters()}
    wrt.update(params)
    grads = torch.autograd.grad(loss, list(wrt.values()))
    arrays = {k: v.detach().numpy() for k, v in save.items()}
    arrays.update({"param." + k: v.detach().numpy() for k, v in params.items()})
    arrays.update({"grad." + k: g.numpy() for k, g in zip(wrt, grads)})
    np.savez(f"conv{kind}.npz", **arrays)
    print(f"conv{kind}", {k: v.shape for k, v in arrays.items() if k.startswith("param.")})


make("lstm", 2015)
make("gru", 2016)
