/**
 * Models as files: a {@link dev.ruru.train.model.ModelSpec} says what network to build (architecture, an MLP
 * or a CNN; layer sizes, activation, dtype, class names) and is saved as {@code model.json} beside the weights in
 * {@code model.safetensors}; {@link dev.ruru.train.model.ModelFiles} writes the pair and reads it back into a
 * working {@link dev.ruru.train.model.SavedModel}, checking that the weights match the description before
 * anything is loaded.
 */
package dev.ruru.train.model;
