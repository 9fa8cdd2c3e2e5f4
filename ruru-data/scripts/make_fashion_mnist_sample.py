#!/usr/bin/env python3
"""Writes the Fashion-MNIST sample embedded in ruru-data's jar.

The sample is the first 5,000 training images and labels and the first 1,000 test images and labels of
Fashion-MNIST, in the dataset's own IDX format (gzip, mtime 0 so the output is byte-for-byte reproducible),
plus the dataset's MIT licence notice. Source: Debian's dataset-fashion-mnist package, which installs the
original files under /usr/share/datasets/fashion-mnist. Only the standard library is used.

Run from the repository root:  python3 ruru-data/scripts/make_fashion_mnist_sample.py
"""
import gzip
import os
import struct
import sys

SOURCE = "/usr/share/datasets/fashion-mnist"
TARGET = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                      "..", "src", "main", "resources", "dev", "ruru", "data", "mnist", "fashion-mnist-sample")
COUNTS = {"train": 5000, "t10k": 1000}

LICENCE = """Fashion-MNIST sample (first 5,000 training and first 1,000 test images and labels)
Source: https://github.com/zalandoresearch/fashion-mnist
Copyright (c) 2017 Zalando SE, https://tech.zalando.com

The MIT License (MIT)

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
associated documentation files (the "Software"), to deal in the Software without restriction, including
without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the
following conditions:

The above copyright notice and this permission notice shall be included in all copies or substantial
portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT
LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO
EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE
USE OR OTHER DEALINGS IN THE SOFTWARE.
"""


def first_records(name, count):
    """The IDX file `name` cut to its first `count` records along dimension 0."""
    with gzip.open(os.path.join(SOURCE, name + ".gz"), "rb") as f:
        data = f.read()
    if data[0:2] != b"\x00\x00" or data[2] != 0x08:
        sys.exit(f"{name}: not an unsigned-byte IDX file")
    rank = data[3]
    dims = list(struct.unpack(">" + "I" * rank, data[4:4 + 4 * rank]))
    record = 1
    for d in dims[1:]:
        record *= d
    body = data[4 + 4 * rank:]
    if dims[0] < count or len(body) != dims[0] * record:
        sys.exit(f"{name}: expected at least {count} records of {record} bytes")
    header = data[0:4] + struct.pack(">" + "I" * rank, count, *dims[1:])
    return header + body[:count * record]


def main():
    os.makedirs(TARGET, exist_ok=True)
    for prefix, count in COUNTS.items():
        for kind in ("images-idx3-ubyte", "labels-idx1-ubyte"):
            name = f"{prefix}-{kind}"
            out = os.path.join(TARGET, name + ".gz")
            with open(out, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as f:
                f.write(first_records(name, count))
            print(f"{out}: {os.path.getsize(out):,} bytes")
    with open(os.path.join(TARGET, "LICENSE.txt"), "w", encoding="utf-8") as f:
        f.write(LICENCE)


if __name__ == "__main__":
    main()
