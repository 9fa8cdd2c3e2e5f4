package dev.ruru.autodiff;

/** Thrown in anomaly mode when an operation first turns finite inputs into NaN or infinity. */
public class AnomalyException extends ArithmeticException {
  public AnomalyException(String message) {
    super(message);
  }
}
