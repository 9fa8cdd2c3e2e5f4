/**
 * Models as files: a {@link dev.ruru.train.model.ModelSpec} says what network to build (architecture, an MLP
 * or a CNN; layer sizes, activation, dtype, class names) and is saved as {@code model.json} beside the weights in
 * {@code model.safetensors}; {@link dev.ruru.train.model.ModelFiles} writes the pair and reads it back into a
 * working {@link dev.ruru.train.model.SavedModel}. {@link dev.ruru.train.model.ModelDirectory} seals the two
 * files to each other and reads them back trusting nothing: the description strictly
 * ({@link dev.ruru.train.model.ModelJson}), the tensors it implies ({@link dev.ruru.train.model.ParameterShape})
 * against the weights' header before anything is allocated, then the seal, then every weight's value.
 */
package dev.ruru.train.model;
