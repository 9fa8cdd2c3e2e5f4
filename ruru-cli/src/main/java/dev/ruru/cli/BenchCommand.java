package dev.ruru.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruru.array.Parallel;
import dev.ruru.array.blas.Blas;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ruru bench [gemm|elementwise|broadcast|reduce|autodiff|w4]... [--size N,...] [--threads T,...]
 * [--json] [--repeat R] [--text DIR]}: times the array kernels as the NumPy reference scripts time NumPy
 * (see {@link Timing}) and prints GFLOPS or GB/s, one line per workload, variant, size and thread count.
 * {@code w4} trains W4's character-level LSTM as PyTorch's script does ({@link LanguageModelBench}) and
 * prints tokens per second and the losses; it runs only when named.
 *
 * <p>It is a program, not a timed test: the figures mean something only beside the reference scripts
 * run on the same machine at the same time (docs/benchmarks.md shows how).
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measures array kernels: GFLOPS for gemm, GB/s for the memory-bound ones.",
      "Each figure is the median time per call after a warm-up, as NumPy and PyTorch reference scripts time theirs.",
      "w4 trains a character-level LSTM language model (embedding 64, LSTM 256, batches of 32 windows of 64 characters,",
      "Adam) and prints tokens per second of the median block and the first and last loss."
    })
final class BenchCommand implements Callable<Integer> {
  /** Seed of the operands: every run times the same numbers. */
  private static final long SEED = 0;

  @Parameters(
      paramLabel = "WORKLOAD",
      arity = "0..*",
      description = "gemm, elementwise, broadcast, reduce, autodiff or w4; all but w4 when none is given.")
  private List<String> workloadNames = List.of();

  @Option(
      names = "--size",
      split = ",",
      paramLabel = "N",
      description = "Sizes, comma-separated: n for gemm (n×n) and broadcast (n×n + n), elements for elementwise "
          + "and reduce, the batch for autodiff, steps per timed block for w4. "
          + "Default: 512,1024,2048 for gemm, 4096 for broadcast, 128 for autodiff, 200 for w4, 16777216 otherwise.")
  private List<Integer> sizes = List.of();

  @Option(
      names = "--threads",
      split = ",",
      paramLabel = "T",
      description = "Thread counts, comma-separated (e.g. 1,2), for the array kernels and OpenBLAS. "
          + "Default: the current count (all cores unless -Druru.threads says otherwise).")
  private List<Integer> threads = List.of();

  @Option(
      names = "--repeat",
      paramLabel = "R",
      description = "Timed samples per figure, whose median is reported (timed blocks for w4). "
          + "Default: 7 for gemm, 3 for w4, 11 otherwise.")
  private Integer repeat;

  @Option(
      names = "--text",
      paramLabel = "DIR",
      defaultValue = "${env:W4_TEXT_DIR:-" + LanguageModelBench.DEFAULT_TEXT_DIRECTORY + "}",
      description = "The text w4 trains on: every file of DIR, in name order. "
          + "Default: $W4_TEXT_DIR, else " + LanguageModelBench.DEFAULT_TEXT_DIRECTORY + ".")
  private Path textDirectory;

  @Option(names = "--json", description = "One JSON object per line instead of a table.")
  private boolean json;

  @Spec private CommandSpec spec;

  /** One figure: the median seconds per call of one variant at one size and thread count. */
  record Measurement(Workload workload, String variant, int size, int threads, double seconds) {
    /** GFLOPS or GB/s, in units of 10⁹ as the anchor scripts count them. */
    double figure() {
      return workload.work(size) / seconds / 1e9;
    }
  }

  @Override
  public Integer call() throws IOException {
    validate();
    List<Workload> chosen =
        workloadNames.isEmpty() ? Workload.byDefault() : workloadNames.stream().map(Workload::parse).toList();
    PrintWriter out = spec.commandLine().getOut();
    int originalThreads = Parallel.threads();
    List<Integer> threadCounts = threads.isEmpty() ? List.of(originalThreads) : threads;
    ObjectMapper mapper = new ObjectMapper();
    if (!json) {
      out.printf("# median time per call after warm-up; Java %s, %d cores%s%n", Runtime.version(),
          Runtime.getRuntime().availableProcessors(), chosen.contains(Workload.GEMM) ? "; GEMM: " + Blas.gemm().name() : "");
      out.printf("%-12s %-7s %10s %7s %11s %10s%n", "workload", "variant", "size", "threads", "ms/call", "figure");
      out.flush();
    }
    try {
      for (Workload workload : chosen) {
        for (int size : sizesOf(workload)) {
          if (workload == Workload.W4) {
            trainLanguageModel(size, threadCounts, result -> print(out, mapper, result));
          } else {
            measure(workload, size, threadCounts, measurement -> print(out, mapper, measurement));
          }
        }
      }
    } finally {
      Parallel.setThreads(originalThreads);
    }
    return 0;
  }

  /** Times every variant of {@code workload} at {@code size} for each thread count, on operands made once. */
  private void measure(Workload workload, int size, List<Integer> threadCounts, Consumer<Measurement> sink) {
    List<Workload.Variant> variants = workload.variants(size, new SplittableRandom(SEED));
    Timing timing = repeat == null ? workload.timing(size) : workload.timing(size).withSamples(repeat);
    for (int count : threadCounts) {
      Parallel.setThreads(count);
      for (Workload.Variant variant : variants) {
        sink.accept(new Measurement(workload, variant.name(), size, count, timing.medianSeconds(variant.call())));
      }
    }
  }

  /** Runs W4 with {@code steps} steps per block at each thread count, each run from the same seeds. */
  private void trainLanguageModel(int steps, List<Integer> threadCounts, Consumer<LanguageModelBench.Result> sink)
      throws IOException {
    LanguageModelBench bench = LanguageModelBench.read(textDirectory);
    Timing timing = repeat == null ? Workload.W4.timing(steps) : Workload.W4.timing(steps).withSamples(repeat);
    for (int count : threadCounts) {
      Parallel.setThreads(count);
      sink.accept(bench.run(timing, count));
    }
  }

  private int[] sizesOf(Workload workload) {
    return sizes.isEmpty() ? workload.defaultSizes() : sizes.stream().mapToInt(Integer::intValue).toArray();
  }

  private void validate() {
    for (int size : sizes) {
      if (size < 1) {
        throw new IllegalArgumentException("--size must be positive; got " + size);
      }
    }
    for (int count : threads) {
      if (count < 1) {
        throw new IllegalArgumentException("--threads must be positive; got " + count);
      }
    }
    if (repeat != null && repeat < 1) {
      throw new IllegalArgumentException("--repeat must be positive; got " + repeat);
    }
  }

  private void print(PrintWriter out, ObjectMapper mapper, Measurement m) {
    double milliseconds = m.seconds() * 1e3;
    if (json) {
      ObjectNode line = mapper.createObjectNode()
          .put("workload", m.workload().id())
          .put("variant", m.variant())
          .put("size", m.size())
          .put("threads", m.threads())
          .put("ms", fourDigits(milliseconds))
          .put(m.workload().jsonKey(), fourDigits(m.figure()));
      if (m.workload() == Workload.GEMM) {
        line.put("blas", Blas.gemm().name());
      }
      out.println(line.toString());
    } else {
      out.printf("%-12s %-7s %10d %7d %11.3f %10.2f %s%n",
          m.workload().id(), m.variant(), m.size(), m.threads(), milliseconds, m.figure(), m.workload().unit());
    }
    out.flush();
  }

  /** W4's line: the anchor's fields as JSON, or a table row with ms per step, tokens/s and the losses. */
  private void print(PrintWriter out, ObjectMapper mapper, LanguageModelBench.Result result) {
    if (json) {
      out.println(result.toJson(mapper).toString());
    } else {
      out.printf("%-12s %-7s %10d %7d %11.3f %10.0f %s; loss %.3f -> %.3f%n", Workload.W4.id(), "step", result.steps(),
          result.threads(), result.millisecondsPerStep(), result.tokensPerSecond(), Workload.W4.unit(), result.firstLoss(),
          result.lastLoss());
    }
    out.flush();
  }

  /** Four significant digits: more would be noise on a shared machine; fewer would hide tiny timings. */
  private static double fourDigits(double value) {
    return new BigDecimal(value).round(new MathContext(4)).doubleValue();
  }
}
