package dev.ruru.train.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.train.metrics.EpochMetrics;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bar's text, its redraw policy per style, and its arithmetic, with a fake clock. */
class ProgressBarTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(bytes, StandardCharsets.UTF_8), true);
  private long now;

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }

  @Test void lineShowsProgressLossAccuracyRateAndEta() {
    ProgressBar bar = new ProgressBar(out, ProgressStyle.LINES, () -> now);
    bar.startEpoch(2, 5, 10, 1000);
    now = 2_000_000_000L;
    // 4 of 10 batches fill 24·4/10 = 9 of 24 cells; 250 samples in 2 s is 125 samples/s; 750 left take 6 s.
    assertEquals("epoch 2/5 [=========>              ]  4/10 loss 0.4821 acc 82.91% 125 samples/s ETA 0:06",
        bar.line(4, 250, metrics(0.4821, 0.8291), now));
  }

  @Test void aLanguageModelsBarCountsTokens() {
    ProgressBar bar = new ProgressBar(out, ProgressStyle.LINES, () -> now).countingIn("tokens", 64);
    bar.startEpoch(1, 1, 10, 320);
    now = 2_000_000_000L;
    // 64 windows of 64 tokens in 2 s: 2,048 tokens/s; the ETA still counts windows (256 left at 32/s).
    assertEquals("epoch 1/1 [====>                   ]  2/10 loss 3.0000 acc 20.00% 2,048 tokens/s ETA 0:08",
        bar.line(2, 64, metrics(3.0, 0.2), now));
    assertEquals("1,024 tokens/s", bar.rate(32, 2));
  }

  private static Map<String, Double> metrics(double loss, double accuracy) {
    Map<String, Double> metrics = new LinkedHashMap<>();
    metrics.put("loss", loss);
    metrics.put("accuracy", accuracy);
    return metrics;
  }

  @Test void otherMetricsShowByNameAndValidationOnesWithAPrefix() {
    EpochMetrics epoch = new EpochMetrics(3, Map.of("d_loss", 0.5), Map.of("d_loss", 0.25), 2.0, 1e-3);
    assertEquals("epoch 3/4 d_loss 0.5000 | val_d_loss 0.2500 | 2.0 s (10 samples/s)", ProgressBar.summary(epoch, 4, "10 samples/s"));
    Map<String, Double> three = metrics(1.0, 0.5);
    three.put("top5_accuracy", 0.75);
    assertEquals("loss 1.0000 acc 50.00% top5_accuracy 75.00%", ProgressBar.format(three, ""));
  }

  @Test void hugeValuesPrintWithAnExponentNotAsLongNumbers() {
    assertEquals("loss 2.0000e+33 acc 10.00%", ProgressBar.format(metrics(2e33, 0.1), ""));
    assertEquals("loss 99999.0000", ProgressBar.format(Map.of("loss", 99999.0), ""));
    assertEquals("loss NaN", ProgressBar.format(Map.of("loss", Double.NaN), ""));
  }

  @Test void clockFormatsMinutesAndHours() {
    assertEquals("0:07", ProgressBar.clock(6.6));
    assertEquals("2:05", ProgressBar.clock(125));
    assertEquals("1:01:01", ProgressBar.clock(3661));
  }

  @Test void terminalStyleRedrawsInPlaceAtMostEveryHundredMilliseconds() {
    ProgressBar bar = new ProgressBar(out, ProgressStyle.TERMINAL, () -> now);
    bar.startEpoch(1, 1, 4, 400);
    now = 50_000_000L;
    bar.update(1, 100, metrics(1.0, 0.5)); // 50 ms after the start: too soon, not drawn
    now = 150_000_000L;
    bar.update(2, 200, metrics(0.9, 0.6)); // drawn
    now = 160_000_000L;
    bar.update(4, 400, metrics(0.8, 0.7)); // the last batch is always drawn
    bar.endEpoch("epoch 1/1 done");
    String text = printed();
    assertEquals(3, text.chars().filter(c -> c == '\r').count(), text);
    assertFalse(text.contains("1/4"), text);
    assertTrue(text.contains("\repoch 1/1 [============>           ] 2/4"), text);
    // The summary replaces the bar, padded with spaces over the longer bar, and ends the line.
    assertTrue(text.matches("(?s).*\\repoch 1/1 done {20,}\n"), text);
    assertTrue(text.endsWith("\n"), text);
  }

  @Test void linesStylePrintsAPlainLineEveryFiveSecondsAndNoCarriageReturns() {
    ProgressBar bar = new ProgressBar(out, ProgressStyle.LINES, () -> now);
    bar.startEpoch(1, 2, 100, 10_000);
    for (int batch = 1; batch <= 100; batch++) {
      now = batch * 200_000_000L; // 0.2 s per batch: 20 s in all
      bar.update(batch, batch * 100L, metrics(0.5, 0.5));
    }
    bar.endEpoch("epoch 1/2 summary");
    String text = printed();
    assertFalse(text.contains("\r"), text);
    // Lines at 5, 10 and 15 s; the 20 s one is the last batch, which the summary replaces.
    assertEquals(4, text.lines().count(), text);
    assertTrue(text.lines().toList().get(0).startsWith("epoch 1/2 [======>                 ]  25/100 loss 0.5000"), text);
    assertEquals("epoch 1/2 summary", text.lines().toList().get(3));
  }

  @Test void epochsOnlyAndSilentStylesPrintLittleOrNothing() {
    ProgressBar summaries = new ProgressBar(out, ProgressStyle.EPOCHS_ONLY, () -> now);
    summaries.startEpoch(1, 1, 1, 10);
    now = 10_000_000_000L;
    summaries.update(1, 10, metrics(0.1, 1));
    summaries.endEpoch("only this");
    ProgressBar silent = new ProgressBar(out, ProgressStyle.SILENT, () -> now);
    silent.startEpoch(1, 1, 1, 10);
    silent.update(1, 10, metrics(0.1, 1));
    silent.endEpoch("not this");
    assertEquals("only this\n", printed());
  }

  @Test void theWidthIsColumnsWhenSetAndANumberElseEighty() {
    assertEquals(120, ProgressBar.columns("120"));
    assertEquals(40, ProgressBar.columns(" 40\n"));
    assertEquals(80, ProgressBar.columns(null));
    assertEquals(80, ProgressBar.columns(""));
    assertEquals(80, ProgressBar.columns("wide"));
    assertEquals(80, ProgressBar.columns("0"));
    assertThrows(IllegalArgumentException.class, () -> new ProgressBar(out, ProgressStyle.TERMINAL, () -> now, 1));
  }

  /** A long epoch on a terminal {@code columns} wide, 10 ms per batch: 100 redraws, then the summary. */
  private String terminalEpoch(int columns) {
    ProgressBar bar = new ProgressBar(out, ProgressStyle.TERMINAL, () -> now, columns);
    bar.startEpoch(12, 100, 1000, 64_000);
    for (int batch = 1; batch <= 1000; batch++) {
      now = batch * 10_000_000L;
      bar.update(batch, batch * 64L, metrics(0.48213, 0.8291));
    }
    bar.endEpoch("epoch 12/100 loss 0.4821");
    return printed();
  }

  @Test void aTerminalEpochOfManyBatchesIsOneLineRedrawnInPlace() {
    String text = terminalEpoch(80);
    // Before the width was kept, a 96-character bar wrapped and left a row behind at each of 101 redraws.
    assertEquals(text.length() - 1, text.indexOf('\n'), text);
    assertEquals(101, text.chars().filter(c -> c == '\r').count());
    assertTrue(text.startsWith("\repoch 12/100 [") && text.endsWith("\repoch 12/100 loss 0.4821" + " ".repeat(55) + "\n"), text);
  }

  @Test void noRedrawReachesTheTerminalsLastColumn() {
    for (int columns : new int[] {40, 80, 120}) {
      bytes.reset();
      String text = terminalEpoch(columns);
      for (String line : text.split("[\r\n]")) {
        assertTrue(line.length() < columns, columns + " columns: " + line.length() + " characters in '" + line + "'");
      }
    }
  }

  @Test void aNarrowerTerminalDropsTheRateThenTheBarThenTheEtaThenCuts() {
    Map<String, Double> metrics = metrics(0.4821, 0.8291);
    String whole = "epoch 2/5 [=========>              ]  4/10 loss 0.4821 acc 82.91% 125 samples/s ETA 0:06";
    assertEquals(whole, fitted(whole.length() + 1, metrics));
    assertEquals("epoch 2/5 [=========>              ]  4/10 loss 0.4821 acc 82.91% ETA 0:06", fitted(whole.length(), metrics));
    assertEquals("epoch 2/5 [====>      ]  4/10 loss 0.4821 acc 82.91% ETA 0:06", fitted(62, metrics));
    assertEquals("epoch 2/5  4/10 loss 0.4821 acc 82.91% ETA 0:06", fitted(60, metrics));
    assertEquals("epoch 2/5  4/10 loss 0.4821 acc 82.91%", fitted(40, metrics));
    assertEquals("epoch 2/5  4/10 loss 0.", fitted(24, metrics));
    assertEquals("epoch 2/5  4/10 ETA 0:06", fitted(25, Map.of()));
    // Logs are not a terminal: their lines stay whole.
    ProgressBar lines = new ProgressBar(out, ProgressStyle.LINES, () -> 0L, 40);
    lines.startEpoch(2, 5, 10, 1000);
    assertEquals(whole, lines.line(4, 250, metrics, 2_000_000_000L));
  }

  private String fitted(int columns, Map<String, Double> metrics) {
    ProgressBar bar = new ProgressBar(out, ProgressStyle.TERMINAL, () -> 0L, columns);
    bar.startEpoch(2, 5, 10, 1000);
    return bar.fitted(4, 250, metrics, 2_000_000_000L);
  }

  @Test void silentPrintsNothingAndStandardOutputDetectsItsStyle() {
    ProgressBar silent = ProgressBar.silent();
    assertEquals(ProgressStyle.SILENT, silent.style());
    assertEquals(ProgressStyle.detect(), ProgressBar.standardOutput().style());
  }
}
