package dev.ruru.data.audio;

import dev.ruru.data.DataFileException;

/**
 * A WAV file Ruru cannot read: not RIFF/WAVE, not 16-bit PCM, truncated, a chunk size past the end of the
 * file, or a format that makes no sense (0 channels, a sample rate of 0). The message reads
 * {@code wav: <file>: <problem>}.
 */
public final class WavFormatException extends DataFileException {
  private static final long serialVersionUID = 1L;

  WavFormatException(String source, String problem) {
    super("wav", source, problem);
  }
}
