/**
 * Training, the way a Keras or PyTorch user expects it: a {@link dev.ruru.train.Trainer} runs
 * {@code fit}/{@code evaluate}/{@code predict} over a {@link dev.ruru.data.DataLoader}, calls
 * {@link dev.ruru.train.Callback}s (early stopping, checkpointing, learning-rate schedules, logging), stops on
 * a NaN loss naming the operation, and saves {@link dev.ruru.train.Checkpoint}s from which a run continues
 * exactly as if never interrupted. Sub-packages: {@code metrics} (accuracy, confusion matrix, diagnosis),
 * {@code progress} (the progress bar), {@code plot} (pictures), {@code io} (safetensors, atomic files),
 * {@code model} (model.json + model.safetensors), {@code report} (metrics.json and the pictures of a run),
 * {@code callbacks}.
 */
package dev.ruru.train;
