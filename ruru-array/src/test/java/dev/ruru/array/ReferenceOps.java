package dev.ruru.array;

import java.util.List;

/**
 * Runs a {@link ReferenceCase}'s operation through the public {@link NDArray} API. Each op name of
 * {@code cases.txt} maps to one call here, with the parameters make_reference.py wrote next to it:
 * {@code axis}, {@code axes} ("none" for all), {@code keepdims}, {@code ddof}, {@code shape},
 * {@code scalar}, {@code spec}, {@code dtype}, {@code classes}, {@code sections}, {@code indices},
 * {@code widths}, {@code value}, {@code low}, {@code high}, {@code first}, {@code second},
 * {@code start}, {@code stop}, {@code step}; and for in-place updates {@code target}, {@code source}
 * (view specs of input 0) and {@code alpha}.
 */
final class ReferenceOps {
  private ReferenceOps() {}

  /** The case's op applied to {@code in}, the case's {@link ReferenceCase#inputs() inputs}. */
  static List<NDArray> apply(ReferenceCase c, List<NDArray> in) {
    return switch (c.op()) {
      case "split" -> in.get(0).split(c.integer("sections"), c.integer("axis"));
      case "splitAt" -> in.get(0).splitAt(c.integers("indices"), c.integer("axis"));
      case "addInPlace", "subInPlace", "mulInPlace", "divInPlace", "assignInPlace", "addScaledInPlace" -> List.of(update(c, in));
      default -> List.of(single(c, in));
    };
  }

  /**
   * An in-place update (make_differential.py's): the view {@code target} of input 0 updated from its
   * view {@code source}, or from input 1 where no source is named. The result is the whole of input 0
   * afterwards; a copy of it, unless the case presents it as a (fresh) Fortran copy already.
   */
  private static NDArray update(ReferenceCase c, List<NDArray> in) {
    NDArray base = c.has("view0") ? in.get(0) : in.get(0).copy();
    NDArray target = ReferenceCase.present(base, c.text("target"));
    NDArray source = c.has("source") ? ReferenceCase.present(base, c.text("source")) : in.get(1);
    switch (c.op()) {
      case "addInPlace" -> target.addInPlace(source);
      case "subInPlace" -> target.subInPlace(source);
      case "mulInPlace" -> target.mulInPlace(source);
      case "divInPlace" -> target.divInPlace(source);
      case "addScaledInPlace" -> target.addScaledInPlace(source, c.number("alpha"));
      default -> target.assignInPlace(source);
    }
    return base;
  }

  private static NDArray single(ReferenceCase c, List<NDArray> in) {
    NDArray a = in.get(0);
    return switch (c.op()) {
      case "add" -> a.add(in.get(1));
      case "sub" -> a.sub(in.get(1));
      case "mul" -> a.mul(in.get(1));
      case "div" -> a.div(in.get(1));
      case "pow" -> a.pow(in.get(1));
      case "maximum" -> a.maximum(in.get(1));
      case "minimum" -> a.minimum(in.get(1));
      case "mulHeaviside" -> a.mulHeaviside(in.get(1));
      case "eq" -> a.eq(in.get(1));
      case "ne" -> a.ne(in.get(1));
      case "lt" -> a.lt(in.get(1));
      case "le" -> a.le(in.get(1));
      case "gt" -> a.gt(in.get(1));
      case "ge" -> a.ge(in.get(1));
      case "add_scalar" -> a.add(c.number("scalar"));
      case "sub_scalar" -> a.sub(c.number("scalar"));
      case "mul_scalar" -> a.mul(c.number("scalar"));
      case "div_scalar" -> a.div(c.number("scalar"));
      case "pow_scalar" -> a.pow(c.number("scalar"));
      case "gt_scalar" -> a.gt(c.number("scalar"));
      case "where" -> NDArray.where(a, in.get(1), in.get(2));
      case "clip" -> a.clip(c.number("low"), c.number("high"));
      case "matmul" -> a.matmul(in.get(1));
      case "dot" -> a.dot(in.get(1));
      case "outer" -> a.outer(in.get(1));
      default -> unaryOrView(c, a, in);
    };
  }

  private static NDArray unaryOrView(ReferenceCase c, NDArray a, List<NDArray> in) {
    return switch (c.op()) {
      case "neg" -> a.neg();
      case "abs" -> a.abs();
      case "sign" -> a.sign();
      case "exp" -> a.exp();
      case "log" -> a.log();
      case "sqrt" -> a.sqrt();
      case "sin" -> a.sin();
      case "cos" -> a.cos();
      case "tanh" -> a.tanh();
      case "sigmoid" -> a.sigmoid();
      case "relu" -> a.relu();
      case "index" -> a.index(c.text("spec"));
      case "reshape" -> a.reshape(c.integers("shape"));
      case "permute" -> a.permute(c.integers("axes"));
      case "transpose" -> a.transpose();
      case "swapaxes" -> a.swapAxes(c.integer("first"), c.integer("second"));
      case "squeeze" -> c.has("axis") ? a.squeeze(c.integer("axis")) : a.squeeze();
      case "unsqueeze" -> a.unsqueeze(c.integer("axis"));
      case "broadcastTo" -> a.broadcastTo(Shape.of(c.integers("shape")));
      case "diagonal" -> a.diagonal();
      case "slice" -> a.slice(c.integer("axis"), c.integer("start"), c.integer("stop"), c.integer("step"));
      case "contiguous" -> a.contiguous();
      case "copyF" -> a.copy(Order.F);
      case "astype" -> a.astype(DType.fromNumpyName(c.text("dtype")));
      default -> indexing(c, a, in);
    };
  }

  private static NDArray indexing(ReferenceCase c, NDArray a, List<NDArray> in) {
    return switch (c.op()) {
      case "take" -> a.take(in.get(1), c.integer("axis"));
      case "gather" -> a.gather(c.integer("axis"), in.get(1));
      case "scatterAdd" -> a.scatterAdd(c.integer("axis"), in.get(1), in.get(2));
      case "indexAdd" -> a.indexAddInPlace(c.integer("axis"), in.get(1), in.get(2), c.number("alpha"));   // input 0, updated
      case "oneHot" -> NDArray.oneHot(a, c.integer("classes"), DType.fromNumpyName(c.text("dtype")));
      case "concatenate" -> NDArray.concatenate(in, c.integer("axis"));
      case "stack" -> NDArray.stack(in, c.integer("axis"));
      case "pad" -> a.pad(c.widths("widths"), c.number("value"));
      default -> reduction(c, a);
    };
  }

  private static NDArray reduction(ReferenceCase c, NDArray a) {
    if (c.op().equals("argmax") || c.op().equals("argmin")) {
      return argReduction(c, a);
    }
    int[] axes = c.integers("axes");
    Dims dims = c.flag("keepdims") ? Dims.KEEP : Dims.DROP;
    // All axes without keepdims goes through the no-argument overload, so both paths get a case.
    boolean whole = axes == null && dims == Dims.DROP;
    int[] picked = axes != null ? axes : allAxes(a);
    return switch (c.op()) {
      case "sum" -> whole ? a.sum() : a.sum(picked, dims);
      case "mean" -> whole ? a.mean() : a.mean(picked, dims);
      case "max" -> whole ? a.max() : a.max(picked, dims);
      case "min" -> whole ? a.min() : a.min(picked, dims);
      case "prod" -> whole ? a.prod() : a.prod(picked, dims);
      case "logsumexp" -> a.logsumexp(picked, dims);
      case "var" -> whole && c.integer("ddof") == 0 ? a.var() : a.var(picked, dims, c.integer("ddof"));
      case "std" -> whole && c.integer("ddof") == 0 ? a.std() : a.std(picked, dims, c.integer("ddof"));
      default -> throw new IllegalArgumentException(c.name() + ": cases.txt names an op the test does not know: " + c.op());
    };
  }

  private static NDArray argReduction(ReferenceCase c, NDArray a) {
    boolean max = c.op().equals("argmax");
    if (c.text("axis").equals("none")) {
      return max ? a.argmax() : a.argmin();
    }
    Dims dims = c.flag("keepdims") ? Dims.KEEP : Dims.DROP;
    return max ? a.argmax(c.integer("axis"), dims) : a.argmin(c.integer("axis"), dims);
  }

  private static int[] allAxes(NDArray a) {
    int[] axes = new int[a.rank()];
    for (int i = 0; i < axes.length; i++) {
      axes[i] = i;
    }
    return axes;
  }
}
