package dev.ruru.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example's fast mode trains an epoch, measures the model beside copying the last frame, and draws its GIF. */
class VideoPredictionTest {
  @Test
  void trainsMeasuresAndDraws(@TempDir Path directory) throws Exception {
    StringWriter text = new StringWriter();
    VideoPrediction.Result result = VideoPrediction.fast(directory, new PrintWriter(text, true));
    assertTrue(Files.size(directory.resolve("prediction.gif")) > 0, text::toString);
    assertTrue(result.history().epochs().size() == 1 && result.test().get("copy_last_mse_frame") > 0, text::toString);
    assertTrue(text.toString().contains("(copying the last frame: "), text::toString);
  }
}
