package dev.ruru.models.wavenet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.NDArray;
import dev.ruru.data.ArrayDataset;
import dev.ruru.train.History;
import dev.ruru.train.Trainer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** WaveNet trained by the one Trainer on tones, one pitch per digit: it learns to continue them. */
class NextSampleObjectiveTest {
  /** Clips [2·count, length]: digit 0 a 250 Hz tone, digit 1 a 750 Hz tone, at 8 kHz, random phases. */
  static NDArray[] tones(int count, int length, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[] samples = new float[2 * count * length];
    long[] digits = new long[2 * count];
    for (int clip = 0; clip < 2 * count; clip++) {
      digits[clip] = clip % 2;
      double frequency = digits[clip] == 0 ? 250 : 750;
      double phase = rng.nextDouble(2 * Math.PI);
      for (int t = 0; t < length; t++) {
        samples[clip * length + t] = (float) (0.5 * Math.sin(2 * Math.PI * frequency * t / 8000 + phase));
      }
    }
    return new NDArray[] {NDArray.wrap(samples, 2 * count, length), NDArray.wrap(digits, 2 * count)};
  }

  @Test
  void lossFallsWhenTrainedByTheTrainer() {
    NDArray[] clips = tones(4, 400, 1);
    ArrayDataset windows = CodeWindows.of(clips[0], clips[1], 64, 32, 0.01);
    assertEquals(8 * 11, windows.size(), "11 windows of 65 codes every 32 samples in each of 8 clips of 400");
    WaveNet net = new WaveNet(new WaveNetSpec(8, 16, 4, 1, 2, 8000), new SplittableRandom(2));
    NextSampleObjective objective = new NextSampleObjective(net, 0.01);
    History history = Trainer.builder(objective).batchSize(8).seed(3).quiet().build().fit(windows, null, 4);
    double first = history.epochs().getFirst().trainLoss();
    double last = history.epochs().getLast().trainLoss();
    assertTrue(first > 4 && last < 0.7 * first, "loss from " + first + " (about ln 256 = 5.5) to " + last);
  }

  @Test
  void quietWindowsAreLeftOut() {
    NDArray[] clips = tones(1, 200, 4);
    NDArray quiet = clips[0].mul(0.001);
    assertEquals("wavenet windows: every window of the 2 clips is quieter than rms 0.01; are the clips silent, or scaled to [-1, 1]?",
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> CodeWindows.of(quiet, clips[1], 64, 32, 0.01))
            .getMessage());
  }
}
