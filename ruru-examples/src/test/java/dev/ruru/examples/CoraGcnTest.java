package dev.ruru.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.data.graph.KarateClub;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The example's fast mode: the same GCN code on the karate club, one labelled member per faction. */
class CoraGcnTest {
  @Test
  void theGcnLabelsMostOfTheKarateClubFromItsTwoLeaders() {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    double accuracy = CoraGcn.run(KarateClub.load(), 100, new PrintStream(printed, true, StandardCharsets.UTF_8));
    String text = printed.toString(StandardCharsets.UTF_8);
    assertTrue(accuracy >= 0.85, text);
    assertTrue(text.contains("GCNConv(34 -> 16)") && text.contains("test accuracy"), text);
  }
}
