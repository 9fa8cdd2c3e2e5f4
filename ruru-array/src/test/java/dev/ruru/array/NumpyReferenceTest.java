package dev.ruru.array;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The array core against NumPy 1.24, one dynamic test per case of {@code reference/cases.txt}:
 * broadcasting, every elementwise op and comparison, dtype promotion, strided/reversed/Fortran/permuted
 * inputs, reductions on every axis, matmul's shape rules, indexing, joining, views and reshape. The
 * fixtures and the script that made them live in {@code src/test/resources/reference/}.
 */
class NumpyReferenceTest {
  private static final List<ReferenceCase> CASES = ReferenceCase.load();

  @TestFactory
  Stream<DynamicTest> everyCaseMatchesNumpy() {
    return CASES.stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> check(c)));
  }

  private static void check(ReferenceCase c) {
    List<NDArray> inputs = c.inputs();
    List<NDArray> actual = ReferenceOps.apply(c, inputs);
    assertEquals(c.expected().size(), actual.size(), c.name() + ": number of results");
    for (int k = 0; k < actual.size(); k++) {
      String what = actual.size() == 1 ? c.name() : c.name() + " result " + k;
      ArrayAssert.assertClose(what, c.expected().get(k), actual.get(k), c.rtol(), c.atol(), c.exact());
      if (c.has("shares")) {
        boolean shares = actual.get(k).sharesStorageWith(inputs.get(0));
        assertEquals(c.flag("shares"), shares, what + ": NumPy's result " + (c.flag("shares") ? "is a view of" : "is a copy of")
            + " the input, Ruru's " + (shares ? "is a view" : "is a copy") + " (" + actual.get(k).describe() + ")");
      }
    }
  }

  @Test
  void fixturesCoverEveryGroupOfOperations() {
    List<String> ops = CASES.stream().map(ReferenceCase::op).distinct().toList();
    for (String op : List.of("add", "pow", "eq", "exp", "sigmoid", "sum", "logsumexp", "argmax", "var", "matmul", "take",
        "gather", "scatterAdd", "oneHot", "concatenate", "stack", "split", "splitAt", "pad", "reshape", "diagonal", "where", "clip")) {
      assertTrue(ops.contains(op), "cases.txt has no case for " + op + "; regenerate it with make_reference.py");
    }
  }
}
