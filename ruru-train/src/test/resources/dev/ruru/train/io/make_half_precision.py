"""Writes half_precision.safetensors: float16 and bfloat16 tensors as torch 1.13 rounds them, under
PyTorch's names (nn.Sequential inside a module: linear_relu_stack.0.weight), each beside its exact
float32 widening under "expected.<name>". The safetensors package may be absent, so the file format is
written by hand: 8-byte little-endian header length, JSON header, raw little-endian bytes.
Run with /usr/bin/python3 (torch 1.13); seeded, so it rewrites the same file."""
import json
import struct
import torch

torch.manual_seed(21)
stack = torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.ReLU(), torch.nn.Linear(4, 2))
tensors = {}
for name, value in stack.state_dict().items():
    half = value.to(torch.bfloat16 if name.endswith("bias") else torch.float16)
    tensors["linear_relu_stack." + name] = half
# Values that test the conversion's edges: signed zero, a subnormal, the largest half, infinities, rounding.
tensors["special.f16"] = torch.tensor([0.0, -0.0, 6e-8, 65504.0, float("inf"), float("-inf"), 0.1, -2.5], dtype=torch.float16)
tensors["special.bf16"] = torch.tensor([0.0, -0.0, 1e-40, 3.0e38, float("inf"), float("-inf"), 0.1, -2.5], dtype=torch.bfloat16)
for name in list(tensors):
    tensors["expected." + name] = tensors[name].float()

CODES = {torch.float16: "F16", torch.bfloat16: "BF16", torch.float32: "F32"}
header, chunks, offset = {}, [], 0
for name, value in tensors.items():
    raw = value.contiguous().view(torch.int16 if value.element_size() == 2 else torch.int32).numpy().tobytes()
    header[name] = {"dtype": CODES[value.dtype], "shape": list(value.shape), "data_offsets": [offset, offset + len(raw)]}
    chunks.append(raw)
    offset += len(raw)
text = json.dumps(header, separators=(",", ":")).encode()
text += b" " * (-len(text) % 8)
with open("half_precision.safetensors", "wb") as out:
    out.write(struct.pack("<Q", len(text)) + text + b"".join(chunks))
