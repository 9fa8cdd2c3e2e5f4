"""PPO's clipped loss and its gradient, computed by PyTorch as CleanRL's ppo.py does, for PpoLossTest.
Seeded; inputs chosen so that some ratios and some values fall outside their clip ranges.
Run: /usr/bin/python3 ppo_loss_fixture.py > ppo_loss.json  (PyTorch 1.13, float64)
"""
import json

import torch

torch.manual_seed(3)
CLIP, VALUE_CLIP, ENT_COEF, VF_COEF = 0.2, 0.2, 0.01, 0.5


def case(b, actions_count):
    logits = torch.randn(b, actions_count, dtype=torch.float64, requires_grad=True)
    values = (torch.randn(b, dtype=torch.float64) * 0.8).requires_grad_(True)
    actions = torch.randint(0, actions_count, (b,))
    with torch.no_grad():
        logp_now = torch.log_softmax(logits, 1).gather(1, actions.view(b, 1)).view(b)
        old_logp = logp_now + torch.randn(b, dtype=torch.float64) * 0.4
        old_values = values + torch.randn(b, dtype=torch.float64) * 0.4
    advantages = torch.randn(b, dtype=torch.float64) * 2 + 0.3
    returns = torch.randn(b, dtype=torch.float64)

    logprobs = torch.log_softmax(logits, 1)
    newlogprob = logprobs.gather(1, actions.view(b, 1)).view(b)
    entropy = -(logprobs.exp() * logprobs).sum(1)
    logratio = newlogprob - old_logp
    ratio = logratio.exp()
    approx_kl = ((ratio - 1) - logratio).mean()
    clipfrac = ((ratio - 1.0).abs() > CLIP).double().mean()
    mb_adv = (advantages - advantages.mean()) / (advantages.std() + 1e-8)
    pg_loss1 = -mb_adv * ratio
    pg_loss2 = -mb_adv * torch.clamp(ratio, 1 - CLIP, 1 + CLIP)
    pg_loss = torch.max(pg_loss1, pg_loss2).mean()
    v_loss_unclipped = (values - returns) ** 2
    v_clipped = old_values + torch.clamp(values - old_values, -VALUE_CLIP, VALUE_CLIP)
    v_loss_clipped = (v_clipped - returns) ** 2
    v_loss = 0.5 * torch.max(v_loss_unclipped, v_loss_clipped).mean()
    entropy_loss = entropy.mean()
    loss = pg_loss - ENT_COEF * entropy_loss + v_loss * VF_COEF
    loss.backward()
    return {
        "logits": logits.detach().tolist(), "values": values.detach().tolist(), "actions": actions.tolist(),
        "old_log_probabilities": old_logp.tolist(), "advantages": advantages.tolist(), "returns": returns.tolist(),
        "old_values": old_values.tolist(), "loss": loss.item(), "policy_loss": pg_loss.item(), "value_loss": v_loss.item(),
        "entropy": entropy_loss.item(), "approximate_kl": approx_kl.item(), "clip_fraction": clipfrac.item(),
        "grad_logits": logits.grad.tolist(), "grad_values": values.grad.tolist(),
    }


print(json.dumps({"clip": CLIP, "value_clip": VALUE_CLIP, "entropy_coefficient": ENT_COEF, "value_coefficient": VF_COEF,
                  "cases": [case(8, 2), case(16, 3), case(5, 4)]}))
