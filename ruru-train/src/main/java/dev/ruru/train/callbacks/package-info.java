/**
 * Ready-made {@link dev.ruru.train.Callback}s: stop when validation stops improving
 * ({@link dev.ruru.train.callbacks.EarlyStopping}), save a checkpoint after every epoch, atomically
 * ({@link dev.ruru.train.callbacks.Checkpointing}), change the learning rate by a schedule or on a plateau
 * ({@link dev.ruru.train.callbacks.LearningRateScheduling}), and log every epoch's numbers to a CSV file
 * ({@link dev.ruru.train.callbacks.CsvLogger}). Each rebuilds its state from the history on resume.
 */
package dev.ruru.train.callbacks;
