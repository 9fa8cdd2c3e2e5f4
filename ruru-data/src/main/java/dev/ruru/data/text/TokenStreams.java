package dev.ruru.data.text;

import dev.ruru.array.NDArray;
import dev.ruru.data.Batch;
import dev.ruru.data.BatchSource;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * A token id sequence as {@code B} parallel streams, read in consecutive chunks of {@code L} tokens: the
 * batches of truncated backpropagation through time.
 *
 * <p>The {@code n} ids are cut into {@code B} contiguous streams of {@code S = (n - 1) / B} tokens each
 * (stream {@code b} starts at {@code b·S}; the spare tokens at the end are not used, except as the last
 * label). Chunk {@code c} holds positions {@code [c·L, c·L + L)} of every stream: features
 * {@code [B, L]} with {@code features[b, t] = ids[b·S + c·L + t]} and labels {@code [B, L]}, the next
 * tokens {@code ids[b·S + c·L + t + 1]}, both int64. There are {@code S / L} chunks; a last partial one
 * is dropped. Because row {@code b} of chunk {@code c + 1} continues row {@code b} of chunk {@code c}
 * exactly where it ended, a caller may carry the recurrent state (an LSTM's {@code h} and {@code c}) from
 * one chunk to the next, detached so gradients stop at the chunk boundary, and reset it at chunk 0.
 *
 * <pre>{@code
 * TokenStreams streams = new TokenStreams(ids, 32, 64);
 * State state = State.zeros(32);
 * for (Batch chunk : streams) {                  // features, labels [32, 64] int64
 *   Output out = lstm.forward(chunk.features(), state);
 *   state = out.state().detach();                // continue the streams, truncate the gradient
 * }
 * }</pre>
 */
public final class TokenStreams implements Iterable<Batch>, BatchSource {
  private final int[] ids;
  private final int streamCount;
  private final int chunkLength;
  private final int streamLength;

  /**
   * @param ids the token ids (copied); at least {@code streamCount · chunkLength + 1}
   * @param streamCount {@code B}, the batch size, at least 1
   * @param chunkLength {@code L}, tokens per chunk and stream, at least 1
   */
  public TokenStreams(int[] ids, int streamCount, int chunkLength) {
    Objects.requireNonNull(ids, "ids");
    if (streamCount < 1) {
      throw new IllegalArgumentException("TokenStreams: stream count (batch size) must be at least 1, got " + streamCount);
    }
    if (chunkLength < 1) {
      throw new IllegalArgumentException("TokenStreams: chunk length must be at least 1, got " + chunkLength);
    }
    long needed = (long) streamCount * chunkLength + 1;
    if (ids.length < needed) {
      throw new IllegalArgumentException("TokenStreams: text has " + ids.length + " tokens but " + streamCount + " streams of one "
          + chunkLength + "-token chunk need " + streamCount + " × " + chunkLength + " + 1 = " + needed
          + "; use fewer streams, shorter chunks or more text");
    }
    this.ids = ids.clone();
    this.streamCount = streamCount;
    this.chunkLength = chunkLength;
    this.streamLength = (ids.length - 1) / streamCount;
  }

  /** {@code B}: rows of every chunk. */
  public int streamCount() {
    return streamCount;
  }

  /** {@code L}: tokens per row of a chunk. */
  public int chunkLength() {
    return chunkLength;
  }

  /** {@code S = (n - 1) / B}: tokens per stream. */
  public int streamLength() {
    return streamLength;
  }

  /** Number of chunks, {@code S / L}. */
  public int chunkCount() {
    return streamLength / chunkLength;
  }

  @Override
  public int batchCount() {
    return chunkCount();
  }

  /** Rows over all chunks: {@code B} per chunk. */
  @Override
  public long exampleCount() {
    return (long) streamCount * chunkCount();
  }

  /** Every epoch reads the same chunks in the same order: the order is what carries the state. */
  @Override
  public Iterable<Batch> epoch(int epoch) {
    return this;
  }

  /** Chunk {@code index}: features and labels {@code [B, L]} int64, as the class comment defines. */
  public Batch chunk(int index) {
    if (index < 0 || index >= chunkCount()) {
      throw new IndexOutOfBoundsException("TokenStreams: chunk " + index + " is outside [0, " + chunkCount() + ")");
    }
    long[] features = new long[streamCount * chunkLength];
    long[] labels = new long[features.length];
    for (int b = 0; b < streamCount; b++) {
      int start = b * streamLength + index * chunkLength;
      for (int t = 0; t < chunkLength; t++) {
        features[b * chunkLength + t] = ids[start + t];
        labels[b * chunkLength + t] = ids[start + t + 1];
      }
    }
    return new Batch(NDArray.wrap(features, streamCount, chunkLength), NDArray.wrap(labels, streamCount, chunkLength));
  }

  /** The chunks in order, 0 to {@link #chunkCount()} − 1. */
  @Override
  public Iterator<Batch> iterator() {
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < chunkCount();
      }

      @Override
      public Batch next() {
        if (!hasNext()) {
          throw new NoSuchElementException("TokenStreams: all " + chunkCount() + " chunks were read");
        }
        return chunk(next++);
      }
    };
  }

  @Override
  public String toString() {
    return "TokenStreams(" + streamCount + " streams of " + streamLength + " tokens, " + chunkCount() + " chunks of " + chunkLength + ")";
  }
}
