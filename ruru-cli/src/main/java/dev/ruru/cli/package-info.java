/**
 * The {@code ruru} command: one runnable jar ({@code ruru-cli/target/ruru.jar}, started by the
 * repository's {@code ./ruru} script) whose subcommands put the library to work from a shell.
 * {@link dev.ruru.cli.Ruru} is the entry point; {@code bench} measures the array kernels (GEMM,
 * elementwise add, broadcasting, reduction) with the same method as the NumPy reference scripts, so
 * the figures compare as ratios; {@code inspect} summarises the arrays stored in {@code .npy} and
 * {@code .npz} files. Commands are picocli classes; each writes to the streams its
 * {@link picocli.CommandLine} gives it, so tests run them in-process and read what they print.
 */
package dev.ruru.cli;
