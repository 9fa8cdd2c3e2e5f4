package dev.ruru.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Options a model family does not use are refused by name, and a directory the user named is never silently replaced. */
class FamilyOptionsTest {
  @TempDir Path directory;

  private CommandRun run(String... args) {
    return CommandRun.withEmbeddedSample(directory.resolve("home"), args);
  }

  @Test void optionsOfAnotherFamilyAreRefusedNamingWhoUsesThem() {
    // These were ignored without a word: an MLP trained for 5 epochs whatever --steps said.
    CommandRun steps = run("train", "--model", "mlp", "--steps", "5", "--out", directory.resolve("a").toString());
    assertEquals(2, steps.exitCode());
    assertEquals("ruru train: --steps does not apply to --model mlp (it is for --model char-gru, char-lstm, char-transformer);"
        + " leave it out\n", steps.err());
    assertEquals("ruru train: --heads does not apply to --model char-lstm (it is for --model char-transformer); leave it out\n",
        run("train", "--model", "char-lstm", "--heads", "2").err());
    assertEquals("ruru train: --data-dir does not apply to --model char-gru (it is for --model audio-cnn, audio-cnn1d, autoencoder, cnn, conv-autoencoder,"
        + " conv-vae, convgru, convlstm, gan, mlp, spec-vae, vae, wavenet); leave it out\n",
        run("train", "--model", "char-gru", "--data-dir", "x").err());
    assertEquals("ruru train: --text does not apply to --model cnn (it is for --model char-gru, char-lstm, char-transformer); leave it out\n",
        run("train", "--model", "cnn", "--text", "x.txt").err());
  }

  @Test void aDataDirectoryThatDoesNotHoldTheDataIsAnErrorNotAFallback() {
    Path missing = directory.resolve("nonexistent");
    CommandRun run = run("train", "--data-dir", missing.toString(), "--epochs", "1", "--out", directory.resolve("b").toString());
    assertEquals(2, run.exitCode(), run::out);
    assertTrue(run.err().startsWith("ruru train: fashion-mnist: no dataset found; looked in:\n  " + missing + " (no such directory)\n"), run::err);
    assertTrue(run.out().isEmpty(), run::out);
    CommandRun eval = run("eval", "--model-dir", directory.resolve("none").toString(), "--data-dir", missing.toString());
    assertEquals(2, eval.exitCode());
  }

  @Test void aModelNoFamilyNamesIsNotCheckedAndAMixinsOptionsAreRead() {
    assertDoesNotThrow(() -> FamilyOptions.check("vae", List.of("--latent"), FamilyOptions.FAMILIES));
    // Every option of ruru train belongs to some family (or to all): a new option nobody lists would be refused everywhere.
    assertEquals(FamilyOptions.allOptions(), FamilyOptions.optionsOf(new TrainCommand()));
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> FamilyOptions.check("vae", List.of("--steps"), List.of(FamilyOptions.of(List.of("vae"), Set.of("--latent")),
            FamilyOptions.of(List.of("char-gru"), Set.of("--steps")))));
    assertEquals("--steps does not apply to --model vae (it is for --model char-gru); leave it out", refused.getMessage());
  }

  @Test void everyOptionTheFamiliesNameIsARealOption() {
    CommandLine.Model.CommandSpec train = new CommandLine(new TrainCommand()).getCommandSpec();
    for (String option : FamilyOptions.allOptions()) {
      assertNotNull(train.findOption(option), option + " is listed in FamilyOptions but ruru train has no such option");
    }
  }
}
