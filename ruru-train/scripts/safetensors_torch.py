#!/usr/bin/python3
"""Safetensors interop fixtures for Ruru, written and read with Debian's python3-torch.

The `safetensors` Python package is not packaged for Debian, so this script implements the format by
hand from its specification (https://github.com/huggingface/safetensors): an 8-byte little-endian
header length N, N bytes of JSON {name: {"dtype", "shape", "data_offsets": [begin, end]},
"__metadata__": {...}}, then the raw little-endian C-ordered data. The writer follows the reference
writer (safetensors/src/tensor.rs, `prepare`): tensors sorted by descending dtype alignment, then by
name; compact JSON with "__metadata__" first (its keys sorted); the header padded with spaces to a
multiple of 8 bytes.

    python3 ruru-train/scripts/safetensors_torch.py make ruru-train/src/test/resources/dev/ruru/train/io
        writes torch_fixture.safetensors (random torch tensors of every dtype Ruru reads),
        torch_fixture.npz (the same values, for the Java test to compare against through np.savez),
        and reference_layout.safetensors (fixed tensors Ruru must encode to exactly these bytes).
    python3 ruru-train/scripts/safetensors_torch.py check FILE.safetensors
        reads a file Ruru wrote into torch tensors by parsing the header by hand, prints them, checks that
        re-encoding them with the reference layout gives the same bytes, and, for the fixed tensors of
        reference_layout, that the values are the expected ones.
    python3 ruru-train/scripts/safetensors_torch.py evaluate RUN_DIR [DATA_DIR]
        loads RUN_DIR/model.safetensors (written by `ruru train --out RUN_DIR`) into the equivalent
        torch.nn.Sequential(Flatten, Linear, ReLU, ..., Linear) with load_state_dict(strict=True) and prints
        its accuracy on the Fashion-MNIST test set in DATA_DIR (default /usr/share/datasets/fashion-mnist),
        to compare with RUN_DIR/metrics.json.
"""
import json
import struct
import sys
from pathlib import Path

import numpy as np
import torch

# The reference implementation's Dtype enum order (alignment ascending); the writer sorts descending.
DTYPE_ORDER = ["BOOL", "U8", "I8", "F8_E5M2", "F8_E4M3", "I16", "U16", "F16", "BF16",
               "I32", "U32", "F32", "F64", "I64", "U64"]
TO_CODE = {torch.float32: "F32", torch.float64: "F64", torch.int32: "I32", torch.int64: "I64", torch.bool: "BOOL"}
FROM_CODE = {code: dtype for dtype, code in TO_CODE.items()}
ITEM_SIZE = {"F32": 4, "F64": 8, "I32": 4, "I64": 8, "BOOL": 1}


def encode(tensors, metadata=None):
    """The bytes the reference writer produces for a dict of torch tensors."""
    names = sorted(tensors, key=lambda n: (-DTYPE_ORDER.index(TO_CODE[tensors[n].dtype]), n))
    header, blobs, offset = {}, [], 0
    if metadata:
        # Sorted keys, as Ruru writes them (the reference keeps metadata in a hash map, in no fixed order).
        header["__metadata__"] = dict(sorted(metadata.items()))
    for name in names:
        t = tensors[name].contiguous()
        data = t.numpy().astype(t.numpy().dtype.newbyteorder("<")).tobytes()
        header[name] = {"dtype": TO_CODE[t.dtype], "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
        offset += len(data)
        blobs.append(data)
    text = json.dumps(header, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    text += b" " * ((8 - len(text) % 8) % 8)
    return struct.pack("<Q", len(text)) + text + b"".join(blobs)


def decode(raw):
    """Tensors and metadata of a safetensors file, parsed by hand, every offset checked."""
    (n,) = struct.unpack("<Q", raw[:8])
    assert n <= 100_000_000 and 8 + n <= len(raw), f"bad header length {n}"
    header = json.loads(raw[8:8 + n].decode("utf-8"))
    metadata = header.pop("__metadata__", {})
    data = raw[8 + n:]
    tensors, position = {}, 0
    for name, info in sorted(header.items(), key=lambda kv: tuple(kv[1]["data_offsets"])):
        begin, end = info["data_offsets"]
        assert begin == position, f"{name}: begins at {begin}, expected {position}"
        count = int(np.prod(info["shape"], dtype=np.int64))
        assert end - begin == count * ITEM_SIZE[info["dtype"]], f"{name}: size mismatch"
        dtype = FROM_CODE[info["dtype"]]
        blob = bytearray(data[begin:end])
        flat = torch.frombuffer(blob, dtype=dtype) if count else torch.empty(0, dtype=dtype)
        tensors[name] = flat.reshape(info["shape"])
        position = end
    assert position == len(data), f"tensors cover {position} of {len(data)} data bytes"
    return tensors, metadata


def reference_tensors():
    """Fixed tensors that Ruru's test builds the same way and must encode to reference_layout's bytes."""
    return {
        "layers.0.weight": ((torch.arange(12, dtype=torch.float32) - 5.5) / 4).reshape(3, 4),
        "layers.0.bias": torch.tensor([0.25, -0.5, 1.0], dtype=torch.float32),
        "steps": torch.tensor(42, dtype=torch.int64),
        "counts": torch.tensor([[1, -2], [3, -4]], dtype=torch.int32),
        "mask": torch.tensor([True, False, False, True]),
        "precise": torch.tensor([1.0 / 3.0, -2.5e-300], dtype=torch.float64),
        "empty": torch.zeros(0, 2, dtype=torch.float32),
    }


REFERENCE_METADATA = {"format": "pt", "producer": "ruru"}


def make(out_dir):
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    torch.manual_seed(20240605)
    fixture = {
        "encoder.weight": torch.randn(4, 3, dtype=torch.float32),
        "encoder.bias": torch.randn(4, dtype=torch.float32),
        "decoder.weight": torch.randn(2, 4, dtype=torch.float64),
        "step": torch.tensor(1234567890123, dtype=torch.int64),
        "labels": torch.randint(-100, 100, (5,), dtype=torch.int32),
        "keep": torch.rand(6) > 0.5,
        "scale": torch.tensor(0.125, dtype=torch.float32),
        "nothing": torch.zeros(0, 3, dtype=torch.float32),
    }
    (out / "torch_fixture.safetensors").write_bytes(encode(fixture, {"format": "pt", "source": "python3-torch " + torch.__version__}))
    np.savez(out / "torch_fixture.npz", **{name: t.numpy() for name, t in fixture.items()})
    (out / "reference_layout.safetensors").write_bytes(encode(reference_tensors(), REFERENCE_METADATA))
    print(f"wrote torch_fixture.safetensors, torch_fixture.npz, reference_layout.safetensors to {out}")


def check(path):
    raw = Path(path).read_bytes()
    tensors, metadata = decode(raw)
    for name, t in tensors.items():
        print(f"{name:>20} {str(t.dtype):>14} {list(t.shape)} {t.flatten()[:6].tolist()}")
    print("metadata:", metadata)
    assert encode(tensors, metadata) == raw, "re-encoding with the reference layout gives different bytes"
    print("OK: torch reads the file, and the reference layout re-encodes it byte for byte")
    expected = reference_tensors()
    if set(tensors) == set(expected):
        for name, t in expected.items():
            assert tensors[name].dtype == t.dtype and torch.equal(tensors[name], t), f"{name}: values differ"
        print("OK: the values are the reference tensors'")


def read_idx(path):
    """An IDX file (gzip or plain) as a numpy array: the big-endian header gives the type and the shape."""
    import gzip
    raw = Path(path).read_bytes()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    dims = raw[3]
    shape = struct.unpack(">" + "I" * dims, raw[4:4 + 4 * dims])
    return np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def evaluate(run_dir, data_dir="/usr/share/datasets/fashion-mnist"):
    tensors, _ = decode(Path(run_dir, "model.safetensors").read_bytes())
    description = json.loads(Path(run_dir, "model.json").read_text())
    activation = {"relu": torch.nn.ReLU, "tanh": torch.nn.Tanh, "sigmoid": torch.nn.Sigmoid, "gelu": torch.nn.GELU}[description["activation"]]
    widths = [int(np.prod(description["input_shape"]))] + description["hidden"] + [description["classes"]]
    layers = [torch.nn.Flatten()]
    for i in range(len(widths) - 1):
        layers.append(torch.nn.Linear(widths[i], widths[i + 1]))
        if i < len(widths) - 2:
            layers.append(activation())
            if description["dropout"] > 0:
                layers.append(torch.nn.Dropout(description["dropout"]))
    model = torch.nn.Sequential(*layers)
    model.load_state_dict(tensors, strict=True)
    model.eval()
    find = lambda stem: next(p for p in (Path(data_dir, stem), Path(data_dir, stem + ".gz")) if p.exists())
    images = torch.from_numpy(read_idx(find("t10k-images-idx3-ubyte")).astype(np.float32) / 255)
    labels = torch.from_numpy(read_idx(find("t10k-labels-idx1-ubyte")).astype(np.int64))
    with torch.no_grad():
        accuracy = (model(images).argmax(1) == labels).float().mean().item()
    reported = json.loads(Path(run_dir, "metrics.json").read_text()).get("test_accuracy")
    print(f"torch {torch.__version__}: {description['summary']} loaded with load_state_dict(strict=True);"
          f" test accuracy {accuracy:.4f} on {len(labels)} images (Ruru's metrics.json: {reported})")


if __name__ == "__main__":
    commands = {"make": make, "check": check, "evaluate": evaluate}
    if len(sys.argv) < 3 or sys.argv[1] not in commands:
        sys.exit(__doc__)
    commands[sys.argv[1]](*sys.argv[2:])
