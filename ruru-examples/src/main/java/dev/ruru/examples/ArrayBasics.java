package dev.ruru.examples;

import dev.ruru.array.DType;
import dev.ruru.array.Dims;
import dev.ruru.array.NDArray;
import dev.ruru.array.Order;
import dev.ruru.array.Shape;
import java.util.Arrays;

/**
 * The science of arrays in five moves, as the course teaches them with NumPy: whole-array arithmetic
 * instead of loops, broadcasting, matrix products and their shapes, views that share memory, and the
 * two memory orders. Run it: {@code java -cp ... dev.ruru.examples.ArrayBasics}.
 */
public class ArrayBasics {
  /** What the tour computes, for its test. */
  record Tour(NDArray sum, NDArray centred, NDArray product, boolean transposeSharesMemory, boolean columnMajorAfterCopy, int[] strides) {}

  public static void main(String[] args) {
    Tour tour = run();
    System.out.println("x + y, one call, no loop:        " + tour.sum());
    System.out.println("rows minus their means (broadcast): " + tour.centred());
    System.out.println("[100, 20] x [20, 40] -> " + tour.product().shape());
    System.out.println("a transpose is a view on the same memory: " + tour.transposeSharesMemory());
    System.out.println("strides of a [3, 4] float32 array, in elements: " + Arrays.toString(tour.strides()));
    System.out.println("its transpose copied in Fortran order is column-major: " + tour.columnMajorAfterCopy());
  }

  static Tour run() {
    NDArray x = NDArray.of(new float[] {1, 2, 3, 4}, 4);
    NDArray y = NDArray.of(new float[] {10, 20, 30, 40}, 4);
    NDArray sum = x.add(y);                                        // elementwise, like np.add: no Java loop
    NDArray rows = NDArray.arange(6).reshape(2, 3).astype(DType.FLOAT32);
    NDArray centred = rows.sub(rows.mean(1, Dims.KEEP)); // [2, 3] - [2, 1]: the column is stretched
    NDArray a = NDArray.ones(Shape.of(100, 20));
    NDArray b = NDArray.ones(Shape.of(20, 40));
    NDArray product = a.matmul(b);                                 // [100, 20] x [20, 40] = [100, 40]
    NDArray grid = NDArray.arange(12).reshape(3, 4);
    NDArray transposed = grid.transpose();                         // O(1): new strides, same storage
    NDArray fortran = transposed.copy(Order.F);
    return new Tour(sum, centred, product, transposed.sharesStorageWith(grid), fortran.isContiguous(Order.F), grid.strides());
  }
}
