package dev.ruru.models.table;

import java.util.Locale;

/** The course's two types of problems: predict a class (classification) or a number (regression). */
public enum TableTask {
  /** The target is one of a few classes: softmax cross-entropy, accuracy and a confusion matrix. */
  CLASSIFICATION,
  /** The target is a number: mean squared error, and MSE, MAE and R² on the test rows. */
  REGRESSION;

  /** {@code "classification"} or {@code "regression"}, as {@code --task} and model.json write it. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The task named {@code id}; refused with the choices otherwise. */
  public static TableTask fromId(String id) {
    for (TableTask task : values()) {
      if (task.id().equals(id)) {
        return task;
      }
    }
    throw new IllegalArgumentException("unknown task '" + id + "'; expected classification or regression");
  }
}
