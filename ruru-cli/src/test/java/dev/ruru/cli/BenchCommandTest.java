package dev.ruru.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ruru.array.Parallel;
import dev.ruru.array.blas.Blas;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class BenchCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static List<JsonNode> jsonLines(CommandRun run) throws Exception {
    assertEquals(0, run.exitCode(), () -> "exit code; stderr: " + run.err());
    List<JsonNode> lines = new ArrayList<>();
    for (String line : run.out().strip().split("\n")) {
      lines.add(JSON.readTree(line));
    }
    return lines;
  }

  @Test
  void gemmJsonLinesHaveTheWorkloadSizeThreadsBlasAndPositiveFigures() throws Exception {
    List<JsonNode> lines = jsonLines(CommandRun.of("bench", "gemm", "--size", "24", "--threads", "1", "--repeat", "1", "--json"));

    assertEquals(List.of("matmul", "sgemm"), lines.stream().map(line -> line.get("variant").asText()).toList());
    for (JsonNode line : lines) {
      assertEquals("gemm", line.get("workload").asText());
      assertEquals(24, line.get("size").asInt());
      assertEquals(1, line.get("threads").asInt());
      assertTrue(line.get("ms").asDouble() > 0, line::toString);
      assertTrue(line.get("gflops").asDouble() > 0, line::toString);
      assertEquals(Blas.gemm().name(), line.get("blas").asText());
    }
  }

  @Test
  void memoryBoundWorkloadsReportEveryVariantAtEveryThreadCountInGigabytesPerSecond() throws Exception {
    List<JsonNode> lines = jsonLines(CommandRun.of(
        "bench", "elementwise", "broadcast", "reduce", "--size", "300", "--threads", "1,2", "--repeat", "2", "--json"));

    Set<String> seen = new TreeSet<>();
    for (JsonNode line : lines) {
      seen.add(line.get("workload").asText() + "/" + line.get("variant").asText() + "/" + line.get("threads").asInt());
      assertEquals(300, line.get("size").asInt());
      assertTrue(line.get("gbps").asDouble() > 0, line::toString);
    }
    Set<String> expected = new TreeSet<>();
    for (String variant : List.of("elementwise/new", "elementwise/into", "broadcast/new", "broadcast/into", "reduce/sum")) {
      expected.add(variant + "/1");
      expected.add(variant + "/2");
    }
    assertEquals(expected, seen);
    assertEquals(expected.size(), lines.size());
  }

  @Test
  void tableNamesTheColumnsAndTheUnit() {
    CommandRun run = CommandRun.of("bench", "reduce", "--size", "1000", "--repeat", "1");

    assertEquals(0, run.exitCode(), run::err);
    String[] lines = run.out().strip().split("\n");
    assertEquals(3, lines.length, run::out);
    assertTrue(lines[1].matches("workload +variant +size +threads +ms/call +figure"), lines[1]);
    assertTrue(lines[2].matches("reduce +sum +1000 +\\d+ +[0-9.]+ +[0-9.]+ GB/s"), lines[2]);
  }

  @Test
  void benchLeavesTheThreadCountAsItFoundIt() {
    int before = Parallel.threads();
    int other = before == 1 ? 2 : 1;

    CommandRun.of("bench", "reduce", "--size", "100", "--threads", Integer.toString(other), "--repeat", "1", "--json");

    assertEquals(before, Parallel.threads());
  }

  @Test
  void nonPositiveSizeIsAUsageErrorWithOneLine() {
    CommandRun run = CommandRun.of("bench", "gemm", "--size", "0");

    assertEquals(2, run.exitCode());
    assertEquals("ruru bench: --size must be positive; got 0\n", run.err());
  }

  @Test
  void unknownWorkloadIsAUsageErrorNamingTheChoices() {
    CommandRun run = CommandRun.of("bench", "conv");

    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("unknown workload 'conv'; expected gemm, elementwise, broadcast, reduce or autodiff"), run::err);
  }

  @Test
  void workCountsFlopsForGemmAndBytesMovedForTheOthers() {
    assertEquals(2.0 * 1024 * 1024 * 1024, Workload.GEMM.work(1024));
    assertEquals(3.0 * 4 * 16_777_216, Workload.ELEMENTWISE.work(16_777_216));
    assertEquals(2.0 * 4 * 4096 * 4096 + 4 * 4096, Workload.BROADCAST.work(4096));
    assertEquals(4.0 * 16_777_216, Workload.REDUCE.work(16_777_216));
  }

  @Test
  void gemmTimingRepeatsSmallProductsAsTheNumpyScriptDoes() {
    // sgemm.py: reps_for(n) = max(1, int(2e9 / (2 * n ** 3))), 2 warm-up calls, median of 7 samples.
    assertEquals(new Timing(2, 7, 7), Workload.GEMM.timing(512));
    assertEquals(new Timing(2, 1, 7), Workload.GEMM.timing(1024));
    assertEquals(new Timing(2, 100_000, 7), Workload.GEMM.timing(1), "capped for tiny products");
    assertEquals(new Timing(3, 1, 11), Workload.ELEMENTWISE.timing(16_777_216));
  }

  @Test
  void medianIsTheMiddleValueOrTheMeanOfTheTwoMiddleValues() {
    assertEquals(2.0, Timing.median(new double[] {3, 1, 2}));
    assertEquals(2.5, Timing.median(new double[] {4, 1, 3, 2}));
  }
}
