package dev.ruru.array;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * How NumPy prints the floats of one array (its {@code FloatingFormat} in the default mode:
 * {@code floatmode='maxprec'}, {@code precision=8}). Every element of an array is printed alike, so the
 * format is chosen from all the (displayed) values first:
 * <ul>
 *   <li>scientific when the non-zero magnitudes span more than 1e3, or reach 1e8, or go below 1e-4;
 *       then every mantissa gets as many digits as the longest needs ({@code 1.0000e-05}), the extra
 *       ones being further digits of the exact binary value, as Dragon4 pads;
 *   <li>otherwise positional: each value with the fewest digits that identify it (at most 8 after the
 *       point, trailing zeros dropped: {@code 1.}, {@code 0.5}), aligned on the point with spaces.
 * </ul>
 * "The fewest digits that identify it" is relative to the array's own type: float32's 0.1 prints as
 * {@code 0.1}, not as its float64 expansion. Rounding at the 8th digit is half-even on the exact
 * binary value, as NumPy's Dragon4 does.
 */
final class FloatFormat {
  private static final int PRECISION = 8;

  private final boolean single;
  private final boolean scientific;
  private int padLeft;
  private int padRight;
  private int digits;
  private int exponentDigits;

  /**
   * @param values the values that will be printed (float32 ones widened exactly to double)
   * @param single whether they are float32, which changes the shortest digits
   */
  FloatFormat(double[] values, boolean single) {
    this.single = single;
    this.scientific = needsScientific(values, single);
    boolean anyFinite = false;
    boolean anyNonFinite = false;
    boolean negativeInfinity = false;
    for (double x : values) {
      if (Double.isFinite(x)) {
        anyFinite = true;
        measure(x);
      } else {
        anyNonFinite = true;
        negativeInfinity |= x == Double.NEGATIVE_INFINITY;
      }
    }
    if (scientific && anyFinite) {
      padRight = exponentDigits + 2 + digits;
    }
    if (anyNonFinite) {
      // nan and inf are right-aligned in the same width as the numbers; widen it if they need more room.
      int afterPoint = padRight + 1;
      padLeft = Math.max(padLeft, 3 + (negativeInfinity ? 1 : 0) - afterPoint);
    }
  }

  /** NumPy's rule: scientific when |x| spans over three decades, reaches 1e8 or has a value below 1e-4. */
  private static boolean needsScientific(double[] values, boolean single) {
    double max = 0;
    double min = Double.POSITIVE_INFINITY;
    for (double x : values) {
      if (Double.isFinite(x) && x != 0) {
        max = Math.max(max, Math.abs(x));
        min = Math.min(min, Math.abs(x));
      }
    }
    if (max == 0) {
      return false;
    }
    // NumPy divides in the array's own type, so a float32 ratio rounds to float.
    double ratio = single ? (float) max / (float) min : max / min;
    return max >= 1e8 || min < 1e-4 || ratio > 1e3;
  }

  /** First pass: widths of the integer part, the fraction and the exponent over all finite values. */
  private void measure(double x) {
    if (scientific) {
      String[] parts = scientificParts(x);
      padLeft = Math.max(padLeft, parts[0].length());
      digits = Math.max(digits, parts[1].length());
      exponentDigits = Math.max(exponentDigits, Math.max(2, parts[2].replace("-", "").length()));
    } else {
      String[] parts = positionalParts(x);
      padLeft = Math.max(padLeft, parts[0].length());
      padRight = Math.max(padRight, parts[1].length());
    }
  }

  /** One element, padded to the common width. */
  String format(double x) {
    if (Double.isNaN(x) || Double.isInfinite(x)) {
      String word = Double.isNaN(x) ? "nan" : x < 0 ? "-inf" : "inf";
      return " ".repeat(Math.max(0, padLeft + padRight + 1 - word.length())) + word;
    }
    StringBuilder out = new StringBuilder();
    if (scientific) {
      String[] parts = scientificParts(x);
      if (parts[1].length() < digits) {
        // Dragon4 fills the common width with further digits of the exact value, not with zeros.
        parts = scientificParts(new BigDecimal(x).round(new MathContext(digits + 1, RoundingMode.HALF_EVEN)), x);
      }
      pad(out, padLeft - parts[0].length());
      out.append(parts[0]).append('.').append(parts[1]);
      out.append("0".repeat(digits - parts[1].length()));
      String exponent = parts[2];
      out.append('e').append(exponent.charAt(0) == '-' ? '-' : '+');
      String magnitude = exponent.charAt(0) == '-' ? exponent.substring(1) : exponent;
      out.append("0".repeat(Math.max(0, exponentDigits - magnitude.length()))).append(magnitude);
    } else {
      String[] parts = positionalParts(x);
      pad(out, padLeft - parts[0].length());
      out.append(parts[0]).append('.').append(parts[1]);
      pad(out, padRight - parts[1].length());
    }
    return out.toString();
  }

  private static void pad(StringBuilder out, int spaces) {
    for (int i = 0; i < spaces; i++) {
      out.append(' ');
    }
  }

  /** {integer part with sign, fraction digits}: the shortest digits, cut at 8 after the point. */
  private String[] positionalParts(double x) {
    BigDecimal value = shortest(x);
    if (value.scale() > PRECISION) {
      value = new BigDecimal(x).setScale(PRECISION, RoundingMode.HALF_EVEN);
    }
    String plain = value.stripTrailingZeros().toPlainString();
    int point = plain.indexOf('.');
    String integer = point < 0 ? plain : plain.substring(0, point);
    String fraction = point < 0 ? "" : plain.substring(point + 1);
    if (isNegativeZero(x)) {
      integer = "-0";
    }
    return new String[] {integer, fraction};
  }

  /**
   * {sign and leading digit, further digits, exponent (signed only when negative)}: the shortest digits,
   * 9 at most.
   */
  private String[] scientificParts(double x) {
    BigDecimal value = shortest(x).stripTrailingZeros();
    if (value.precision() > PRECISION + 1) {
      value = new BigDecimal(x).round(new MathContext(PRECISION + 1, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }
    return scientificParts(value, x);
  }

  private static String[] scientificParts(BigDecimal value, double x) {
    String mantissa = value.unscaledValue().abs().toString();
    int exponent = value.signum() == 0 ? 0 : mantissa.length() - 1 - value.scale();
    String lead = (value.signum() < 0 || isNegativeZero(x) ? "-" : "") + mantissa.charAt(0);
    return new String[] {lead, mantissa.substring(1), Integer.toString(exponent)};
  }

  /** The shortest decimal that reads back as {@code x} in the array's type (Java's toString is shortest since JDK 19). */
  private BigDecimal shortest(double x) {
    return new BigDecimal(single ? Float.toString((float) x) : Double.toString(x));
  }

  private static boolean isNegativeZero(double x) {
    return x == 0 && Double.doubleToRawLongBits(x) != 0;
  }
}
