package dev.ruru.data.text;

import java.util.Arrays;

/**
 * A token id sequence cut in two contiguous parts: {@code train} is the head, {@code validation} the tail
 * ({@link TextWindows#split}). No window of one part can contain tokens of the other, so validation loss
 * measures text the model has not seen. The arrays are copied in and out.
 */
public record TextSplit(int[] train, int[] validation) {
  public TextSplit {
    train = train.clone();
    validation = validation.clone();
  }

  @Override
  public int[] train() {
    return train.clone();
  }

  @Override
  public int[] validation() {
    return validation.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TextSplit that && Arrays.equals(train, that.train) && Arrays.equals(validation, that.validation);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(train) + Arrays.hashCode(validation);
  }

  @Override
  public String toString() {
    return "TextSplit(" + train.length + " training tokens, " + validation.length + " validation tokens)";
  }
}
