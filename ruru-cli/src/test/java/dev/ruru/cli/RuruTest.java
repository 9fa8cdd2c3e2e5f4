package dev.ruru.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RuruTest {
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
    assertTrue(run.err().startsWith("missing a command: one of train, eval, predict, generate, perceptron, diff, bench, inspect, play, arena, selfplay, help"), run::err);
  }
}
