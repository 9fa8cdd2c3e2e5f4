/**
 * MNIST and Fashion-MNIST: 28×28 grey images in ten classes, in the IDX files their authors distribute
 * ({@code train-images-idx3-ubyte[.gz]}, {@code train-labels-idx1-ubyte[.gz]},
 * {@code t10k-images-idx3-ubyte[.gz]}, {@code t10k-labels-idx1-ubyte[.gz]}).
 *
 * <p>{@link dev.ruru.data.mnist.MnistLoader} finds the files (an explicit directory, {@code $RURU_DATA},
 * {@code ~/.ruru/data/<name>}, then Debian's {@code /usr/share/datasets/fashion-mnist}), can download them
 * from the canonical mirrors with SHA-256 checks when asked, and otherwise falls back, if allowed, to the
 * {@link dev.ruru.data.mnist.EmbeddedSample}: 5,000 training and 1,000 test images of Fashion-MNIST inside
 * the jar (MIT licence, Zalando SE), so a first training run needs no download. The result says which
 * source it came from.
 */
package dev.ruru.data.mnist;
