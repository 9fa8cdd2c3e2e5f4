"""PyTorch reference for Ruru's AlphaZero loss (ruru-rl PolicyValueObjectiveTest).

The same network as dev.ruru.rl.zero.PolicyValueNet for tic-tac-toe with 16 hidden units (trunk
Linear(18,16) ReLU Linear(16,16) ReLU; policy Linear(16,9); value tanh(Linear(16,1))), seeded weights, a
batch of 6 boards with visit-count policies pi and results z, and the loss
    l = mean_b( -sum_a pi_a log softmax(p)_a ) + mean_b( (v - z)^2 )
with its parts and its gradient by every parameter (Ruru's names, "grad." prefixed). float32, as Ruru
trains. Run with Debian's python3-torch:  /usr/bin/python3 make_policy_value_fixture.py
"""
import numpy as np
import torch

torch.manual_seed(22)
rng = np.random.default_rng(22)
layers = {
    "trunk.0": torch.nn.Linear(18, 16), "trunk.2": torch.nn.Linear(16, 16),
    "policy": torch.nn.Linear(16, 9), "value": torch.nn.Linear(16, 1),
}
B = 6
cells = rng.integers(0, 3, size=(B, 9))  # 0 empty, 1 own stone, 2 opponent's
features = np.concatenate([(cells == 1), (cells == 2)], axis=1).astype(np.float32)
visits = rng.integers(0, 20, size=(B, 9)).astype(np.float32)
visits[:, 0] += 1  # every row has a visit
pi = visits / visits.sum(axis=1, keepdims=True)
z = rng.choice([-1.0, 0.0, 1.0], size=(B, 1)).astype(np.float32)

x = torch.from_numpy(features)
h = torch.relu(layers["trunk.2"](torch.relu(layers["trunk.0"](x))))
logits = layers["policy"](h)
v = torch.tanh(layers["value"](h))
policy_loss = -(torch.from_numpy(pi) * torch.log_softmax(logits, dim=1)).sum(dim=1).mean()
value_loss = ((v - torch.from_numpy(z)) ** 2).mean()
loss = policy_loss + value_loss
loss.backward()

out = {"features": features, "labels": np.concatenate([pi, z], axis=1).astype(np.float32),
       "loss": np.float32(loss.item()), "policy_loss": np.float32(policy_loss.item()), "value_loss": np.float32(value_loss.item())}
for prefix, layer in layers.items():
    for name, parameter in layer.named_parameters():
        out[prefix + "." + name] = parameter.detach().numpy().astype(np.float32)
        out["grad." + prefix + "." + name] = parameter.grad.numpy().astype(np.float32)
np.savez("policy_value_loss.npz", **out)
print("loss", loss.item(), "policy", policy_loss.item(), "value", value_loss.item())
