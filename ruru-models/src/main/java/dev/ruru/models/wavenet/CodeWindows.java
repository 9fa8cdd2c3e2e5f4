package dev.ruru.models.wavenet;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.data.ArrayDataset;
import java.util.ArrayList;
import java.util.List;

/**
 * Training examples for a {@link WaveNet}: each clip µ-law encoded and cut into windows of
 * {@code window + 1} codes every {@code hop} samples, labelled with the clip's digit. Windows quieter
 * than {@code minimumRms} (root mean square of the samples) are left out: a spoken-digit clip is mostly
 * silence around the word, and silence teaches little but to predict silence.
 *
 * <pre>{@code
 * ArrayDataset windows = CodeWindows.of(clips, digits, 1024, 512, 0.01);   // features [M, 1025] int32, labels [M]
 * }</pre>
 */
public final class CodeWindows {
  private CodeWindows() {}

  /**
   * Windows of {@code waveforms} [N, L] (float samples in [−1, 1]) with {@code digits} [N]: features
   * [M, window + 1] (int32 codes), labels [M] (int64 digits).
   */
  public static ArrayDataset of(NDArray waveforms, NDArray digits, int window, int hop, double minimumRms) {
    if (waveforms.rank() != 2 || digits.rank() != 1 || digits.dim(0) != waveforms.dim(0)) {
      throw new IllegalArgumentException("wavenet windows: expected waveforms [clips, samples] and one digit per clip, got "
          + waveforms.shape() + " and " + digits.shape());
    }
    if (window < 1 || hop < 1 || window + 1 > waveforms.dim(1)) {
      throw new IllegalArgumentException("wavenet windows: the window (" + window + " + 1 samples) must fit in a clip of " + waveforms.dim(1)
          + " samples and the hop (" + hop + ") be positive");
    }
    int length = waveforms.dim(1);
    double[] samples = waveforms.toDoubleArray();
    long[] labels = digits.toLongArray();
    List<int[]> kept = new ArrayList<>();
    List<Long> keptLabels = new ArrayList<>();
    for (int clip = 0; clip < waveforms.dim(0); clip++) {
      for (int start = 0; start + window + 1 <= length; start += hop) {
        int from = clip * length + start;
        if (rms(samples, from, window + 1) >= minimumRms) {
          int[] codes = new int[window + 1];
          for (int t = 0; t <= window; t++) {
            codes[t] = MuLaw.encode(samples[from + t]);
          }
          kept.add(codes);
          keptLabels.add(labels[clip]);
        }
      }
    }
    if (kept.isEmpty()) {
      throw new IllegalArgumentException("wavenet windows: every window of the " + waveforms.dim(0) + " clips is quieter than rms "
          + minimumRms + "; are the clips silent, or scaled to [-1, 1]?");
    }
    int[] flat = new int[kept.size() * (window + 1)];
    for (int i = 0; i < kept.size(); i++) {
      System.arraycopy(kept.get(i), 0, flat, i * (window + 1), window + 1);
    }
    long[] windowLabels = keptLabels.stream().mapToLong(Long::longValue).toArray();
    return new ArrayDataset(NDArray.wrap(flat, kept.size(), window + 1), NDArray.wrap(windowLabels, windowLabels.length).astype(DType.INT64));
  }

  private static double rms(double[] samples, int from, int count) {
    double sum = 0;
    for (int i = from; i < from + count; i++) {
      sum += samples[i] * samples[i];
    }
    return Math.sqrt(sum / count);
  }
}
