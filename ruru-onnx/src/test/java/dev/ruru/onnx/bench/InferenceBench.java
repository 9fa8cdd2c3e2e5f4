package dev.ruru.onnx.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.array.Parallel;
import dev.ruru.array.Shape;
import dev.ruru.array.io.Npz;
import dev.ruru.autodiff.Autodiff;
import dev.ruru.autodiff.Tensor;
import dev.ruru.onnx.OnnxImport;
import dev.ruru.onnx.OnnxLayer;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Inference speed of imported ONNX models, Ruru against ONNX Runtime in the same JVM and run, taking
 * turns: throughput at batch 64 (examples per second, the median of 7 timed blocks each) and latency at
 * batch 1 (the median of single runs), in wall-clock and in this thread's CPU time, at the thread count {@code ruru.threads} gives both (ONNX Runtime's intra-op threads; its
 * inter-op pool stays at 1). The models are the PyTorch exports of ruru-onnx's test fixtures. Prints one
 * JSON line per model; bench/compare_onnx_inference.py runs it at 1 and 2 threads and makes the table.
 *
 * <pre>java -Druru.threads=1 -cp ... dev.ruru.onnx.bench.InferenceBench FIXTURE_DIR [SECONDS] [MODEL...]</pre>
 */
public final class InferenceBench {
  private InferenceBench() {}

  public static void main(String[] args) throws IOException, OrtException {
    Path fixtures = Path.of(args[0]);
    double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 1;
    String[] models = args.length > 2 ? Arrays.copyOfRange(args, 2, args.length) : new String[] {"cnn", "resnet", "lstm"};
    int threads = Parallel.threads();
    Parallel.setThreads(threads);
    OrtEnvironment environment = OrtEnvironment.getEnvironment();
    for (String model : models) {
      Path file = fixtures.resolve(model + ".onnx");
      OnnxLayer ruru = OnnxImport.read(file);
      Shape example = Npz.read(fixtures.resolve(model + ".npz")).get("input").shape();
      try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
        options.setIntraOpNumThreads(threads);
        options.setInterOpNumThreads(1);
        try (OrtSession session = environment.createSession(Files.readAllBytes(file), options)) {
          double[][] both = measure(seconds, example, batch -> runRuru(ruru, batch), batch -> runtime(environment, session, batch));
          System.out.println(String.format(Locale.ROOT, "{\"model\": \"%s\", \"threads\": %d, \"ruru_batch64_per_s\": %.1f, "
              + "\"ort_batch64_per_s\": %.1f, \"ruru_batch1_ms\": %.4f, \"ort_batch1_ms\": %.4f, \"ruru_batch64_cpu_per_s\": %.1f, "
              + "\"ort_batch64_cpu_per_s\": %.1f, \"ruru_batch1_cpu_ms\": %.4f, \"ort_batch1_cpu_ms\": %.4f}", model, threads, both[0][0],
              both[1][0], both[0][1], both[1][1], both[0][2], both[1][2], both[0][3], both[1][3]));
        }
      }
    }
  }

  /** Runs one forward pass of a given batch. */
  @FunctionalInterface
  private interface Runner {
    void run(NDArray batch) throws OrtException;
  }

  /**
   * For each runner, {examples per second at batch 64, milliseconds at batch 1} of wall-clock time, then
   * the same two in this thread's CPU time. The runners take turns, block by block and run by run, so
   * that a busy machine slows both alike and their ratio holds. CPU time leaves out the time the thread
   * waited for a core, which at a load of 20 on 2 cores is most of the wall-clock time of a short run;
   * it counts only the calling thread, where both run at 1 thread (at 2 it misses the helper threads).
   */
  private static double[][] measure(double seconds, Shape example, Runner... runners) throws OrtException {
    NDArray big = input(example, 64);
    NDArray one = input(example, 1);
    // Warm-up until half the time has passed and this thread has had a quarter of it on a core: on a busy
    // machine the JIT compiles Ruru's kernels only as fast as it gets a core.
    long warmCpu = CPU.getCurrentThreadCpuTime() + (long) (seconds * 0.25e9);
    for (long end = System.nanoTime() + (long) (seconds * 0.5e9); System.nanoTime() < end || CPU.getCurrentThreadCpuTime() < warmCpu; ) {
      for (Runner runner : runners) {
        runner.run(big);
        runner.run(one);
      }
    }
    double[][][] blocks = new double[runners.length][2][7];
    for (int b = 0; b < 7; b++) {
      for (int r = 0; r < runners.length; r++) {
        double[] both = throughput(runners[r], big, seconds / 7 / runners.length);
        blocks[r][0][b] = both[0];
        blocks[r][1][b] = both[1];
      }
    }
    int count = Math.max(21, (int) (seconds * 200));
    double[][][] latencies = new double[runners.length][2][count];
    for (int i = 0; i < count; i++) {
      for (int r = 0; r < runners.length; r++) {
        long cpu = CPU.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        runners[r].run(one);
        latencies[r][0][i] = (System.nanoTime() - start) / 1e6;
        latencies[r][1][i] = (CPU.getCurrentThreadCpuTime() - cpu) / 1e6;
      }
    }
    double[][] results = new double[runners.length][];
    for (int r = 0; r < runners.length; r++) {
      results[r] = new double[] {median(blocks[r][0]), median(latencies[r][0]), median(blocks[r][1]), median(latencies[r][1])};
    }
    return results;
  }

  private static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

  /** Examples per second of {@code runner} on {@code batch} over about {@code seconds}: {wall-clock, this thread's CPU time}. */
  private static double[] throughput(Runner runner, NDArray batch, double seconds) throws OrtException {
    int runs = 0;
    long cpu = CPU.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    do {
      runner.run(batch);
      runs++;
    } while (System.nanoTime() < end);
    double examples = batch.dim(0) * (double) runs;
    return new double[] {examples / ((System.nanoTime() - start) / 1e9), examples / ((CPU.getCurrentThreadCpuTime() - cpu) / 1e9)};
  }

  private static NDArray input(Shape example, int batch) {
    int[] dims = example.dims().clone();
    dims[0] = batch;
    return NDArray.randn(Shape.of(dims), new SplittableRandom(batch)).astype(DType.FLOAT32);
  }

  private static void runRuru(OnnxLayer layer, NDArray batch) {
    Supplier<NDArray> forward = () -> layer.forward(Tensor.constant(batch)).value();
    Autodiff.noGrad(forward);
  }

  private static void runtime(OrtEnvironment environment, OrtSession session, NDArray batch) throws OrtException {
    long[] shape = Arrays.stream(batch.shape().dims()).asLongStream().toArray();
    try (OnnxTensor tensor = OnnxTensor.createTensor(environment, FloatBuffer.wrap(batch.toFloatArray()), shape);
        OrtSession.Result result = session.run(Map.of("input", tensor))) {
      ((OnnxTensor) result.get(0)).getFloatBuffer().get(0);
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
