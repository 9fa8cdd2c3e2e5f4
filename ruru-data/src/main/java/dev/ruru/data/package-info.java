/**
 * The machine-learning pipeline's data side: a {@link dev.ruru.data.Dataset} of examples with integer
 * labels, an in-memory {@link dev.ruru.data.ArrayDataset}, the {@link dev.ruru.data.DataLoader} that
 * shuffles (seeded per epoch), batches and prefetches, seeded train/validation/test
 * {@link dev.ruru.data.Splits} (optionally stratified), and preprocessing: scaling pixels to [0, 1],
 * standardising with statistics fitted on the training split ({@link dev.ruru.data.Standardizer}),
 * flattening and one-hot labels ({@link dev.ruru.data.Preprocessing}).
 *
 * <p>File formats live in sub-packages named for them: {@code idx} (the MNIST file format),
 * {@code mnist} (MNIST and Fashion-MNIST, with an embedded sample), {@code csv} and {@code download}
 * (verified HTTP downloads). Every bad input fails with a {@link dev.ruru.data.DataFileException} that
 * names the file and what was expected and found.
 */
package dev.ruru.data;
