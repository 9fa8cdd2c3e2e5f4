package dev.ruru.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.models.transfer.TransferExperiment.Way;
import dev.ruru.models.transfer.TransferResults;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The transfer experiment's fast mode on the embedded sample: every way learns the new classes, and the pictures are drawn. */
class TransferLearningTest {
  @TempDir Path dir;

  @Test
  void everyWayLearnsTheNewClassesAndFineTuningBeatsScratchWithFewLabels() throws IOException {
    StringWriter text = new StringWriter();
    TransferResults results = TransferLearning.fast(dir, new PrintWriter(text, true));
    assertEquals(6, results.runs().size(), text.toString());
    for (Way way : Way.values()) {
      // Five classes: guessing scores 20%.
      assertTrue(results.mean(way, 50) > 0.4, way + " with 50 labels per class: " + results.mean(way, 50) + "\n" + text);
    }
    assertTrue(results.mean(Way.FINE_TUNE, 10) > results.mean(Way.SCRATCH, 10) - 0.05, text.toString());
    assertTrue(results.table().startsWith("| way | 10 labels/class | 50 labels/class |"), results.table());
    assertNotNull(ImageIO.read(dir.resolve("transfer.png").toFile()));
  }
}
