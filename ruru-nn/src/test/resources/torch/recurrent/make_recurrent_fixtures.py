"""PyTorch references for Ruru's RNN, LSTM and GRU layers (ruru-nn RecurrentTorchTest).

Each case builds torch.nn.{RNN,LSTM,GRU} in float64 with a fixed seed, runs it on a random batch (with
initial states, and with per-row lengths through pack_padded_sequence where the case has them), and
records the loss L = sum(out * w_out) + sum(h_n * w_h) [+ sum(c_n * w_c)] with its gradients by the
input, the initial states and every parameter (PyTorch's names). Run with Debian's python3-torch:
    /usr/bin/python3 make_recurrent_fixtures.py
"""
import numpy as np
import torch
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

torch.set_default_dtype(torch.float64)
CASES = [
    # name, kind, input, hidden, layers, bidirectional, batch_first, nonlinearity, lengths
    ("lstm_one_layer", "lstm", 3, 4, 1, False, True, None, None),
    ("lstm_two_layers_bidirectional_padded", "lstm", 3, 4, 2, True, True, None, [5, 2, 4]),
    ("gru_bidirectional_padded", "gru", 2, 3, 1, True, True, None, [3, 5, 1]),
    ("gru_two_layers_time_major", "gru", 3, 4, 2, False, False, None, None),
    ("rnn_tanh_two_layers", "rnn", 3, 4, 2, False, True, "tanh", None),
    ("rnn_relu_bidirectional", "rnn", 3, 4, 1, True, True, "relu", [4, 5, 3]),
]
B, T = 3, 5

for index, (name, kind, n_in, n_hidden, layers, bidirectional, batch_first, nonlinearity, lengths) in enumerate(CASES):
    torch.manual_seed(1000 + index)
    cls = {"lstm": torch.nn.LSTM, "gru": torch.nn.GRU, "rnn": torch.nn.RNN}[kind]
    extra = {"nonlinearity": nonlinearity} if kind == "rnn" else {}
    layer = cls(n_in, n_hidden, num_layers=layers, bidirectional=bidirectional, batch_first=batch_first, **extra)
    dirs = 2 if bidirectional else 1
    x = torch.randn(B, T, n_in) if batch_first else torch.randn(T, B, n_in)
    x.requires_grad_(True)
    h0 = (0.5 * torch.randn(layers * dirs, B, n_hidden)).requires_grad_(True)
    c0 = (0.5 * torch.randn(layers * dirs, B, n_hidden)).requires_grad_(True)
    state = (h0, c0) if kind == "lstm" else h0
    if lengths is None:
        out, final = layer(x, state)
    else:
        packed = pack_padded_sequence(x, torch.tensor(lengths), batch_first=batch_first, enforce_sorted=False)
        out, final = layer(packed, state)
        out, _ = pad_packed_sequence(out, batch_first=batch_first, total_length=T)
    hn, cn = final if kind == "lstm" else (final, None)
    w_out, w_h = torch.randn(out.shape), torch.randn(hn.shape)
    loss = (out * w_out).sum() + (hn * w_h).sum()
    arrays = {"x": x, "h0": h0, "out": out, "h_n": hn, "w_out": w_out, "w_h": w_h}
    if kind == "lstm":
        w_c = torch.randn(cn.shape)
        loss = loss + (cn * w_c).sum()
        arrays.update({"c0": c0, "c_n": cn, "w_c": w_c})
    params = dict(layer.named_parameters())
    wrt = {"x": x, "h0": h0, **({"c0": c0} if kind == "lstm" else {}), **params}
    grads = torch.autograd.grad(loss, list(wrt.values()))
    save = {k: v.detach().numpy() for k, v in arrays.items()}
    save.update({"param." + k: v.detach().numpy() for k, v in params.items()})
    save.update({"grad." + k: g.numpy() for k, g in zip(wrt, grads)})
    if lengths is not None:
        save["lengths"] = np.array(lengths, dtype=np.int32)
    np.savez(name + ".npz", **save)
    print(name, {k: v.shape for k, v in save.items() if not k.startswith("grad.")})

# Cells: two steps chained from given states, loss on the second step's states.
CELLS = [("lstm_cell", torch.nn.LSTMCell, {}), ("gru_cell", torch.nn.GRUCell, {}), ("rnn_cell_relu", torch.nn.RNNCell, {"nonlinearity": "relu"})]
for index, (name, cls, extra) in enumerate(CELLS):
    torch.manual_seed(2000 + index)
    cell = cls(3, 4, **extra)
    x1, x2 = torch.randn(B, 3, requires_grad=True), torch.randn(B, 3, requires_grad=True)
    h0 = (0.5 * torch.randn(B, 4)).requires_grad_(True)
    c0 = (0.5 * torch.randn(B, 4)).requires_grad_(True)
    lstm = cls is torch.nn.LSTMCell
    state = cell(x2, cell(x1, (h0, c0))) if lstm else cell(x2, cell(x1, h0))
    h2, c2 = state if lstm else (state, None)
    w_h = torch.randn(h2.shape)
    loss = (h2 * w_h).sum()
    arrays = {"x1": x1, "x2": x2, "h0": h0, "h2": h2, "w_h": w_h}
    if lstm:
        w_c = torch.randn(c2.shape)
        loss = loss + (c2 * w_c).sum()
        arrays.update({"c0": c0, "c2": c2, "w_c": w_c})
    params = dict(cell.named_parameters())
    wrt = {"x1": x1, "x2": x2, "h0": h0, **({"c0": c0} if lstm else {}), **params}
    grads = torch.autograd.grad(loss, list(wrt.values()))
    save = {k: v.detach().numpy() for k, v in arrays.items()}
    save.update({"param." + k: v.detach().numpy() for k, v in params.items()})
    save.update({"grad." + k: g.numpy() for k, g in zip(wrt, grads)})
    np.savez(name + ".npz", **save)
    print(name, sorted(save))
