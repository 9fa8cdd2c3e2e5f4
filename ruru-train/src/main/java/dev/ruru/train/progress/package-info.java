/**
 * What a training run prints while it works: a {@link dev.ruru.train.progress.ProgressBar} per epoch with
 * loss, accuracy, throughput and time left — redrawn in place on a terminal, as periodic plain lines
 * when the output goes to a file or a pipe, where carriage returns would make a mess.
 */
package dev.ruru.train.progress;
