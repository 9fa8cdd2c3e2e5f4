#!/usr/bin/python3
"""Random computation graphs and their derivatives from PyTorch: Ruru's differential test suite.

Run with Debian's python3-torch (1.13) from anywhere:
    /usr/bin/python3 ruru-autodiff/src/test/resources/torch/differential/make_graphs.py
It builds GRAPHS small random float64 graphs from the operations both PyTorch and Ruru have
(graph_ops.py gives each its torch meaning, proposals.py picks them), and writes
  graphs.txt   the programs, one block per graph (the format is below), with offsets into
  values.npy   every number, one flat float64 array.
For each graph it records the output, a random cotangent and torch's vector-Jacobian products, a random
tangent per input and torch's Jacobian-vector product, and for every third graph a direction per input
and the Hessian-vector product of <cotangent, output>. The Java test (TorchDifferentialTest) runs the
same programs with Ruru's Tensor ops and compares. Everything is seeded: a rerun writes the same files.
To hunt for discrepancies beyond the committed fixture, write more graphs from another seed elsewhere
and point the test there:
    /usr/bin/python3 make_graphs.py --graphs 5000 --seed 7 --out /tmp/graphs
    ./test -pl ruru-autodiff -am -Dtest=TorchDifferentialTest -Druru.differential=/tmp/graphs

Ops are chosen with the values at hand, so each graph stays where both libraries agree on the
derivative: log, sqrt and pow bases are > 0.2, divisors > 0.3 in size, relu and abs inputs off 0, the
maximum of every reduction and pooling window clear by 1e-6 or an exact tie (both share a reduction's
tie equally and give a window's to its first), elementwise maximum/minimum arguments apart (there
torch splits a tie's gradient, Ruru gives it to the second argument, as relu does), and every value
within 1e3 (a result outside is refused and another op tried).

Format (tokens separated by spaces; a shape is [2,3] or [] for a scalar; an offset indexes values.npy):
  graph ID hvp=0|1
  input NAME SHAPE OFFSET           a variable (float64)
  const NAME SHAPE OFFSET           a float64 constant; index (int64 values) and mask (0/1 values) alike
  op TARGET OP ARG... [KEY=VALUE]   ARG: a name, or a number for a scalar constant
  output NAME
  value SHAPE OFFSET                and cotangent OFFSET, vjp NAME OFFSET, tangent NAME OFFSET, jvp OFFSET,
                                    direction NAME OFFSET, hvp NAME OFFSET (shapes follow from the names)
  end
"""
import argparse
import os
import sys

sys.dont_write_bytecode = True   # no __pycache__ beside the fixtures

import numpy as np
import torch

from graph_ops import run_op
from proposals import LITERALS, PROPOSALS, WEIGHTS

HERE = os.path.dirname(os.path.abspath(__file__))
GRAPHS = 320
MAX_SIZE = 64
MAX_ABS = 1e3


class Graph:
    """One random program, grown an op at a time with its values at hand."""

    def __init__(self, rng):
        self.rng = rng
        self.declarations = []      # (kind, name, array)
        self.ops = []               # (target, op, args, attrs)
        self.env = {}               # name -> value (torch, no gradients while growing)
        self.variables = set()      # names that depend on an input
        self.dangling = []          # variable names nothing uses yet, oldest first
        self.pending = []
        self.count = 0
        self.follow = None          # the image op to apply next, after the reshape it needed
        self.output = None

    # ------------------------------------------------------------ leaves

    def start(self):
        """One to three inputs of random shapes (rank 0 to 3, extents 1 to 4), some positive."""
        for _ in range(int(self.rng.integers(1, 4))):
            rank = int(self.rng.choice([0, 1, 2, 3], p=[0.06, 0.3, 0.4, 0.24]))
            shape = tuple(int(self.rng.choice([1, 2, 3, 4], p=[0.2, 0.35, 0.3, 0.15])) for _ in range(rank))
            self.leaf("input", shape, positive=self.rng.random() < 0.3)
        for kind, name, array in self.pending:
            self.declarations.append((kind, name, array))
            self.dangling.append(name)
        self.pending = []

    def leaf(self, kind, shape, values=None, positive=False):
        if values is None:
            values = self.rng.uniform(0.5, 2.0, shape) if positive else self.rng.standard_normal(shape)
        name = {"input": "x", "const": "c", "index": "i", "mask": "m"}[kind] + str(self.count)
        self.count += 1
        self.pending.append((kind, name, np.asarray(values, dtype=np.float64)))
        self.env[name] = torch.tensor(values, dtype=torch.float64)
        if kind == "input":
            self.variables.add(name)
        return name

    def partner(self, shape, positive=False):
        """An operand for a binary op: an input or a constant of this shape, or a scalar literal."""
        roll = self.rng.random()
        if roll < 0.25:
            literal = float(self.rng.choice([v for v in LITERALS if v > 0] if positive else LITERALS))
            return repr(literal)
        return self.leaf("input" if roll < 0.65 else "const", shape, positive=positive)

    def broadcastable(self, shape):
        """A shape that broadcasts with this one: some leading axes dropped, some extents set to 1."""
        keep = int(self.rng.integers(0, len(shape) + 1))
        tail = list(shape[len(shape) - keep:])
        return tuple(1 if self.rng.random() < 0.3 else d for d in tail)

    # ------------------------------------------------------------ growing

    def commit(self, op, args, attrs):
        """Runs the op; keeps it when its result is small and finite, else forgets it and its new leaves."""
        try:
            value = run_op(op, args, attrs, self.env)
        except RuntimeError:
            value = None
        if value is None or value.numel() == 0 or value.numel() > MAX_SIZE or not torch.isfinite(value).all() \
                or value.abs().max() > MAX_ABS:
            self.forget()
            return False
        target = "v" + str(self.count)
        self.count += 1
        for kind, name, array in self.pending:
            self.declarations.append((kind, name, array))
            if kind == "input":
                self.dangling.append(name)
        self.pending = []
        self.ops.append((target, op, list(args), dict(attrs)))
        self.env[target] = value
        self.variables.add(target)
        self.dangling = [n for n in self.dangling if n not in args]
        self.dangling.append(target)
        return True

    def pick(self):
        """A variable to apply the next op to: mostly one nothing uses yet."""
        if self.dangling and self.rng.random() < 0.75:
            return self.dangling[int(self.rng.integers(len(self.dangling)))]
        names = sorted(self.variables - {n for _, n, _ in self.pending})
        return names[int(self.rng.integers(len(names)))]

    def grow(self, steps):
        done = 0
        for _ in range(40 * steps):
            if done == steps:
                break
            follow, self.follow = self.follow, None
            op = follow or self.rng.choice(list(PROPOSALS), p=WEIGHTS)
            proposal = PROPOSALS[op](self, self.dangling[-1] if follow else self.pick())
            if proposal is not None and proposal[0] == "reshape" and op != "reshape":
                self.follow = op
            if proposal is None:
                self.forget()
                continue
            done += self.commit(*proposal)

    def forget(self):
        """Drops the leaves made for an op that was not taken."""
        for _, name, _ in self.pending:
            self.env.pop(name)
            self.variables.discard(name)
        self.pending = []

    def fold(self):
        """Joins what nothing uses into one output, so every input reaches it; sets and returns the output."""
        while len(self.dangling) > 1:
            b, a = self.dangling[-1], self.dangling[-2]
            sa, sb = tuple(self.env[a].shape), tuple(self.env[b].shape)
            op = str(self.rng.choice(["add", "mul", "sub"]))
            try:
                joint = np.broadcast_shapes(sa, sb)
            except ValueError:
                joint = None
            if joint is not None and int(np.prod(joint)) <= MAX_SIZE and self.commit(op, [a, b], {}):
                continue
            smaller = a if len(sa) <= len(sb) else b
            if not self.commit("sum", [smaller], {}) and not self.commit("mean", [smaller], {}):
                raise RuntimeError("cannot fold " + smaller)
        self.output = self.dangling[0]
        return self.output


# ---------------------------------------------------------------- recording

class Recorder:
    """Every number in one flat array; the program lines point into it."""

    def __init__(self):
        self.values = []
        self.size = 0
        self.lines = []

    def put(self, array):
        if isinstance(array, torch.Tensor):
            # torch 1.13's double backward can return its storage-less zero tensor, which numpy() crashes on
            array = np.zeros(tuple(array.shape)) if array._is_zerotensor() else array.detach().numpy()
        array = np.array(array, dtype=np.float64)   # a copy, owning its memory
        offset = self.size
        self.values.append(array.ravel())
        self.size += array.size
        return offset


def shape_text(shape):
    return "[" + ",".join(str(int(d)) for d in shape) + "]"


def function(graph):
    """The graph as a function of its inputs, in declaration order."""
    names = [n for kind, n, _ in graph.declarations if kind == "input"]
    constants = {n: torch.tensor(v, dtype=torch.float64) for kind, n, v in graph.declarations if kind != "input"}

    def f(*xs):
        env = dict(constants)
        env.update(zip(names, xs))
        for target, op, args, attrs in graph.ops:
            env[target] = run_op(op, args, attrs, env)
        return env[graph.output]
    return names, f


def record(graph_id, graph, rng, out, with_hvp):
    names, f = function(graph)
    arrays = {n: v for kind, n, v in graph.declarations if kind == "input"}
    xs = [torch.tensor(arrays[n], dtype=torch.float64, requires_grad=True) for n in names]
    value = f(*xs)
    cotangent = torch.tensor(rng.standard_normal(tuple(value.shape)), dtype=torch.float64)
    vjps = torch.autograd.grad(value, xs, cotangent, allow_unused=True)
    tangents = [torch.tensor(rng.standard_normal(tuple(x.shape)), dtype=torch.float64) for x in xs]
    _, jvp = torch.autograd.functional.jvp(f, tuple(x.detach() for x in xs), tuple(tangents))
    lines = out.lines
    lines.append(f"graph {graph_id} hvp={int(with_hvp)}")
    for kind, name, array in graph.declarations:
        lines.append(f"{kind} {name} {shape_text(array.shape)} {out.put(array)}")
    for target, op, args, attrs in graph.ops:
        lines.append(" ".join(["op", target, op] + args + [f"{k}={v}" for k, v in attrs.items()]))
    lines.append(f"output {graph.output}")
    lines.append(f"value {shape_text(value.shape)} {out.put(value.detach().numpy())}")
    lines.append(f"cotangent {out.put(cotangent.numpy())}")
    for name, x, g in zip(names, xs, vjps):
        lines.append(f"vjp {name} {out.put(torch.zeros_like(x) if g is None else g)}")
    for name, t in zip(names, tangents):
        lines.append(f"tangent {name} {out.put(t.numpy())}")
    lines.append(f"jvp {out.put(jvp)}")
    if with_hvp:
        directions = [torch.tensor(rng.standard_normal(tuple(x.shape)), dtype=torch.float64) for x in xs]
        products = hessian_vector_product(f, xs, cotangent, directions)
        for name, d in zip(names, directions):
            lines.append(f"direction {name} {out.put(d.numpy())}")
        for name, h in zip(names, products):
            lines.append(f"hvp {name} {out.put(h)}")
    lines.append("end")


def hessian_vector_product(f, xs, cotangent, directions):
    """H·v of s(x) = <cotangent, f(x)>, for all inputs at once: reverse over reverse."""
    s = (f(*xs) * cotangent).sum()
    grads = torch.autograd.grad(s, xs, create_graph=True, allow_unused=True)
    terms = [(g * d).sum() for g, d in zip(grads, directions) if g is not None and g.requires_grad]
    if not terms:
        return [torch.zeros_like(x) for x in xs]
    products = torch.autograd.grad(sum(terms), xs, allow_unused=True)
    return [torch.zeros_like(x) if h is None else h for x, h in zip(xs, products)]


def main():
    parser = argparse.ArgumentParser(description="Random graphs and their derivatives from PyTorch")
    parser.add_argument("--graphs", type=int, default=GRAPHS)
    parser.add_argument("--seed", type=int, default=20240607)
    parser.add_argument("--out", default=HERE)
    options = parser.parse_args()
    rng = np.random.default_rng(options.seed)
    out = Recorder()
    counts = {}
    for graph_id in range(options.graphs):
        graph = Graph(rng)
        graph.start()
        graph.grow(int(rng.integers(3, 9)))
        graph.fold()
        for _, op, _, _ in graph.ops:
            counts[op] = counts.get(op, 0) + 1
        record(graph_id, graph, rng, out, with_hvp=graph_id % 3 == 0)
    os.makedirs(options.out, exist_ok=True)
    with open(os.path.join(options.out, "graphs.txt"), "w") as text:
        text.write("# written by make_graphs.py with torch %s; see its docstring for the format\n" % torch.__version__)
        text.write("\n".join(out.lines) + "\n")
    np.save(os.path.join(options.out, "values.npy"), np.concatenate(out.values))
    print(f"{options.graphs} graphs, {sum(counts.values())} ops, {out.size} numbers")
    print(" ".join(f"{k}:{v}" for k, v in sorted(counts.items())))


if __name__ == "__main__":
    main()
