package dev.ruru.array;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The array core against NumPy, one dynamic test per case: the chosen cases of
 * {@code reference/cases.txt} (NumPy 1.24: broadcasting, every elementwise op and comparison, dtype
 * promotion, strided/reversed/Fortran/permuted inputs, reductions on every axis, matmul's shape rules,
 * indexing, joining, views and reshape) and the random ones of {@code reference/differential.txt}
 * (NumPy 2.4: a couple of thousand drawn from one seed, with empty and size-1 axes, non-contiguous
 * views, mixed dtypes, awkward values, overlapping in-place updates, and the inputs NumPy refuses).
 * The fixtures and the scripts that made them live in {@code src/test/resources/reference/}.
 */
class NumpyReferenceTest {
  private static final List<ReferenceCase> CASES = ReferenceCase.load();
  private static final List<ReferenceCase> RANDOM_CASES = ReferenceCase.loadPooled("differential.txt", "differential.npz");

  @TestFactory
  Stream<DynamicTest> everyCaseMatchesNumpy() {
    return CASES.stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> check(c)));
  }

  @TestFactory
  Stream<DynamicTest> everyRandomCaseMatchesNumpy() {
    return RANDOM_CASES.stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> check(c)));
  }

  private static void check(ReferenceCase c) {
    List<NDArray> inputs = c.inputs();
    if (c.has("raises")) {
      checkRefused(c, inputs);
      return;
    }
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

  /**
   * Where NumPy raises, Ruru must refuse with an error of its own (a bad argument or index), not return
   * a result, and not fail inside a kernel (ArithmeticException, ArrayIndexOutOfBoundsException).
   */
  private static void checkRefused(ReferenceCase c, List<NDArray> inputs) {
    RuntimeException error = assertThrows(RuntimeException.class, () -> ReferenceOps.apply(c, inputs),
        c.name() + ": NumPy raises " + c.text("raises") + " but Ruru returned a result");
    assertTrue(error instanceof IllegalArgumentException || error.getClass() == IndexOutOfBoundsException.class,
        c.name() + ": NumPy raises " + c.text("raises") + " but Ruru failed inside: " + error);
  }

  @Test
  void randomCasesCoverEveryFamilyAndNumpysRefusals() {
    List<String> ops = RANDOM_CASES.stream().map(ReferenceCase::op).distinct().toList();
    for (String op : List.of("add", "pow", "eq", "add_scalar", "neg", "relu", "sum", "var", "logsumexp", "argmin", "matmul",
        "take", "gather", "indexAdd", "concatenate", "reshape", "permute", "subInPlace", "assignInPlace", "addScaledInPlace")) {
      assertTrue(ops.contains(op), "differential.txt has no case for " + op + "; regenerate it with make_differential.py");
    }
    assertTrue(RANDOM_CASES.size() >= 1000, "differential.txt has only " + RANDOM_CASES.size() + " cases");
    assertTrue(RANDOM_CASES.stream().anyMatch(c -> c.has("raises")), "differential.txt has no case where NumPy raises");
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
