package dev.ruru.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.data.ArrayDataset;
import dev.ruru.nn.Layer;
import dev.ruru.optim.Sgd;
import dev.ruru.optim.SgdConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** A trainer shows its progress on standard output unless told to be quiet: a first run should not look hung. */
class TrainerProgressTest {
  private static final ArrayDataset TRAIN = SampleData.train(64);

  /** What one epoch prints to System.out, with the builder configured by {@code configure}. */
  private static String printedByOneEpoch(UnaryOperator<TrainerBuilder> configure) {
    ResumableRandom random = new ResumableRandom(1);
    Layer model = TestNetworks.mlp(random, 0, 784, 10);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      // Built after System.out is replaced: the default bar writes to the System.out of build().
      Trainer trainer = configure.apply(Trainer.builder(model, new Sgd(model.parameters(), new SgdConfig(0.01, 0)))).build();
      trainer.fit(TRAIN, null, 1);
    } finally {
      System.setOut(original);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test void byDefaultEachEpochEndsWithALineOnStandardOutput() {
    String text = printedByOneEpoch(builder -> builder);
    assertTrue(text.contains("epoch 1/1 loss "), text);
    assertTrue(text.endsWith(System.lineSeparator()), text);
  }

  @Test void quietPrintsNothing() {
    assertEquals("", printedByOneEpoch(TrainerBuilder::quiet));
  }
}
