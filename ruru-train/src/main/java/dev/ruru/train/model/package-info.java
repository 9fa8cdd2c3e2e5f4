/**
 * Saved models as files, whatever their family: a description ({@code model.json}: the family and its
 * settings) beside the weights ({@code model.safetensors}). {@link dev.ruru.train.model.ModelDirectory}
 * replaces the pair atomically as readers see it and reads it back trusting nothing: the description
 * strictly ({@link dev.ruru.train.model.ModelJson}), the tensors it implies
 * ({@link dev.ruru.train.model.ParameterShape}) against the weights' header before anything is allocated,
 * then the seal that ties the two files together, then every weight's value. The families that describe
 * themselves this way live in ruru-models; any other model of standard layers is saved whole, its layer
 * tree as the description ({@link dev.ruru.train.model.LayerTreeFiles}, {@link dev.ruru.train.model.LayerTreeJson}).
 */
package dev.ruru.train.model;
