package dev.ruru.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Trees thousands of levels deep, as long sums and products parse into, on a thread with a small stack
 * (256 KiB, a quarter of the JVM's default): every operation walks them without recursion that grows
 * with depth, so none may overflow.
 */
class DeepTreeTest {
  private static final long SMALL_STACK = 256 * 1024;

  @Test void longChainsPrintCompareEvaluateDifferentiateAndSimplify() throws InterruptedException {
    onSmallStack(() -> {
      for (String operator : new String[] {"+", "-", "*", "/"}) {
        String text = ("x" + operator).repeat(4999) + "x";
        Expr chain = Expr.parse(text);
        assertEquals(text.replace(operator, " " + operator + " "), chain.toString());
        assertEquals(Expr.parse(text), chain);
        assertEquals(chain.hashCode(), Expr.parse(text).hashCode());
        assertNotEquals(chain, Expr.parse(text.substring(0, text.length() - 1) + "y"));
        double expected = switch (operator) {
          case "+" -> 5000;
          case "-" -> -4998;
          case "*" -> 1;
          default -> 1;
        };
        assertEquals(expected, chain.evaluate(Map.of("x", 1.0)), operator);
        chain.derivative("x");
        chain.simplify();
      }
      assertEquals("5000", Expr.parse("x+".repeat(4999) + "x").derivative("x").simplify().toString());
      assertEquals("-4998", Expr.parse("x-".repeat(4999) + "x").derivative("x").simplify().toString());
    });
  }

  @Test void derivativesOfLongProductsSimplifyToTheirClosedForm() throws InterruptedException {
    onSmallStack(() -> {
      // d/dx x^n written as a product alternates sums and products n levels deep before simplification.
      assertEquals("600 * x^599", Expr.parse("x*".repeat(599) + "x").derivative("x").simplify().toString());
      assertEquals("-598 / x^599", Expr.parse("x/".repeat(599) + "x").derivative("x").simplify().toString());
    });
  }

  private static void onSmallStack(Runnable body) throws InterruptedException {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread thread = new Thread(null, () -> {
      try {
        body.run();
      } catch (Throwable t) {
        failure.set(t);
      }
    }, "small-stack", SMALL_STACK);
    thread.start();
    thread.join();
    if (failure.get() instanceof Error error) {
      throw error;
    }
    if (failure.get() instanceof RuntimeException exception) {
      throw exception;
    }
  }
}
