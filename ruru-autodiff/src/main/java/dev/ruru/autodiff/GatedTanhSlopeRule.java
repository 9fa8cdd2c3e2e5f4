package dev.ruru.autodiff;

import dev.ruru.array.NDArray;
import java.util.List;

/**
 * The reverse rule of {@link GatedTanhRule} as a primitive of inputs [g, h]: with t = tanh(a),
 * s = σ(b), u = 1 − t², v = s·(1 − s) for h = [a, b] along axis 1,
 * <pre>
 *   F(g, h) = [g·s·u, g·t·v]                                 laid out like h
 *   ∂F/∂g · c = c_a·s·u + c_b·t·v                             (F is linear in g)
 *   ∂F/∂h · c = [g·u·(c_b·v − 2·c_a·s·t), g·v·(c_a·u + c_b·t·(1 − 2s))]
 * </pre>
 * one pass forward; the derivatives, needed only for second order, are composed.
 */
final class GatedTanhSlopeRule implements Rule {
  /** t, s, u and v of h as tensors, recorded when the graph is. */
  record Parts(Tensor t, Tensor s, Tensor u, Tensor v) {
    static Parts of(Tensor h) {
      int half = h.shape().dim(1) / 2;
      Tensor t = h.slice(1, 0, half, 1).tanh(), s = h.slice(1, half, 2 * half, 1).sigmoid();
      return new Parts(t, s, t.mul(t).neg().add(1), s.mul(s.neg().add(1)));
    }
  }

  public String name() { return "gatedTanhSlope"; }

  public NDArray forward(NDArray... in) {
    return GatedTanh.isFloat32(in[1], in[0]) ? GatedTanh.float32(in[1], in[0]) : GatedTanh.composite(in[1], in[0]);
  }

  public Tensor vjp(int input, Tensor c, Tensor[] in, Tensor out) {
    Parts p = Parts.of(in[1]);
    int half = p.t().shape().dim(1);
    Tensor ca = c.slice(1, 0, half, 1), cb = c.slice(1, half, 2 * half, 1);
    if (input == 0) {
      return ca.mul(p.s()).mul(p.u()).add(cb.mul(p.t()).mul(p.v()));
    }
    Tensor g = in[0];
    Tensor da = g.mul(p.u()).mul(cb.mul(p.v()).sub(ca.mul(p.s()).mul(p.t()).mul(2)));
    Tensor db = g.mul(p.v()).mul(ca.mul(p.u()).add(cb.mul(p.t()).mul(p.s().mul(-2).add(1))));
    return Tensor.concat(List.of(da, db), 1);
  }

  public Tensor jvp(Tensor[] t, Tensor[] in, Tensor out) {
    Parts p = Parts.of(in[1]);
    int half = p.t().shape().dim(1);
    Tensor fromG = t[0] == null ? null : Tensor.concat(List.of(t[0].mul(p.s()).mul(p.u()), t[0].mul(p.t()).mul(p.v())), 1);
    if (t[1] == null) {
      return fromG;
    }
    Tensor g = in[0], ta = t[1].slice(1, 0, half, 1), tb = t[1].slice(1, half, 2 * half, 1);
    Tensor da = g.mul(p.s()).mul(p.t()).mul(p.u()).mul(-2).mul(ta).add(g.mul(p.u()).mul(p.v()).mul(tb));
    Tensor db = g.mul(p.v()).mul(p.u()).mul(ta).add(g.mul(p.t()).mul(p.v()).mul(p.s().mul(-2).add(1)).mul(tb));
    return Tensor.sumOfTangents(fromG, Tensor.concat(List.of(da, db), 1));
  }
}
