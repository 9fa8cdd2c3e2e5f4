package dev.ruru.autodiff;

import dev.ruru.array.Shape;
import dev.ruru.array.ShapeMismatchException;

/**
 * Every size of one convolution, fixed when it is applied: input x [N, C, H, W], weight
 * [O, C/groups, kh, kw], output [N, O, OH, OW]. Per group, im2col turns one sample into a
 * [patch, positions] matrix with patch = (C/groups)·kh·kw and positions = OH·OW.
 */
record ConvGeometry(int batch, int channels, int height, int width, int outChannels, int kernelHeight, int kernelWidth,
    int outHeight, int outWidth, Conv2dSpec spec) {

  /** The geometry of conv2d(x, w); {@code op} names the operation in errors. */
  static ConvGeometry of(String op, Shape input, Shape weight, Conv2dSpec spec) {
    if (input.rank() != 4) {
      throw new ShapeMismatchException(op + ": expected input [batch, channels, height, width], got " + input);
    }
    if (weight.rank() != 4) {
      throw new ShapeMismatchException(op + ": expected weight [out channels, in channels / groups, kh, kw], got " + weight);
    }
    int groups = spec.groups();
    if (weight.dim(1) * groups != input.dim(1) || weight.dim(0) % groups != 0) {
      throw new ShapeMismatchException(op + ": weight " + weight + " with " + groups + " group(s) expects " + weight.dim(1) * groups
          + " input channels and out channels divisible by " + groups + "; got input " + input);
    }
    int outHeight = outputLength(op, "height", input.dim(2), spec.padTop(), spec.padBottom(), weight.dim(2),
        spec.dilationHeight(), spec.strideHeight());
    int outWidth = outputLength(op, "width", input.dim(3), spec.padLeft(), spec.padRight(), weight.dim(3),
        spec.dilationWidth(), spec.strideWidth());
    return new ConvGeometry(input.dim(0), input.dim(1), input.dim(2), input.dim(3), weight.dim(0), weight.dim(2), weight.dim(3),
        outHeight, outWidth, spec);
  }

  /**
   * The geometry of the convolution whose input gradient is convTranspose2d(g, w): g [N, O, OH, OW] is
   * that convolution's output, and its input has H = (OH − 1)·stride − top − bottom + dilation·(kh − 1) + 1
   * + extra (and W likewise), where extra < stride picks among the inputs that give the same OH.
   * PyTorch also allows stride ≤ extra < dilation; a convolution of that input would then have more
   * than OH output rows, so the geometry keeps g's OH × OW: the convolution cropped to g's positions,
   * whose adjoint is the transposed convolution (the rows it does not reach stay zero).
   */
  static ConvGeometry ofTranspose(String op, Shape gradient, Shape weight, Conv2dSpec spec, int extraHeight, int extraWidth) {
    if (gradient.rank() != 4 || weight.rank() != 4) {
      throw new ShapeMismatchException(op + ": expected input [batch, channels, height, width] and weight [in channels, "
          + "out channels / groups, kh, kw], got " + gradient + " and " + weight);
    }
    if (gradient.dim(1) != weight.dim(0) || weight.dim(0) % spec.groups() != 0) {
      throw new ShapeMismatchException(op + ": weight " + weight + " with " + spec.groups() + " group(s) expects " + weight.dim(0)
          + " input channels (divisible by the groups); got input " + gradient);
    }
    if (extraHeight < 0 || extraWidth < 0 || extraHeight >= Math.max(spec.strideHeight(), spec.dilationHeight())
        || extraWidth >= Math.max(spec.strideWidth(), spec.dilationWidth())) {
      throw new IllegalArgumentException(op + ": output padding " + extraHeight + "x" + extraWidth
          + " must be non-negative and smaller than the stride or the dilation (" + spec.strideHeight() + "x" + spec.strideWidth() + ")");
    }
    int height = (gradient.dim(2) - 1) * spec.strideHeight() - spec.padTop() - spec.padBottom()
        + spec.dilationHeight() * (weight.dim(2) - 1) + 1 + extraHeight;
    int width = (gradient.dim(3) - 1) * spec.strideWidth() - spec.padLeft() - spec.padRight()
        + spec.dilationWidth() * (weight.dim(3) - 1) + 1 + extraWidth;
    if (height < 1 || width < 1) {
      throw new IllegalArgumentException(op + ": input " + gradient + " with kernel " + weight.dim(2) + "x" + weight.dim(3)
          + " and padding " + spec.padTop() + "+" + spec.padBottom() + ", " + spec.padLeft() + "+" + spec.padRight()
          + " gives an empty output " + height + "x" + width);
    }
    Shape input = Shape.of(gradient.dim(0), weight.dim(1) * spec.groups(), height, width);
    Shape forwardWeight = Shape.of(weight.dim(0), weight.dim(1), weight.dim(2), weight.dim(3));
    ConvGeometry full = of(op, input, forwardWeight, spec);
    return new ConvGeometry(full.batch, full.channels, height, width, full.outChannels, full.kernelHeight, full.kernelWidth,
        gradient.dim(2), gradient.dim(3), spec);
  }

  private static int outputLength(String op, String axis, int input, int before, int after, int kernel, int dilation, int stride) {
    int length = Conv2dSpec.outputLength(input, before, after, kernel, dilation, stride);
    if (length < 1) {
      throw new IllegalArgumentException(op + ": kernel " + axis + " " + kernel + (dilation > 1 ? " (dilation " + dilation + ", span "
          + (dilation * (kernel - 1) + 1) + ")" : "") + " is larger than the padded input " + axis + " " + (input + before + after)
          + " (" + input + " plus padding " + before + "+" + after + ")");
    }
    return length;
  }

  Shape inputShape() { return Shape.of(batch, channels, height, width); }
  Shape weightShape() { return Shape.of(outChannels, channels / spec.groups(), kernelHeight, kernelWidth); }
  Shape outputShape() { return Shape.of(batch, outChannels, outHeight, outWidth); }
  int groups() { return spec.groups(); }
  int groupOutChannels() { return outChannels / spec.groups(); }
  /** Rows of one group's im2col matrix: (C/groups)·kh·kw. */
  int patch() { return channels / spec.groups() * kernelHeight * kernelWidth; }
  /** Columns of the im2col matrix: OH·OW. */
  int positions() { return outHeight * outWidth; }
  int inputSample() { return channels * height * width; }
  int outputSample() { return outChannels * outHeight * outWidth; }
}
