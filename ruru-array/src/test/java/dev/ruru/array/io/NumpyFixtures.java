package dev.ruru.array.io;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Order;
import dev.ruru.array.Shape;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.LongStream;

/**
 * The NumPy-written files under {@code src/test/resources/npy} (made by {@code make_npy_fixtures.py}) and the
 * arrays they hold, recomputed here from the script's formulas rather than read from a second file:
 * with k the C-order position of an element, f4/f8 hold 0.5k − 3, i4 holds 1000003k − 7, i8 holds
 * 2⁴⁰k − 5 and b1 holds k mod 3 = 0.
 */
final class NumpyFixtures {
  static final String[] CODES = {"f4", "f8", "i4", "i8", "b1"};

  private NumpyFixtures() {}

  static Path path(String name) {
    URL url = NumpyFixtures.class.getResource("/npy/" + name);
    if (url == null) {
      throw new IllegalStateException("missing fixture " + name + "; run make_npy_fixtures.py");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The script's array for dtype {@code code} and {@code shape}, C-ordered (rank 0 when shape is empty). */
  static NDArray expected(String code, int... shape) {
    int size = Shape.of(shape).size();
    long[] k = LongStream.range(0, size).toArray();
    NDArray flat = switch (code) {
      case "f4" -> NDArray.of(halvesMinusThree(k)).astype(DType.FLOAT32);
      case "f8" -> NDArray.of(halvesMinusThree(k));
      case "i4" -> NDArray.of(Arrays.stream(k).mapToInt(i -> Math.toIntExact(1000003 * i - 7)).toArray());
      case "i8" -> NDArray.of(Arrays.stream(k).map(i -> (1L << 40) * i - 5).toArray());
      case "b1" -> NDArray.of(Arrays.stream(k).map(i -> i % 3).toArray()).eq(0);
      default -> throw new IllegalArgumentException(code);
    };
    return flat.reshape(shape);
  }

  /** 0.5k − 3: exact in float32 and float64 for the sizes used here. */
  private static double[] halvesMinusThree(long[] k) {
    return Arrays.stream(k).mapToDouble(i -> 0.5 * i - 3).toArray();
  }

  /** The same values laid out in Fortran order, as {@code np.asfortranarray}. */
  static NDArray expectedFortran(String code, int... shape) {
    return expected(code, shape).copy(Order.F);
  }
}
