package dev.ruru.models.video;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.NDArray;
import dev.ruru.data.idx.IdxValues;
import dev.ruru.data.mnist.EmbeddedSample;
import dev.ruru.data.mnist.MnistData;
import dev.ruru.models.run.RunCheckpoint;
import dev.ruru.train.Checkpoint;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VideoRunTest {
  /** 32×32 frames (a 28×28 item must fit), one layer of 4 channels, 2 frames in and 2 out: a second of training. */
  private static final VideoSpec SMALL = new VideoSpec(VideoSpec.CONVGRU, 4, List.of(4), 3, 32, 2, 2);

  @Test
  void aRunWritesItsModelMetricsAndGifAndGenerateReadsThemBack(@TempDir Path dir) throws Exception {
    MnistData data = EmbeddedSample.fashionMnist(IdxValues.SCALED_TO_UNIT);
    VideoSettings settings = new VideoSettings(SMALL, "fashion-mnist", 16, 8, 8, 1e-3, 1, 3);
    VideoReport report = new VideoRun(dir, null).train(data, settings);
    assertEquals(1, report.epochs().size());
    assertTrue(report.copyLastMse() > 0 && report.testSsim() <= 1, report.test().toString());
    for (String file : List.of("model.json", "model.safetensors", VideoReport.METRICS, VideoReport.CURVES, VideoRun.GIF)) {
      assertTrue(Files.size(dir.resolve(file)) > 0, file);
    }
    String metrics = Files.readString(dir.resolve(VideoReport.METRICS));
    assertTrue(metrics.contains("\"copy_last_mse_frame\"") && metrics.contains("\"task\" : \"video\""), metrics);
    // 4 clips: 3 panels across, 4 rows; 2 + 2 frames.
    assertGif(dir.resolve(VideoRun.GIF), 4, 4);
    VideoFiles.Loaded saved = VideoFiles.load(dir);
    assertEquals(SMALL, saved.model().spec());
    assertEquals(settings.testSeed(), saved.testSeed());
    Path gif = dir.resolve("other.gif");
    String said = VideoRun.generate(dir, gif, 2, 5);
    assertEquals("wrote 2 clips (input, truth, prediction) of moving fashion-mnist to " + gif, said);
    assertGif(gif, 2, 4);
  }

  @Test
  void aResumedRunEqualsAnUninterruptedOne(@TempDir Path dir) throws Exception {
    MnistData data = EmbeddedSample.fashionMnist(IdxValues.SCALED_TO_UNIT);
    VideoSettings settings = new VideoSettings(SMALL, "fashion-mnist", 16, 8, 8, 1e-3, 3, 3);
    new VideoRun(dir.resolve("whole"), null).train(data, settings);
    new VideoRun(dir.resolve("parts"), null).train(data, new VideoSettings(SMALL, "fashion-mnist", 16, 8, 8, 1e-3, 2, 3));
    Checkpoint afterTwo = RunCheckpoint.read(dir.resolve("parts"));
    assertEquals(settings.spec(), VideoSettings.of(afterTwo, dir).spec());
    StringWriter said = new StringWriter();
    VideoReport resumed = new VideoRun(dir.resolve("parts"), new PrintWriter(said)).resume(data, afterTwo, OptionalInt.of(3));
    // Training all three epochs afresh would give the same weights too: the run must say it continued.
    assertTrue(said.toString().contains("resuming " + dir.resolve("parts").resolve(RunCheckpoint.FILE) + " after epoch 2 of 3"), said::toString);
    assertEquals(3, resumed.epochs().size());
    Map<String, NDArray> whole = VideoFiles.load(dir.resolve("whole")).model().stateDict();
    Map<String, NDArray> parts = VideoFiles.load(dir.resolve("parts")).model().stateDict();
    assertEquals(whole.keySet(), parts.keySet());
    whole.forEach((name, value) -> assertArrayEquals(value.toFloatArray(), parts.get(name).toFloatArray(), name));
  }

  @Test
  void resumeRefusesOtherImages(@TempDir Path dir) throws Exception {
    MnistData data = EmbeddedSample.fashionMnist(IdxValues.SCALED_TO_UNIT);
    new VideoRun(dir, null).train(data, new VideoSettings(SMALL, "fashion-mnist", 8, 4, 8, 1e-3, 1, 3));
    Checkpoint checkpoint = RunCheckpoint.read(dir);
    MnistData fewer = new MnistData(data.variant(), data.train().subset(IntStream.range(0, 50).toArray()), data.test(), data.origin(),
        data.source());
    var refused = assertThrows(IllegalArgumentException.class, () -> new VideoRun(dir, null).resume(fewer, checkpoint, OptionalInt.of(2)));
    assertTrue(refused.getMessage().startsWith("--resume: the run in " + dir + " made its clips from "), refused.getMessage());
  }

  @Test
  void generateRefusesAnotherFamilysDirectory(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("model.json"), "{\"format\": \"ruru-gan\", \"version\": 2}");
    assertTrue(!VideoFiles.isVideoModel(dir));
    assertThrows(IllegalArgumentException.class, () -> VideoRun.generate(dir, dir.resolve("x.gif"), 1, 0));
  }

  private static void assertGif(Path file, int rows, int frames) throws Exception {
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
      reader.setInput(in);
      assertEquals(frames, reader.getNumImages(true));
      BufferedImage first = reader.read(0);
      int cell = 32 * 2 + 2;
      assertEquals(3 * cell + 2, first.getWidth());
      assertEquals(rows * cell + 2 + 3, first.getHeight());
    }
  }
}
