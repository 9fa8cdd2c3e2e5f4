package dev.ruru.models.run;

import dev.ruru.train.TrainingDivergedException;

/**
 * A run whose training diverged, told in one line: where (epoch and batch, or the end of an epoch), what
 * made the NaN or infinity when anomaly detection found it, and which checkpoint is kept, of which epoch
 * and why (or that there is none). The cause is the trainer's {@link TrainingDivergedException}.
 */
public final class RunDivergedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  RunDivergedException(String message, TrainingDivergedException cause) {
    super(message, cause);
  }

  @Override
  public synchronized TrainingDivergedException getCause() {
    return (TrainingDivergedException) super.getCause();
  }
}
