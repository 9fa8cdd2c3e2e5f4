#!/usr/bin/python3
"""Reference values from PyTorch for Ruru's nn and optim tests.

Run with Debian's python3-torch (1.13) from anywhere:
    /usr/bin/python3 ruru-nn/src/test/resources/torch/make_fixtures.py
It writes, next to itself, float64 .npz files whose keys the Java tests read:
  layers.npz      inputs, parameters, outputs and vector-Jacobian products (cotangent "<case>.cot")
                  of Linear, the activations, BatchNorm1d (train and eval, running statistics) and LayerNorm
  losses.npz      every loss and its gradients, including cross-entropy at logits of +-1e4
  optimizers.npz  parameters after each of three steps of every optimiser from the same start and
                  fixed gradients (steps 1..3), and the state after step 3
  schedules.npz   torch.optim.lr_scheduler learning rates per step
  clipping.npz    clip_grad_norm_ and clip_grad_value_
Seeds are fixed; the script is deterministic.
"""
import os
import warnings
import numpy as np
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
torch.manual_seed(0)
rng = np.random.default_rng(5)
torch.set_default_dtype(torch.float64)


def t(*shape, scale=1.0, grad=True):
    return torch.tensor(rng.standard_normal(shape) * scale, requires_grad=grad)


def record(out, name, fn, inputs, names):
    """Stores inputs, fn(*inputs), a cotangent and the gradients of <fn, cot> by each input."""
    y = fn(*inputs)
    cot = torch.tensor(rng.standard_normal(tuple(y.shape)))
    grads = torch.autograd.grad(y, inputs, grad_outputs=cot)
    for key, x, g in zip(names, inputs, grads):
        out[f"{name}.{key}"] = x.detach().numpy()
        out[f"{name}.grad_{key}"] = g.numpy()
    out[f"{name}.out"] = y.detach().numpy()
    out[f"{name}.cot"] = cot.numpy()


def layers():
    out = {}
    record(out, "linear", F.linear, [t(4, 5), t(3, 5), t(3)], ["x", "weight", "bias"])
    acts = {
        "relu": F.relu,
        "leaky_relu": lambda x: F.leaky_relu(x, 0.2),
        "elu": lambda x: F.elu(x, 1.3),
        "gelu_tanh": lambda x: F.gelu(x, approximate="tanh"),
        "sigmoid": torch.sigmoid,
        "tanh": torch.tanh,
        "softplus": F.softplus,
        "softmax": lambda x: F.softmax(x, dim=1),
        "log_softmax": lambda x: F.log_softmax(x, dim=1),
    }
    for name, fn in acts.items():
        record(out, name, fn, [t(4, 6, scale=2.0)], ["x"])
    for name, shape in [("batchnorm2d", (8, 4)), ("batchnorm3d", (4, 3, 5))]:
        channels = shape[1]
        bn = torch.nn.BatchNorm1d(channels, momentum=0.1)
        with torch.no_grad():
            bn.weight.copy_(torch.tensor(rng.uniform(0.5, 1.5, channels)))
            bn.bias.copy_(torch.tensor(rng.standard_normal(channels)))
            bn.running_mean.copy_(torch.tensor(rng.standard_normal(channels)))
            bn.running_var.copy_(torch.tensor(rng.uniform(0.5, 2.0, channels)))
        out[f"{name}.running_mean0"] = bn.running_mean.clone().numpy()
        out[f"{name}.running_var0"] = bn.running_var.clone().numpy()
        x = t(*shape, scale=2.0)
        bn.train()
        w, b = bn.weight, bn.bias
        record(out, name, lambda x, w, b: F.batch_norm(x, bn.running_mean, bn.running_var, w, b, True, 0.1, 1e-5),
               [x, w, b], ["x", "weight", "bias"])
        out[f"{name}.running_mean1"] = bn.running_mean.clone().numpy()
        out[f"{name}.running_var1"] = bn.running_var.clone().numpy()
        bn.eval()
        out[f"{name}.eval_out"] = bn(x).detach().numpy()
    ln_w, ln_b = t(4, 5), t(4, 5)
    record(out, "layernorm", lambda x, w, b: F.layer_norm(x, (4, 5), w, b, 1e-5), [t(3, 4, 5, scale=3.0), ln_w, ln_b],
           ["x", "weight", "bias"])
    np.savez(os.path.join(HERE, "layers.npz"), **out)


def losses():
    out = {}
    p, y = t(5, 3), t(5, 3)
    record(out, "mse", F.mse_loss, [p, y], ["prediction", "target"])
    record(out, "mse_sum", lambda a, b: F.mse_loss(a, b, reduction="sum"), [p, y], ["prediction", "target"])
    record(out, "l1", F.l1_loss, [p, y], ["prediction", "target"])
    record(out, "huber", lambda a, b: F.huber_loss(a, b, delta=0.7), [p, y], ["prediction", "target"])
    record(out, "huber_none", lambda a, b: F.huber_loss(a, b, reduction="none", delta=0.7), [p, y], ["prediction", "target"])
    logits = t(6, 4, scale=3.0)
    logits.data[0, 0] = 0.0  # a logit at exactly 0: the gradient there must be sigmoid(0) - y
    targets = torch.tensor(rng.uniform(0, 1, (6, 4)), requires_grad=True)
    pos_weight = torch.tensor(rng.uniform(0.5, 3.0, 4))
    out["pos_weight"] = pos_weight.numpy()
    record(out, "bce", F.binary_cross_entropy_with_logits, [logits, targets], ["logits", "target"])
    record(out, "bce_pos_weight", lambda a, b: F.binary_cross_entropy_with_logits(a, b, pos_weight=pos_weight),
           [logits, targets], ["logits", "target"])
    x = t(7, 5, scale=2.0)
    labels = torch.tensor(rng.integers(0, 5, 7))
    weights = torch.tensor(rng.uniform(0.2, 3.0, 5))
    out["labels"] = labels.numpy()
    out["class_weights"] = weights.numpy()
    cases = {
        "ce": dict(),
        "ce_weighted": dict(weight=weights),
        "ce_smoothing": dict(label_smoothing=0.1),
        "ce_weighted_smoothing": dict(weight=weights, label_smoothing=0.2),
        "ce_sum": dict(reduction="sum", label_smoothing=0.1),
        "ce_none": dict(reduction="none", weight=weights, label_smoothing=0.1),
    }
    for name, kwargs in cases.items():
        record(out, name, lambda a, kw=kwargs: F.cross_entropy(a, labels, **kw), [x], ["logits"])
    record(out, "nll_weighted", lambda a: F.nll_loss(a, labels, weight=weights), [F.log_softmax(x, 1).detach().requires_grad_()],
           ["logp"])
    huge = torch.tensor([[1e4, -1e4, 0.0], [-1e4, -1e4, 1e4], [1e4, 1e4, -1e4]], requires_grad=True)
    huge_labels = torch.tensor([1, 2, 0])
    out["huge_labels"] = huge_labels.numpy()
    record(out, "ce_huge", lambda a: F.cross_entropy(a, huge_labels), [huge], ["logits"])
    np.savez(os.path.join(HERE, "losses.npz"), **out)


OPTIMIZERS = {
    "sgd": lambda ps: torch.optim.SGD(ps, lr=0.1),
    "sgd_momentum": lambda ps: torch.optim.SGD(ps, lr=0.1, momentum=0.9, dampening=0.1, weight_decay=0.01),
    "sgd_nesterov": lambda ps: torch.optim.SGD(ps, lr=0.05, momentum=0.8, nesterov=True, weight_decay=0.02),
    "adam": lambda ps: torch.optim.Adam(ps, lr=0.01, weight_decay=0.1),
    "adamw": lambda ps: torch.optim.AdamW(ps, lr=0.01, betas=(0.8, 0.99), weight_decay=0.1),
    "rmsprop": lambda ps: torch.optim.RMSprop(ps, lr=0.01),
    "rmsprop_centered": lambda ps: torch.optim.RMSprop(ps, lr=0.01, alpha=0.9, momentum=0.9, centered=True, weight_decay=0.01),
    "adagrad": lambda ps: torch.optim.Adagrad(ps, lr=0.1, lr_decay=0.01, weight_decay=0.01, initial_accumulator_value=0.1),
    "sgd_groups": lambda ps: torch.optim.SGD([{"params": [ps[0]], "weight_decay": 0.01},
                                              {"params": [ps[1]], "lr": 0.3}], lr=0.1, momentum=0.9),
}


def optimizers():
    out = {"p0": rng.standard_normal((3, 4)), "p1": rng.standard_normal(4)}
    for step in (1, 2, 3):
        out[f"g0_step{step}"] = rng.standard_normal((3, 4))
        out[f"g1_step{step}"] = rng.standard_normal(4)
    for name, make in OPTIMIZERS.items():
        ps = [torch.tensor(out["p0"], requires_grad=True), torch.tensor(out["p1"], requires_grad=True)]
        opt = make(ps)
        for step in (1, 2, 3):
            for i, p in enumerate(ps):
                p.grad = torch.tensor(out[f"g{i}_step{step}"])
            opt.step()
            for i, p in enumerate(ps):
                out[f"{name}.p{i}_step{step}"] = p.detach().numpy().copy()
        for i, p in enumerate(ps):
            for key, value in opt.state[p].items():
                if value is None:  # plain SGD keeps momentum_buffer = None
                    continue
                out[f"{name}.p{i}.{key}"] = np.asarray(value.numpy() if torch.is_tensor(value) else value)
    np.savez(os.path.join(HERE, "optimizers.npz"), **out)


def lrs(make, steps, metrics=None):
    opt = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=0.1, momentum=0.9)
    sched = make(opt)
    values = []
    for step in range(steps):
        values.append(opt.param_groups[0]["lr"])
        opt.step()
        sched.step(metrics[step]) if metrics is not None else sched.step()
    return np.array(values)


def schedules():
    sched = torch.optim.lr_scheduler
    metrics = [1.0, 0.9, 0.95, 0.899, 0.91, 0.92, 0.93, 0.5, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6]
    out = {
        "step": lrs(lambda o: sched.StepLR(o, step_size=3, gamma=0.5), 10),
        "exponential": lrs(lambda o: sched.ExponentialLR(o, gamma=0.9), 10),
        "cosine_warmup": lrs(lambda o: sched.SequentialLR(o, [sched.LinearLR(o, start_factor=0.1, total_iters=5),
                                                              sched.CosineAnnealingLR(o, T_max=15, eta_min=0.001)],
                                                          milestones=[5]), 21),
        "one_cycle": lrs(lambda o: sched.OneCycleLR(o, max_lr=0.1, total_steps=20, cycle_momentum=False), 20),
        "plateau_metrics": np.array(metrics),
        "plateau": lrs(lambda o: sched.ReduceLROnPlateau(o, factor=0.5, patience=2, threshold=0.01, cooldown=1, min_lr=0.02),
                       len(metrics), metrics),
    }
    np.savez(os.path.join(HERE, "schedules.npz"), **out)


def clipping():
    g0, g1 = torch.tensor(rng.standard_normal((3, 4))), torch.tensor(rng.standard_normal(5))
    out = {"g0": g0.numpy().copy(), "g1": g1.numpy().copy()}
    a, b = torch.zeros(3, 4, requires_grad=True), torch.zeros(5, requires_grad=True)
    a.grad, b.grad = g0.clone(), g1.clone()
    out["norm"] = np.array(torch.nn.utils.clip_grad_norm_([a, b], max_norm=1.5).item())
    out["by_norm0"], out["by_norm1"] = a.grad.numpy(), b.grad.numpy()
    a.grad, b.grad = g0.clone(), g1.clone()
    torch.nn.utils.clip_grad_value_([a, b], clip_value=0.5)
    out["by_value0"], out["by_value1"] = a.grad.numpy(), b.grad.numpy()
    np.savez(os.path.join(HERE, "clipping.npz"), **out)


def main():
    # SequentialLR steps its schedulers with an epoch argument, which torch 1.13 warns is deprecated.
    warnings.filterwarnings("ignore", category=UserWarning, module="torch.optim.lr_scheduler")
    layers()
    losses()
    optimizers()
    schedules()
    clipping()
    print(f"wrote layers, losses, optimizers, schedules and clipping fixtures with torch {torch.__version__}")


if __name__ == "__main__":
    main()
