/**
 * What a training run prints while it works: a {@link dev.ruru.train.progress.ProgressBar} per epoch with
 * loss, accuracy, throughput and time left — redrawn in place on a terminal, kept narrower than the
 * terminal so that it never wraps, and as periodic plain lines when the output goes to a file or a pipe,
 * where carriage returns would make a mess. A {@code Trainer} prints one to standard output unless its
 * builder is told {@code quiet()}.
 */
package dev.ruru.train.progress;
