package dev.ruru.data.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import dev.ruru.data.Batch;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TokenStreamsTest {
  @Test
  void chunksHoldConsecutivePiecesOfEachStream() {
    // 23 ids, 2 streams: S = 22 / 2 = 11 tokens each (stream 0 starts at 0, stream 1 at 11); chunks of 4: two, 3 spare.
    int[] ids = IntStream.range(0, 23).toArray();
    TokenStreams streams = new TokenStreams(ids, 2, 4);
    assertEquals(11, streams.streamLength());
    assertEquals(2, streams.chunkCount());
    Batch second = streams.chunk(1);
    assertEquals(NDArray.of(new long[] {4, 5, 6, 7, 15, 16, 17, 18}, 2, 4), second.features());
    assertEquals(NDArray.of(new long[] {5, 6, 7, 8, 16, 17, 18, 19}, 2, 4), second.labels());
    assertEquals(DType.INT64, second.labels().dtype());
  }

  @Test
  void eachRowContinuesWhereItsPreviousChunkEnded() {
    int[] ids = IntStream.range(0, 1000).map(i -> (i * 7919) % 1009).toArray();
    TokenStreams streams = new TokenStreams(ids, 5, 16);
    List<Batch> chunks = new ArrayList<>();
    streams.forEach(chunks::add);
    assertEquals(streams.chunkCount(), chunks.size());
    assertEquals(999 / 5 / 16, chunks.size());
    for (int b = 0; b < 5; b++) {
      // Reading row b through all chunks gives the stream b itself, with labels shifted by one.
      List<Long> row = new ArrayList<>();
      for (int c = 0; c < chunks.size(); c++) {
        for (int t = 0; t < 16; t++) {
          row.add(chunks.get(c).features().getLong(b, t));
          if (c + 1 < chunks.size() && t == 15) {
            assertEquals(chunks.get(c + 1).features().getLong(b, 0), chunks.get(c).labels().getLong(b, 15),
                "the last label of chunk " + c + " is the first feature of chunk " + (c + 1) + " in row " + b);
          }
        }
      }
      int start = b * streams.streamLength();
      for (int t = 0; t < row.size(); t++) {
        assertEquals(ids[start + t], (long) row.get(t), "stream " + b + " position " + t);
      }
    }
  }

  @Test
  void theIteratorEndsAfterTheLastChunk() {
    TokenStreams streams = new TokenStreams(IntStream.range(0, 9).toArray(), 2, 4);
    Iterator<Batch> chunks = streams.iterator();
    chunks.next();
    assertEquals(false, chunks.hasNext());
    assertEquals("TokenStreams: all 1 chunks were read", assertThrows(NoSuchElementException.class, chunks::next).getMessage());
    assertEquals("TokenStreams: chunk 1 is outside [0, 1)", assertThrows(IndexOutOfBoundsException.class, () -> streams.chunk(1)).getMessage());
  }

  @Test
  void tooShortTextsAndBadSizesAreRefused() {
    int[] ids = IntStream.range(0, 64).toArray();
    assertEquals("TokenStreams: text has 64 tokens but 4 streams of one 16-token chunk need 4 × 16 + 1 = 65;"
        + " use fewer streams, shorter chunks or more text", message(() -> new TokenStreams(ids, 4, 16)));
    assertEquals("TokenStreams: stream count (batch size) must be at least 1, got 0", message(() -> new TokenStreams(ids, 0, 16)));
    assertEquals("TokenStreams: chunk length must be at least 1, got -2", message(() -> new TokenStreams(ids, 4, -2)));
  }

  private static String message(org.junit.jupiter.api.function.Executable call) {
    return assertThrows(IllegalArgumentException.class, call).getMessage();
  }
}
