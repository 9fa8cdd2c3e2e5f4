package dev.ruru.autodiff;

import dev.ruru.array.NDArray;

/**
 * z = tanh(a) ⊙ σ(b) for h = [a, b] along axis 1 ({@link GatedTanh}). Its reverse rule is
 * {@link GatedTanhSlopeRule} (one pass, with derivatives of its own for second order); its forward
 * rule is composed: ∂z = σ(b)·(1 − t²)·∂a + t·σ(b)·(1 − σ(b))·∂b.
 */
final class GatedTanhRule implements Rule {
  public String name() { return "gatedTanh"; }

  public NDArray forward(NDArray... in) {
    return GatedTanh.isFloat32(in[0], null) ? GatedTanh.float32(in[0], null) : GatedTanh.composite(in[0], null);
  }

  public Tensor vjp(int input, Tensor g, Tensor[] in, Tensor out) {
    return Tensor.apply(new GatedTanhSlopeRule(), g, in[0]);
  }

  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) {
    GatedTanhSlopeRule.Parts p = GatedTanhSlopeRule.Parts.of(in[0]);
    int half = p.t().shape().dim(1);
    Tensor ta = t[0].slice(1, 0, half, 1), tb = t[0].slice(1, half, 2 * half, 1);
    return ta.mul(p.s()).mul(p.u()).add(tb.mul(p.t()).mul(p.v()));
  }
}
