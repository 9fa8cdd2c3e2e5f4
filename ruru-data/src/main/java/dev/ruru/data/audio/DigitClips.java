package dev.ruru.data.audio;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import java.util.List;

/**
 * One split of the spoken-digit corpus as arrays: {@code waveforms} float32 {@code [n, length]} in [-1, 1]
 * at {@link SpokenDigits#SAMPLE_RATE} Hz, {@code labels} int64 {@code [n]} (the digit 0 to 9) and the voice
 * that spoke each clip.
 */
public record DigitClips(NDArray waveforms, NDArray labels, List<String> voices) {
  public DigitClips {
    if (waveforms.rank() != 2 || labels.rank() != 1 || waveforms.dim(0) != labels.dim(0) || voices.size() != labels.dim(0)) {
      throw new IllegalArgumentException("DigitClips: expected waveforms [n, length], labels [n] and n voices; got "
          + waveforms.shape() + ", " + labels.shape() + " and " + voices.size() + " voices");
    }
    waveforms = waveforms.astype(DType.FLOAT32);
    labels = labels.astype(DType.INT64);
    voices = List.copyOf(voices);
  }

  /** The number of clips. */
  public int size() {
    return labels.dim(0);
  }

  /** The distinct voices, in order of first appearance. */
  public List<String> distinctVoices() {
    return voices.stream().distinct().toList();
  }
}
