package dev.ruru.spark;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SparkSessionTest {
  @Test
  void refusesTheJdksSparkRefusesAndNamesTheFix() {
    IllegalArgumentException early = assertThrows(IllegalArgumentException.class, () -> SparkSession.checkJava(Runtime.Version.parse("25.0.2+10")));
    assertTrue(early.getMessage().contains("25.0.3 or later"), early.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SparkSession.checkJava(Runtime.Version.parse("11.0.20")));
    assertDoesNotThrow(() -> SparkSession.checkJava(Runtime.Version.parse("25.0.3+9")));
    assertDoesNotThrow(() -> SparkSession.checkJava(Runtime.Version.parse("21.0.5")));
  }
}
