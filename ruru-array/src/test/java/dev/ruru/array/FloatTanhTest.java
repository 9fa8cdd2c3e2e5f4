package dev.ruru.array;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FloatTanhTest {
  /** Every 509th positive float (4.2 million of them, from the subnormals to infinity) and its negative. */
  private static float[] sweep() {
    int step = 509;
    float[] x = new float[2 * (0x7f800000 / step + 1)];
    int k = 0;
    for (long bits = 0; bits <= 0x7f800000L; bits += step) {
      float v = Float.intBitsToFloat((int) bits);
      x[k++] = v;
      x[k++] = -v;
    }
    return java.util.Arrays.copyOf(x, k);
  }

  /** |f − tanh(x)| in units of the last place of the float nearest tanh(x). */
  private static double ulps(float f, float x) {
    double exact = Math.tanh(x);
    return Math.abs(f - exact) / Math.ulp((float) Math.max(Math.abs(exact), Float.MIN_VALUE));
  }

  @Test
  void withinThreeUlpsOfMathTanhOverTheFloatRange() {
    float[] x = sweep();
    float[] y = new float[x.length];
    FloatTanh.tanh(x, 0, y, 0, x.length);
    double worstUlps = 0, worstRelative = 0;
    float worstAt = 0;
    for (int i = 0; i < x.length; i++) {
      double u = ulps(y[i], x[i]);
      if (u > worstUlps) {
        worstUlps = u;
        worstAt = x[i];
      }
      double exact = Math.tanh(x[i]);
      worstRelative = Math.max(worstRelative, exact == 0 ? Math.abs(y[i]) : Math.abs(y[i] - exact) / Math.abs(exact));
      assertEquals(Float.floatToIntBits(y[i]), Float.floatToIntBits(FloatTanh.tanh(x[i])), () -> "array loop and scalar differ");
    }
    float at = worstAt;
    double u = worstUlps;
    assertTrue(worstUlps <= 3, () -> "tanh(" + at + ") is " + u + " ulps from Math.tanh (more than 3)");
    assertTrue(worstRelative < 2.5e-7, "relative error " + worstRelative + " (at least 2.5e-7)");
  }

  @Test
  void smallArgumentsKeepTheirRelativePrecisionAndLargeOnesSaturateExactly() {
    // A GRU's update gate near 0 must not become 0 (ONNX's test_gru_seq_length expects -1.13e-7 at atol 1e-7).
    for (float x : new float[] {Float.MIN_VALUE, 1e-30f, 1e-10f, -1.13e-7f, 3e-4f, -0.01f}) {
      assertEquals((float) Math.tanh(x), FloatTanh.tanh(x), Math.ulp((float) Math.tanh(x)), "tanh(" + x + ")");
    }
    assertEquals(1f, FloatTanh.tanh(9.02f));
    assertEquals(-1f, FloatTanh.tanh(-50f));
    assertEquals(1f, FloatTanh.tanh(Float.POSITIVE_INFINITY));
    assertEquals(-1f, FloatTanh.tanh(Float.NEGATIVE_INFINITY));
    assertEquals(Float.floatToIntBits(-0f), Float.floatToIntBits(FloatTanh.tanh(-0f)));
    assertTrue(Float.isNaN(FloatTanh.tanh(Float.NaN)));
    assertTrue(FloatTanh.tanh(8f) < 1f, "tanh(8) = 1 - 2.3e-7 is below 1 in float");
  }

  @Test
  void arrayLoopHandlesOffsetsAwkwardLengthsAndWritingInPlace() {
    SplittableRandom random = new SplittableRandom(7);
    for (int n : new int[] {0, 1, 7, 255, 256, 257, 1000}) {
      float[] data = new float[n + 5];
      for (int i = 0; i < data.length; i++) {
        data[i] = (float) (random.nextGaussian() * 4);
      }
      float[] out = new float[n + 3];
      FloatTanh.tanh(data, 5, out, 3, n);
      float[] inPlace = data.clone();
      FloatTanh.tanh(inPlace, 2, inPlace, 2, n);
      for (int i = 0; i < n; i++) {
        assertEquals(FloatTanh.tanh(data[5 + i]), out[3 + i], "n " + n + " at " + i);
        assertEquals(FloatTanh.tanh(data[2 + i]), inPlace[2 + i], "in place, n " + n + " at " + i);
      }
      assertEquals(0f, out[0] + out[1] + out[2], "nothing written before the output offset");
    }
  }

  @Test
  void ndArrayTanhUsesItForContiguousAndStridedFloat32() {
    NDArray x = NDArray.uniform(Shape.of(4, 300), -6, 6, DType.FLOAT32, new SplittableRandom(3));
    float[] contiguous = x.tanh().toFloatArray();
    float[] strided = x.index(":, ::3").tanh().toFloatArray();
    float[] in = x.toFloatArray();
    float[] stridedIn = x.index(":, ::3").toFloatArray();
    for (int i = 0; i < in.length; i++) {
      assertEquals(FloatTanh.tanh(in[i]), contiguous[i]);
    }
    for (int i = 0; i < stridedIn.length; i++) {
      assertEquals(FloatTanh.tanh(stridedIn[i]), strided[i]);
    }
  }
}
