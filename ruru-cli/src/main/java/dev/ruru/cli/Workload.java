package dev.ruru.cli;

import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.array.blas.Blas;
import dev.ruru.array.blas.Gemm;
import dev.ruru.array.blas.Gemm.Transpose;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The workloads of {@code ruru bench}, each the same computation as a NumPy reference script in
 * {@code shared/anchors}, on float32 operands drawn from a standard normal distribution.
 *
 * <ul>
 *   <li>{@code gemm}: C = A·B with A, B square n×n, through {@code a.matmul(b)} and through the BLAS
 *       layer into an existing C; 2n³ floating-point operations per call ({@code sgemm.py}).
 *   <li>{@code elementwise}: z = x + y on N elements, into a new array ({@code x.add(y)}, NumPy's
 *       {@code x + y}) and into an existing one ({@code z.addInPlace(x, y)}, NumPy's
 *       {@code np.add(x, y, out=z)}); 3·4·N bytes move per call ({@code elementwise.py}).
 *   <li>{@code broadcast}: Z = X + v with X n×n and v of length n (a row added to every row), new and
 *       existing output; 2·4·n² + 4n bytes per call ({@code elementwise.py}'s {@code bcast_row}).
 *   <li>{@code reduce}: the sum of all N elements; 4·N bytes read per call (NumPy: {@code x.sum()},
 *       timed by the snippet in docs/benchmarks.md).
 *   <li>{@code autodiff}: an MLP loss forward, with autodiff gradients, and with hand-written
 *       gradients, in samples per second ({@link AutodiffOverhead}).
 *   <li>{@code w4}: training steps of a character-level LSTM language model, in tokens per second, as
 *       PyTorch runs them in {@code w4_lstm_torch.py} ({@link LanguageModelBench}). It trains rather than
 *       calls a kernel, so it runs only when named, and {@link LanguageModelBench} times it.
 * </ul>
 */
enum Workload {
  GEMM(new int[] {512, 1024, 2048}, "GFLOPS", "gflops") {
    @Override
    double work(int n) {
      return 2.0 * n * n * n;
    }

    /**
     * As sgemm.py: enough back-to-back calls for about 0.2 s per sample on a fast BLAS; median of 7.
     * The calls are capped at {@value #MAX_GEMM_CALLS}, which only changes sizes below 22: there the
     * script's count would keep a 1×1 product running for minutes.
     */
    @Override
    Timing timing(int n) {
      return new Timing(2, (int) Math.clamp(2e9 / work(n), 1, MAX_GEMM_CALLS), 7);
    }

    /**
     * {@code matmul} is what users call, with a new result each time; {@code sgemm} calls the BLAS
     * layer on plain arrays into an existing C, as sgemm.py's {@code np.matmul(a, b, out=c)} does, so
     * the gap between the two is the cost of the NDArray layer and of allocating C.
     */
    @Override
    List<Variant> variants(int n, RandomGenerator random) {
      NDArray a = NDArray.randn(Shape.of(n, n), random);
      NDArray b = NDArray.randn(Shape.of(n, n), random);
      float[] aValues = a.toFloatArray();
      float[] bValues = b.toFloatArray();
      float[] cValues = new float[n * n];
      Gemm gemm = Blas.gemm();
      return List.of(
          new Variant("matmul", () -> a.matmul(b)),
          new Variant("sgemm", () -> {
            gemm.sgemm(Transpose.NO, Transpose.NO, n, n, n, 1f, aValues, 0, n, bValues, 0, n, 0f, cValues, 0, n);
            return cValues;
          }));
    }
  },

  ELEMENTWISE(new int[] {16 * 1024 * 1024}, "GB/s", "gbps") {
    @Override
    double work(int n) {
      return 3.0 * Float.BYTES * n;
    }

    @Override
    List<Variant> variants(int n, RandomGenerator random) {
      NDArray x = NDArray.randn(Shape.of(n), random);
      NDArray y = NDArray.randn(Shape.of(n), random);
      NDArray z = NDArray.zeros(Shape.of(n));
      return List.of(new Variant("new", () -> x.add(y)), new Variant("into", () -> z.addInPlace(x, y)));
    }
  },

  BROADCAST(new int[] {4096}, "GB/s", "gbps") {
    @Override
    double work(int n) {
      return 2.0 * Float.BYTES * n * n + (double) Float.BYTES * n;
    }

    @Override
    List<Variant> variants(int n, RandomGenerator random) {
      NDArray matrix = NDArray.randn(Shape.of(n, n), random);
      NDArray row = NDArray.randn(Shape.of(n), random);
      NDArray out = NDArray.zeros(Shape.of(n, n));
      return List.of(
          new Variant("new", () -> matrix.add(row)), new Variant("into", () -> out.addInPlace(matrix, row)));
    }
  },

  REDUCE(new int[] {16 * 1024 * 1024}, "GB/s", "gbps") {
    @Override
    double work(int n) {
      return (double) Float.BYTES * n;
    }

    @Override
    List<Variant> variants(int n, RandomGenerator random) {
      NDArray x = NDArray.randn(Shape.of(n), random);
      return List.of(new Variant("sum", x::sum));
    }
  },

  /** Reverse mode's overhead on a 784-256-10 MLP loss; the size is the batch (see AutodiffOverhead). */
  AUTODIFF(new int[] {128}, "samples/s", "samples_per_second") {
    /** Samples, times 10⁹ because every figure is work / seconds / 10⁹. */
    @Override
    double work(int batch) {
      return batch * 1e9;
    }

    @Override
    List<Variant> variants(int batch, RandomGenerator random) {
      return AutodiffOverhead.variants(batch, random);
    }

    /** Small calls: more warm-up and samples than the memory-bound workloads need. */
    @Override
    Timing timing(int batch) {
      return new Timing(50, 20, 11);
    }
  },

  /** W4: the size is the steps per timed block; one "call" is one training step of 32·64 tokens. */
  W4(new int[] {LanguageModelBench.ANCHOR_STEPS}, "tokens/s", "tokens_per_s") {
    /** Tokens, times 10⁹ because every figure is work / seconds / 10⁹. */
    @Override
    double work(int steps) {
      return (double) steps * LanguageModelBench.TOKENS_PER_STEP * 1e9;
    }

    /** None: each run trains a fresh model and reports its losses, which {@link LanguageModelBench#run} does. */
    @Override
    List<Variant> variants(int steps, RandomGenerator random) {
      throw new UnsupportedOperationException("bench: w4 trains a model; LanguageModelBench.run times it");
    }

    /** As w4_lstm_torch.py: 10 untimed warm-up steps, then the median of 3 blocks of {@code steps} steps. */
    @Override
    Timing timing(int steps) {
      return new Timing(LanguageModelBench.ANCHOR_WARMUPS, steps, LanguageModelBench.ANCHOR_BLOCKS);
    }
  };

  /** The most back-to-back products in one timed GEMM sample. */
  private static final int MAX_GEMM_CALLS = 100_000;

  /** One timed operation of a workload: {@code "new"} and {@code "into"} differ only in where the result goes. */
  record Variant(String name, Supplier<?> call) {}

  private final int[] defaultSizes;
  private final String unit;
  private final String jsonKey;

  Workload(int[] defaultSizes, String unit, String jsonKey) {
    this.defaultSizes = defaultSizes;
    this.unit = unit;
    this.jsonKey = jsonKey;
  }

  /** The name on the command line and in the JSON output: {@code "gemm"}, ... */
  String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The workload named {@code id} on the command line, in any case.
   *
   * @throws IllegalArgumentException naming the workloads there are
   */
  static Workload parse(String id) {
    for (Workload workload : values()) {
      if (workload.id().equalsIgnoreCase(id)) {
        return workload;
      }
    }
    throw new IllegalArgumentException("unknown workload '" + id + "'; expected gemm, elementwise, broadcast, reduce or autodiff"
        + " (array workloads), or w4 (a char-level LSTM's training steps)");
  }

  /** The workloads {@code ruru bench} runs when none is named: all but {@code w4}, which trains for minutes. */
  static List<Workload> byDefault() {
    return Arrays.stream(values()).filter(workload -> workload != W4).toList();
  }

  /**
   * Sizes measured when {@code --size} is not given: n for gemm and broadcast, the batch for autodiff,
   * steps per timed block for w4, N elements otherwise.
   */
  int[] defaultSizes() {
    return defaultSizes.clone();
  }

  /** {@code "GFLOPS"} or {@code "GB/s"}: the figure is {@link #work} / seconds / 10⁹. */
  String unit() {
    return unit;
  }

  /** The figure's key in the JSON output, as the anchor scripts name it: {@code "gflops"} or {@code "gbps"}. */
  String jsonKey() {
    return jsonKey;
  }

  /** Floating-point operations (gemm), bytes moved (the memory-bound ones), samples or tokens in one call at this size. */
  abstract double work(int size);

  /** The operands for this size, drawn from {@code random}, and the calls to time on them. */
  abstract List<Variant> variants(int size, RandomGenerator random);

  /** As elementwise.py: 3 warm-up calls, then the median of 11 single calls. */
  Timing timing(int size) {
    return new Timing(3, 1, 11);
  }
}
