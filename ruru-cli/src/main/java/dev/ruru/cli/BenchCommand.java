package dev.ruru.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ruru.array.Parallel;
import dev.ruru.array.blas.Blas;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
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
 * {@code ruru bench [gemm|elementwise|broadcast|reduce]... [--size N,...] [--threads T,...] [--json]
 * [--repeat R]}: times the array kernels as the NumPy reference scripts time NumPy (see {@link Timing})
 * and prints GFLOPS or GB/s, one line per workload, variant, size and thread count.
 *
 * <p>It is a program, not a timed test: the figures mean something only beside the reference scripts
 * run on the same machine at the same time (docs/benchmarks.md shows how).
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measures array kernels: GFLOPS for gemm, GB/s for the memory-bound ones.",
      "Timing as shared/anchors' NumPy scripts: warm-up, then the median time per call."
    })
final class BenchCommand implements Callable<Integer> {
  /** Seed of the operands: every run times the same numbers. */
  private static final long SEED = 0;

  @Parameters(
      paramLabel = "WORKLOAD",
      arity = "0..*",
      description = "gemm, elementwise, broadcast, reduce or autodiff; all of them when none is given.")
  private List<String> workloadNames = List.of();

  @Option(
      names = "--size",
      split = ",",
      paramLabel = "N",
      description = "Sizes, comma-separated: n for gemm (n×n) and broadcast (n×n + n), elements for elementwise "
          + "and reduce. Default: 512,1024,2048 for gemm, 4096 for broadcast, 16777216 otherwise.")
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
      description = "Timed samples per figure, whose median is reported. Default: 7 for gemm, 11 otherwise.")
  private Integer repeat;

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
  public Integer call() {
    validate();
    List<Workload> chosen =
        workloadNames.isEmpty() ? List.of(Workload.values()) : workloadNames.stream().map(Workload::parse).toList();
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
          measure(workload, size, threadCounts, measurement -> print(out, mapper, measurement));
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

  /** Four significant digits: more would be noise on a shared machine; fewer would hide tiny timings. */
  private static double fourDigits(double value) {
    return new BigDecimal(value).round(new MathContext(4)).doubleValue();
  }
}
