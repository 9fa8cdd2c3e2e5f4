#!/usr/bin/python3
"""Reference values from PyTorch for Ruru's attention, Transformer, embedding and positional-encoding tests.

Run with Debian's python3-torch (1.13) from anywhere:
    /usr/bin/python3 ruru-nn/src/test/resources/torch/attention/make_attention_fixtures.py
It writes attention.npz next to itself, float64 (bool for masks, int64 for ids). For each case <c>:
  <c>.state.<name>   the module's state_dict, in PyTorch's order and with its names (random values)
  <c>.<input>        inputs; masks in PyTorch's convention (attn_mask / key_padding_mask: True = ignored)
  <c>.out            the output; <c>.weights the head-averaged attention weights (MultiheadAttention)
  <c>.cot            a cotangent of the output's shape
  <c>.grad_<input>   gradients of sum(out * cot) by each input
  <c>.grad.<name>    gradients of sum(out * cot) by each parameter
torch 1.13 has no F.scaled_dot_product_attention, so the functional cases (sdpa_*) are computed by hand:
softmax(q k^T / sqrt(d) with -inf where masked) v. Modules run in train() mode with dropout 0 (the same as
eval, and it keeps PyTorch off its fused inference path). "gelu" cases use F.gelu(approximate="tanh"),
the GELU Ruru has. Seeds are fixed; the script is deterministic.
"""
import math
import os
import numpy as np
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
torch.manual_seed(0)
rng = np.random.default_rng(11)
torch.set_default_dtype(torch.float64)


def t(*shape, scale=1.0):
    return torch.tensor(rng.standard_normal(shape) * scale, requires_grad=True)


def padding(batch, length, padded):
    """A key_padding_mask [batch, length]: True at the last `padded[b]` positions of sequence b."""
    mask = np.zeros((batch, length), dtype=bool)
    for b, count in enumerate(padded):
        if count:
            mask[b, length - count:] = True
    return torch.tensor(mask)


def causal_blocked(length):
    """PyTorch's bool attn_mask for causal attention: True (not allowed) above the diagonal."""
    return torch.triu(torch.ones(length, length, dtype=torch.bool), diagonal=1)


def sdpa(q, k, v, allowed):
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    if allowed is not None:
        scores = scores.masked_fill(~allowed, float("-inf"))
    return torch.softmax(scores, dim=-1) @ v


def record_function(out, case, inputs, fn, extra):
    y = fn(*inputs.values())
    cot = torch.tensor(rng.standard_normal(tuple(y.shape)))
    grads = torch.autograd.grad(y, list(inputs.values()), grad_outputs=cot)
    for (name, x), g in zip(inputs.items(), grads):
        out[f"{case}.{name}"] = x.detach().numpy()
        out[f"{case}.grad_{name}"] = g.numpy()
    for name, value in extra.items():
        out[f"{case}.{name}"] = value.numpy()
    out[f"{case}.out"] = y.detach().numpy()
    out[f"{case}.cot"] = cot.numpy()


def functional(out):
    record_function(out, "sdpa_plain", {"q": t(2, 3, 4), "k": t(2, 5, 4), "v": t(2, 5, 6)},
                    lambda q, k, v: sdpa(q, k, v, None), {})
    allowed = torch.tensor([[True, False, True, True, False], [False, False, False, False, True],
                            [True, True, True, True, True]])
    record_function(out, "sdpa_allowed", {"q": t(2, 2, 3, 4), "k": t(2, 2, 5, 4), "v": t(2, 2, 5, 3)},
                    lambda q, k, v: sdpa(q, k, v, allowed), {"allowed": allowed})
    causal = ~causal_blocked(4)
    record_function(out, "sdpa_causal", {"q": t(2, 4, 4, scale=2.0), "k": t(2, 4, 4), "v": t(2, 4, 4)},
                    lambda q, k, v: sdpa(q, k, v, causal), {})
    pad = padding(2, 5, [0, 2])
    record_function(out, "sdpa_padding", {"q": t(2, 3, 4), "k": t(2, 5, 4), "v": t(2, 5, 4)},
                    lambda q, k, v: sdpa(q, k, v, ~pad[:, None, :]), {"padding": pad})


def randomize(module):
    with torch.no_grad():
        for p in module.parameters():
            p.copy_(torch.tensor(rng.standard_normal(tuple(p.shape)) * 0.5))


def record_module(out, case, module, inputs, masks, fn):
    """Like record_function, for a module: also its state_dict and the gradients of every parameter."""
    randomize(module)
    module.train()
    for name, value in module.state_dict().items():
        out[f"{case}.state.{name}"] = value.numpy().copy()
    y = fn(*inputs.values())
    weights = None
    if isinstance(y, tuple):
        y, weights = y
    cot = torch.tensor(rng.standard_normal(tuple(y.shape)))
    params = dict(module.named_parameters())
    grads = torch.autograd.grad(y, list(inputs.values()) + list(params.values()), grad_outputs=cot)
    for (name, x), g in zip(inputs.items(), grads):
        out[f"{case}.{name}"] = x.detach().numpy()
        out[f"{case}.grad_{name}"] = g.numpy()
    for name, g in zip(params, grads[len(inputs):]):
        out[f"{case}.grad.{name}"] = g.numpy()
    for name, value in masks.items():
        out[f"{case}.{name}"] = value.numpy()
    out[f"{case}.out"] = y.detach().numpy()
    if weights is not None:
        out[f"{case}.weights"] = weights.detach().numpy()
    out[f"{case}.cot"] = cot.numpy()


def attention_layers(out):
    mha = torch.nn.MultiheadAttention(8, 2, batch_first=True)
    pad = padding(2, 5, [0, 2])
    record_module(out, "mha_self", mha, {"x": t(2, 5, 8)}, {"padding": pad},
                  lambda x: mha(x, x, x, key_padding_mask=pad, attn_mask=causal_blocked(5)))
    mha = torch.nn.MultiheadAttention(8, 4, batch_first=True)
    blocked = torch.tensor([[True, True, False, False, False], [False, False, False, False, False],
                            [False, False, True, False, True]])
    record_module(out, "mha_cross", mha, {"query": t(2, 3, 8), "key": t(2, 5, 8), "value": t(2, 5, 8)},
                  {"padding": pad, "blocked": blocked},
                  lambda q, k, v: mha(q, k, v, key_padding_mask=pad, attn_mask=blocked))


def gelu_tanh(x):
    return F.gelu(x, approximate="tanh")


def transformer_layers(out):
    pad = padding(2, 5, [1, 2])
    for case, norm_first, activation in [("encoder_post", False, "relu"), ("encoder_pre", True, gelu_tanh)]:
        layer = torch.nn.TransformerEncoderLayer(8, 2, dim_feedforward=16, dropout=0.0, activation=activation,
                                                 batch_first=True, norm_first=norm_first)
        record_module(out, case, layer, {"x": t(2, 5, 8)}, {"padding": pad},
                      lambda x: layer(x, src_mask=causal_blocked(5), src_key_padding_mask=pad))
    memory_pad = padding(2, 5, [2, 0])
    target_pad = padding(2, 4, [0, 1])
    memory_blocked = torch.tensor([[False, True, False, False, False], [False, False, False, True, True],
                                   [True, False, False, False, False], [False, False, False, False, False]])
    for case, norm_first, activation in [("decoder_post", False, "relu"), ("decoder_pre", True, gelu_tanh)]:
        layer = torch.nn.TransformerDecoderLayer(8, 2, dim_feedforward=16, dropout=0.0, activation=activation,
                                                 batch_first=True, norm_first=norm_first)
        record_module(out, case, layer, {"target": t(2, 4, 8), "memory": t(2, 5, 8)},
                      {"target_padding": target_pad, "memory_padding": memory_pad, "memory_blocked": memory_blocked},
                      lambda target, memory: layer(target, memory, tgt_mask=causal_blocked(4), memory_mask=memory_blocked,
                                                   tgt_key_padding_mask=target_pad, memory_key_padding_mask=memory_pad))
    layer = torch.nn.TransformerEncoderLayer(8, 2, dim_feedforward=16, dropout=0.0, batch_first=True, norm_first=True)
    stack = torch.nn.TransformerEncoder(layer, 2, norm=torch.nn.LayerNorm(8))
    record_module(out, "encoder_stack", stack, {"x": t(2, 5, 8)}, {"padding": pad},
                  lambda x: stack(x, src_key_padding_mask=pad))


def embeddings(out):
    ids = torch.tensor([[1, 3, 1, 0], [5, 1, 0, 2]])
    for case, padding_idx in [("embedding", None), ("embedding_padded", 0)]:
        embedding = torch.nn.Embedding(6, 3, padding_idx=padding_idx)
        record_module(out, case, embedding, {}, {"ids": ids}, lambda: embedding(ids))
    dim, max_len = 6, 10
    position = torch.arange(max_len).unsqueeze(1)
    div_term = torch.exp(torch.arange(0, dim, 2) * (-math.log(10000.0) / dim))
    table = torch.zeros(max_len, dim)
    table[:, 0::2] = torch.sin(position * div_term)
    table[:, 1::2] = torch.cos(position * div_term)
    out["sinusoidal.table"] = table.numpy()


def main():
    out = {}
    functional(out)
    attention_layers(out)
    transformer_layers(out)
    embeddings(out)
    np.savez(os.path.join(HERE, "attention.npz"), **out)
    print(f"wrote {len(out)} arrays to attention.npz")


if __name__ == "__main__":
    main()
