package dev.ruru.models.run;

import java.io.Serializable;

/**
 * How to make something on another machine: an objective, a training set. Models and data are not
 * serialisable; the settings they are made from are, so a cluster's workers each make their own.
 */
@FunctionalInterface
public interface Recipe<T> extends Serializable {
  T make();
}
