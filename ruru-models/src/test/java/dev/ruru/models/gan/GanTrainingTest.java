package dev.ruru.models.gan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.NDArray;
import dev.ruru.array.Shape;
import dev.ruru.data.ArrayDataset;
import dev.ruru.data.idx.IdxValues;
import dev.ruru.data.mnist.EmbeddedSample;
import dev.ruru.models.run.RunCheckpoint;
import dev.ruru.train.Checkpoint;
import dev.ruru.train.History;
import dev.ruru.train.ResumableRandom;
import dev.ruru.train.Trainer;
import dev.ruru.train.callbacks.Checkpointing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small conditional GAN trained by the Trainer: exact resume, the sample grids and GIF, and the saved generator. */
class GanTrainingTest {
  private static final GanSpec SPEC = new GanSpec(8, 4, 10);
  private static final ArrayDataset DATA = EmbeddedSample.fashionMnist(IdxValues.SCALED_TO_UNIT).train().subset(IntStream.range(0, 96).toArray());

  private static AdversarialObjective gan() {
    return new AdversarialObjective(SPEC, new ResumableRandom(3), new ResumableRandom(4), 2e-4);
  }

  private static Trainer trainer(AdversarialObjective gan, Path directory, SampleGrids grids) {
    return Trainer.builder(gan).batchSize(32).seed(5).quiet()
        .callbacks(new Checkpointing(directory.resolve(RunCheckpoint.FILE)), grids).build();
  }

  @Test
  void aResumedRunEqualsAnUninterruptedOne(@TempDir Path temporary) throws Exception {
    AdversarialObjective whole = gan();
    SampleGrids grids = new SampleGrids(whole, temporary.resolve("whole"), 9);
    History uninterrupted = trainer(whole, temporary.resolve("whole"), grids).fit(DATA, null, 2);

    AdversarialObjective first = gan();
    trainer(first, temporary.resolve("parts"), new SampleGrids(first, temporary.resolve("parts"), 9)).fit(DATA, null, 1);
    AdversarialObjective second = gan();
    Trainer resumed = trainer(second, temporary.resolve("parts"), new SampleGrids(second, temporary.resolve("parts"), 9));
    resumed.resume(Checkpoint.read(temporary.resolve("parts").resolve(RunCheckpoint.FILE)));
    History continued = resumed.fit(DATA, null, 2);

    assertEquals(whole.generator().stateDict(), second.generator().stateDict(), "generator after 2 epochs");
    assertEquals(whole.discriminator().stateDict(), second.discriminator().stateDict(), "discriminator after 2 epochs");
    assertEquals(uninterrupted.last().train(), continued.last().train(), "epoch 2's losses");
    assertFalse(whole.generator().stateDict().equals(gan().generator().stateDict()), "training changed the generator");

    assertTrue(Files.isRegularFile(grids.frame(1)) && Files.isRegularFile(grids.frame(2)));
    assertEquals(2, frames(grids.animation()), "one GIF frame per epoch");
    assertEquals(2, frames(temporary.resolve("parts").resolve("samples.gif")), "the resumed run's GIF starts at epoch 1");
  }

  private static int frames(Path gif) throws Exception {
    try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
      ImageReader reader = ImageIO.getImageReaders(in).next();
      reader.setInput(in);
      return reader.getNumImages(true);
    }
  }

  @Test
  void theSavedGeneratorSamplesAsTheTrainedOne(@TempDir Path directory) throws Exception {
    AdversarialObjective gan = gan();
    GanFiles.save(directory, SPEC, gan.generator());
    assertTrue(GanFiles.isGan(directory));
    GanFiles.Loaded loaded = GanFiles.load(directory);
    assertEquals(SPEC, loaded.spec());
    NDArray noise = NDArray.randn(Shape.of(10, 8), new SplittableRandom(1));
    NDArray labels = NDArray.of(IntStream.range(0, 10).mapToLong(i -> i).toArray(), 10);
    NDArray expected = SPEC.sample(gan.generator(), noise, labels);
    assertEquals(expected, SPEC.sample(loaded.generator(), noise, labels));
    assertEquals(Shape.of(10, 28, 28), expected.shape());
    assertTrue(expected.min().item() >= 0 && expected.max().item() <= 1, "pixels in [0, 1]");
  }
}
