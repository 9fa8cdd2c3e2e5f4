package dev.ruru.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RuruTest {
  @Test
  void aFullHeapIsReportedWithItsCapAndHowToRaiseIt() {
    assertEquals("ruru: out of memory: the Java heap is capped at 2048 MB; give more with RURU_JAVA_OPTS=\"-Xmx8g\" (or a smaller --batch-size)",
        Ruru.outOfMemory(2L << 30));
  }

  @Test
  void versionNamesRuruAndTheJavaRunningIt() {
    CommandRun run = CommandRun.of("--version");

    assertEquals(0, run.exitCode());
    String[] lines = run.out().split("\n");
    assertTrue(lines[0].startsWith("ruru "), run::out);
    assertTrue(lines[1].startsWith("Java " + Runtime.version().feature()), run::out);
  }

  @Test
  void helpListsTheSubcommands() {
    CommandRun run = CommandRun.of("--help");

    assertEquals(0, run.exitCode());
    assertTrue(run.out().contains("bench") && run.out().contains("inspect"), run::out);
  }

  @Test
  void noSubcommandIsAUsageError() {
    CommandRun run = CommandRun.of();

    assertEquals(2, run.exitCode());
    assertTrue(run.err().startsWith("ruru: missing a command: one of train, finetune, eval, predict, generate, embed, anomaly, perceptron, rl, play, arena, selfplay, diff, data, shell, bench, inspect, export, help"), run::err);
  }

  @Test
  void everyTrainingCommandRefusesZeroThreadsTheSameWay() {
    for (String[] command : new String[][] {{"train"}, {"finetune", "--from", "missing.onnx"}, {"anomaly", "train", "--normal-class", "0"}, {"anomaly", "benchmark"}}) {
      String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(command), java.util.stream.Stream.of("--threads", "0"))
          .toArray(String[]::new);
      CommandRun run = CommandRun.of(args);
      assertEquals(2, run.exitCode(), String.join(" ", command) + ": " + run.err());
      assertTrue(run.err().contains("Invalid --threads: 0 (must be >= 1)"), String.join(" ", command) + ": " + run.err());
    }
  }

  @Test
  void aBadOptionValueIsOneLineAndAHintNotTheWholeUsage() {
    CommandRun run = CommandRun.of("train", "--epochs", "abc");
    assertEquals(2, run.exitCode());
    assertEquals("ruru train: Invalid value for option '--epochs': 'abc' is not an int\nTry 'ruru train --help' for the options.\n", run.err());
    CommandRun missing = CommandRun.of("predict", "--input", "x.png");
    assertEquals("ruru predict: Missing required option: '--model-dir=DIR|FILE.onnx'\nTry 'ruru predict --help' for the options.\n", missing.err());
    CommandRun noValue = CommandRun.of("inspect", "--nonsense");
    assertEquals(2, noValue.exitCode());
    assertEquals(2, noValue.err().lines().count(), noValue::err);
  }

  @Test
  void aMisspeltOptionGetsPicocliSuggestion() {
    CommandRun run = CommandRun.of("train", "--epoch", "3");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().startsWith("ruru train: Unknown options: '--epoch', '3'\n"), run::err);
    assertTrue(run.err().contains("--epochs"), run::err);
    assertTrue(run.err().lines().count() <= 4, run::err);
  }

  @Test
  void helpTextsSayWhatTheUserGetsWithoutInternalNames() {
    for (String command : Ruru.commandLine().getSubcommands().keySet()) {
      String help = CommandRun.of(command, "--help").out();
      // W3, W4 and shared/anchors are the project's benchmark notes, which a user of the jar does not have.
      java.util.regex.Matcher internal = java.util.regex.Pattern.compile("\\bW[1-4]\\b|W4's|anchors|shared/|\\w+\\.py\\b").matcher(help);
      assertTrue(!internal.find(), () -> "ruru " + command + " --help names '" + internal.group() + "':\n" + help);
    }
  }
}
