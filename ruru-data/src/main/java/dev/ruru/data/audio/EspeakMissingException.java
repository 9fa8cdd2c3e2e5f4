package dev.ruru.data.audio;

/** The {@code espeak-ng} program is not installed (or not where it was looked for); the message says how to install it. */
public final class EspeakMissingException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  EspeakMissingException(String lookedFor) {
    super("espeak-ng: the speech synthesiser is not installed; looked for " + lookedFor
        + "; install it with: " + Espeak.INSTALL + " (Debian/Ubuntu, as root)");
  }
}
