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
 * batch 1 (the median of single runs), at the thread count {@code ruru.threads} gives both (ONNX Runtime's intra-op threads; its
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
              + "\"ort_batch64_per_s\": %.1f, \"ruru_batch1_ms\": %.4f, \"ort_batch1_ms\": %.4f}", model, threads, both[0][0],
              both[1][0], both[0][1], both[1][1]));
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
   * For each runner, {examples per second at batch 64, milliseconds at batch 1}. The runners take turns,
   * block by block and run by run, so that a busy machine slows both alike and their ratio holds.
   */
  private static double[][] measure(double seconds, Shape example, Runner... runners) throws OrtException {
    NDArray big = input(example, 64);
    NDArray one = input(example, 1);
    for (long end = System.nanoTime() + (long) (seconds * 0.5e9); System.nanoTime() < end; ) {
      for (Runner runner : runners) {
        runner.run(big);
        runner.run(one);
      }
    }
    double[][] blocks = new double[runners.length][7];
    for (int b = 0; b < 7; b++) {
      for (int r = 0; r < runners.length; r++) {
        blocks[r][b] = throughput(runners[r], big, seconds / 7 / runners.length);
      }
    }
    double[][] latencies = new double[runners.length][Math.max(21, (int) (seconds * 200))];
    for (int i = 0; i < latencies[0].length; i++) {
      for (int r = 0; r < runners.length; r++) {
        long start = System.nanoTime();
        runners[r].run(one);
        latencies[r][i] = (System.nanoTime() - start) / 1e6;
      }
    }
    double[][] results = new double[runners.length][];
    for (int r = 0; r < runners.length; r++) {
      results[r] = new double[] {median(blocks[r]), median(latencies[r])};
    }
    return results;
  }

  /** Examples per second of {@code runner} on {@code batch} over about {@code seconds}. */
  private static double throughput(Runner runner, NDArray batch, double seconds) throws OrtException {
    int runs = 0;
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    do {
      runner.run(batch);
      runs++;
    } while (System.nanoTime() < end);
    return batch.dim(0) * runs / ((System.nanoTime() - start) / 1e9);
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
