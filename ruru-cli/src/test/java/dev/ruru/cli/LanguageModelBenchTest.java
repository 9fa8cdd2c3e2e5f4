package dev.ruru.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ruru.data.text.EmbeddedText;
import dev.ruru.data.text.TextCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ruru bench w4} on a few steps over Newton's Queries: the fields are there and training goes downhill. */
class LanguageModelBenchTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** 10 warm-up steps and 2 blocks of 10: 30 steps, enough for Adam to move the loss clearly below ln 65. */
  private static JsonNode result;
  private static TextCorpus corpus;

  @BeforeAll
  static void trainOnTheEmbeddedText(@TempDir Path directory) throws Exception {
    corpus = EmbeddedText.opticksQueries();
    Files.writeString(directory.resolve("queries.txt"), corpus.text());
    CommandRun run = CommandRun.of("bench", "w4", "--text", directory.toString(), "--size", "10", "--repeat", "2", "--threads", "1",
        "--json");
    assertEquals(0, run.exitCode(), () -> "exit code; stderr: " + run.err());
    String[] lines = run.out().strip().split("\n");
    assertEquals(1, lines.length, run::out);
    result = JSON.readTree(lines[0]);
  }

  @Test
  void jsonLineHasTheAnchorsFieldsForThisRun() {
    Set<String> fields = new TreeSet<>();
    result.fieldNames().forEachRemaining(fields::add);
    assertEquals(new TreeSet<>(List.of("workload", "lib", "threads", "text_chars", "steps", "blocks", "sec_per_200_steps",
        "tokens_per_s", "ms_per_step", "loss_first", "loss_last")), fields);
    assertEquals("w4", result.get("workload").asText());
    assertEquals("ruru", result.get("lib").asText());
    assertEquals(1, result.get("threads").asInt());
    assertEquals(10, result.get("steps").asInt());
    assertEquals(2, result.get("blocks").asInt());
    assertEquals(corpus.characterCount(), result.get("text_chars").asInt());
  }

  @Test
  void timingFiguresArePositiveAndAgreeWithEachOther() {
    double tokensPerSecond = result.get("tokens_per_s").asDouble();
    double millisecondsPerStep = result.get("ms_per_step").asDouble();
    double secondsPer200Steps = result.get("sec_per_200_steps").asDouble();
    assertTrue(tokensPerSecond > 0, result::toString);
    assertTrue(millisecondsPerStep > 0, result::toString);
    // Each figure is rounded as the anchor rounds it: compare to within that rounding.
    assertEquals(32 * 64 / (millisecondsPerStep / 1e3), tokensPerSecond, tokensPerSecond * 0.01 + 1, result::toString);
    assertEquals(millisecondsPerStep * 200 / 1e3, secondsPer200Steps, 0.002 + secondsPer200Steps * 0.01, result::toString);
  }

  @Test
  void firstLossIsThatOfAnUntrainedModelAndTrainingLowersIt() {
    double first = result.get("loss_first").asDouble();
    double last = result.get("loss_last").asDouble();
    assertEquals(Math.log(65), first, 0.5, result::toString);
    assertTrue(last < first - 0.3, () -> "after 30 Adam steps the loss should fall well below " + first + ": " + result);
  }

  @Test
  void tableRowNamesTheStepsThreadsTokensPerSecondAndLosses(@TempDir Path directory) throws Exception {
    Files.writeString(directory.resolve("b.txt"), corpus.text().substring(0, 5000));
    Files.writeString(directory.resolve("a.txt"), corpus.text().substring(5000, 10000));
    CommandRun run = CommandRun.of("bench", "w4", "--text", directory.toString(), "--size", "1", "--repeat", "1", "--threads", "1");

    assertEquals(0, run.exitCode(), run::err);
    String[] lines = run.out().strip().split("\n");
    assertEquals(3, lines.length, run::out);
    assertTrue(lines[2].matches("w4 +step +1 +1 +[0-9.]+ +[0-9]+ tokens/s; loss [0-9.]+ -> [0-9.]+"), lines[2]);
  }

  @Test
  void missingTextDirectoryIsAUsageErrorNamingIt(@TempDir Path directory) {
    Path missing = directory.resolve("no-such-texts");
    CommandRun run = CommandRun.of("bench", "w4", "--text", missing.toString(), "--size", "1", "--repeat", "1");

    assertEquals(2, run.exitCode());
    assertEquals("ruru bench: text: " + missing + ": no such directory\n", run.err());
  }

  @Test
  void w4MirrorsTheAnchorsTimingAndRunsOnlyWhenNamed() {
    assertEquals(new Timing(10, 200, 3), Workload.W4.timing(200));
    assertEquals(200 * 32 * 64 * 1e9, Workload.W4.work(200));
    assertEquals(Workload.W4, Workload.parse("W4"));
    assertFalse(Workload.byDefault().contains(Workload.W4));
    assertEquals(Workload.values().length - 1, Workload.byDefault().size());
  }
}
