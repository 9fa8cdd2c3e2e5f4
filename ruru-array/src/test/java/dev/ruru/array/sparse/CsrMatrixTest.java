package dev.ruru.array.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Parallel;
import dev.ruru.array.Shape;
import dev.ruru.array.io.Npz;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** COO and CSR against SciPy (fixture and script in src/test/resources/sparse/) and a dense reference. */
class CsrMatrixTest {
  private static Map<String, NDArray> reference;
  private static CsrMatrix matrix;

  @BeforeAll
  static void read() throws Exception {
    reference = Npz.read(Path.of("src/test/resources/sparse/sparse_reference.npz"));
    matrix = CooMatrix.of(7, 5, reference.get("coo_rows").toIntArray(), reference.get("coo_cols").toIntArray(),
        reference.get("coo_values").toDoubleArray()).toCsr(DType.FLOAT64);
  }

  @Test
  void cooToCsrSortsColumnsAndAddsRepeatedPositionsAsSciPyDoes() {
    assertArrayEquals(reference.get("csr_indptr").toIntArray(), matrix.rowPointers());
    assertArrayEquals(reference.get("csr_indices").toIntArray(), matrix.columnIndices());
    assertTrue(matrix.values().allClose(reference.get("csr_data"), 0, 1e-15));
    assertTrue(matrix.nonZeros() < 20, "the repeated position was merged");
  }

  @Test
  void productTransposeAndSumsMatchSciPy() {
    assertTrue(matrix.matmul(reference.get("dense")).allClose(reference.get("product"), 0, 1e-14));
    assertTrue(matrix.matmul(reference.get("dense").slice(1, 0, 1, 1).reshape(5)).allClose(reference.get("product_vector"), 0, 1e-14));
    CsrMatrix transposed = matrix.transpose();
    assertEquals(Shape.of(5, 7), transposed.shape());
    assertArrayEquals(reference.get("t_indptr").toIntArray(), transposed.rowPointers());
    assertArrayEquals(reference.get("t_indices").toIntArray(), transposed.columnIndices());
    assertTrue(transposed.values().allClose(reference.get("t_data"), 0, 0));
    assertTrue(matrix.rowSums().allClose(reference.get("row_sums"), 0, 1e-14));
    assertTrue(matrix.columnSums().allClose(reference.get("column_sums"), 0, 1e-14));
  }

  @Test
  void degreeNormalisationWithSelfLoopsMatchesSciPyIncludingAnIsolatedNode() {
    NDArray edges = reference.get("edges");
    int[] u = edges.slice(1, 0, 1, 1).reshape(8).toIntArray(), v = edges.slice(1, 1, 2, 1).reshape(8).toIntArray();
    int[] sources = concat(u, v), targets = concat(v, u);
    CsrMatrix norm = CooMatrix.ofOnes(8, 8, sources, targets).toCsr(DType.FLOAT32).normalizedWithSelfLoops();
    assertEquals(DType.FLOAT32, norm.dtype());
    assertArrayEquals(reference.get("norm_indptr").toIntArray(), norm.rowPointers());
    assertArrayEquals(reference.get("norm_indices").toIntArray(), norm.columnIndices());
    assertTrue(norm.toDense().allClose(reference.get("norm_dense").astype(DType.FLOAT32), 0, 1e-6));
    assertEquals(1.0, norm.toDense().slice(0, 7, 8, 1).slice(1, 7, 8, 1).item(), 0, "node 7 has only its self-loop");
  }

  @Test
  void parallelFloat32ProductEqualsTheDenseProductAtAnyThreadCount() {
    SplittableRandom rng = new SplittableRandom(5);
    int n = 3000, entries = 40_000;
    int[] rows = new int[entries], columns = new int[entries];
    double[] values = new double[entries];
    for (int e = 0; e < entries; e++) {
      rows[e] = rng.nextInt(n);
      columns[e] = rng.nextInt(n);
      values[e] = rng.nextDouble(-1, 1);
    }
    CsrMatrix a = CooMatrix.of(n, n, rows, columns, values).toCsr(DType.FLOAT32);
    NDArray x = NDArray.randn(Shape.of(n, 16), rng);
    int threads = Parallel.threads();
    try {
      Parallel.setThreads(1);
      NDArray serial = a.matmul(x);
      Parallel.setThreads(3);
      NDArray parallel = a.matmul(x);
      assertTrue(parallel.allClose(serial, 0, 0), "same bits whatever the thread count");
      assertTrue(serial.allClose(a.toDense().matmul(x), 1e-4, 1e-4));
    } finally {
      Parallel.setThreads(threads);
    }
  }

  @Test
  void badShapesAndIndicesAreRefusedWithTheValues() {
    assertEquals("CooMatrix: column index 5 of entry 1 is outside [0, 5); the matrix has 5 columns",
        assertThrows(IndexOutOfBoundsException.class,
            () -> CooMatrix.ofOnes(3, 5, new int[] {0, 1}, new int[] {4, 5})).getMessage());
    assertEquals("CooMatrix: rows, columns and values must have one length; got 2, 1 and 2",
        assertThrows(IllegalArgumentException.class,
            () -> CooMatrix.of(3, 5, new int[] {0, 1}, new int[] {4}, new double[2])).getMessage());
    assertEquals("CsrMatrix.matmul: shapes [7, 5] and [4, 3] do not align (expected a dense operand with 5 rows)",
        assertThrows(IllegalArgumentException.class, () -> matrix.matmul(NDArray.zeros(Shape.of(4, 3)))).getMessage());
    assertEquals("CsrMatrix: row pointers decrease at row 1 (2 > 1)", assertThrows(IllegalArgumentException.class,
        () -> CsrMatrix.of(2, 2, new int[] {0, 2, 1}, new int[] {0}, NDArray.zeros(Shape.of(1)))).getMessage());
  }

  private static int[] concat(int[] a, int[] b) {
    int[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
