package dev.ruru.models.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** --steps N of --batch-size B random windows are N·B examples, refused by value when an int cannot number them. */
class RandomWindowsTest {
  @Test void stepsTimesBatchSizeIsBoundedByWhatARunCanNumber() {
    assertEquals("Invalid --steps 2147483647 with --batch-size 32 (68,719,476,704 windows in all): both must be >= 1, and --steps x"
        + " --batch-size at most 2,147,483,616 (2^31 - 1 less a batch: a run numbers its windows with int indices); use fewer --steps or a"
        + " smaller --batch-size", assertThrows(IllegalArgumentException.class, () -> RandomWindows.ofSteps(null, Integer.MAX_VALUE, 32, 0))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> RandomWindows.ofSteps(null, 1, Integer.MAX_VALUE, 0));
    assertEquals(2_147_483_616, RandomWindows.ofSteps(null, 67_108_863, 32, 0).size());
  }
}
