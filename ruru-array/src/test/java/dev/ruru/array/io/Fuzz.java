package dev.ruru.array.io;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * A seeded mutation fuzzer for the file parsers: each input is a small valid file with one to three
 * mutations (bit flips, bytes set to boundary values at header positions, truncation, extension, 32- and
 * 64-bit size fields set to huge values, a range duplicated or removed, a digit or delimiter inserted in
 * text), and each must either parse to a well-formed result or fail with the parser's documented exception
 * whose message names the file. Anything else (an OutOfMemoryError, an ArrayIndexOutOfBounds, a
 * NullPointerException, the wrong exception type, a message without the file, an allocation beyond the
 * budget) is a crash, grouped by class. Input {@code i} depends only on the seed and {@code i}, so a crash
 * is reproduced by its index. (Copied in each module's test tree: the modules share no test code.)
 */
public final class Fuzz {
  /** Parses one input, returning what it read for the well-formedness check. */
  @FunctionalInterface
  public interface Parse {
    Object parse(byte[] input) throws Exception;
  }

  /** Checks a parsed result, throwing an AssertionError when it is malformed. */
  @FunctionalInterface
  public interface Check {
    void check(Object result) throws Exception;
  }

  /**
   * How a run went: inputs parsed, refused as documented, and crashed, with one example per crash class; the
   * most bytes one parse allocated, and the run's CPU time.
   */
  public record Report(String format, int parsed, int refused, int crashed, Map<String, String> crashes, long maxAllocated, long cpuMillis) {
    @Override
    public String toString() {
      return format + ": " + (parsed + refused + crashed) + " inputs, " + parsed + " parsed, " + refused + " refused, " + crashed
          + " crashed, at most " + maxAllocated / 1024 + " KiB allocated by one parse, " + cpuMillis + " ms of CPU"
          + (crashes.isEmpty() ? "" : "; crashes " + crashes);
    }
  }

  private static final long[] HUGE = {0xFFFFFFFFL, 0x7FFFFFFFL, 0x80000000L, 0x7FFFFFF8L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, 1L << 32};
  private static final byte[] BOUNDARY = {0, 1, 2, 0x7F, (byte) 0x80, (byte) 0xFF, (byte) 0xFE, '0', '9', ' '};
  private static final String[] TEXT = {"0", "9", "-", "-1", ",", "[", "]", "{", "}", "(", ")", "\"", "'", ":", "\n", "\r",
      "\u0663", "\\ud800", "99999999999999999999", "1e309", "\\", "\\u", "\ud83d\ude00", "\t", ";", "e", "."};

  private final String format;
  private final List<byte[]> corpus;
  private final int headerBytes;
  private final long seed;

  /**
   * @param format what the inputs are, for messages
   * @param corpus valid files to mutate
   * @param headerBytes how many leading bytes hold headers and size fields: most mutations aim there
   * @param seed the run's seed
   */
  public Fuzz(String format, List<byte[]> corpus, int headerBytes, long seed) {
    this.format = format;
    this.corpus = List.copyOf(corpus);
    this.headerBytes = headerBytes;
    this.seed = seed;
  }

  /** Input {@code index}: a corpus file with one to three mutations. */
  public byte[] input(int index) {
    SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
    byte[] bytes = corpus.get(random.nextInt(corpus.size())).clone();
    int mutations = 1 + random.nextInt(3);
    for (int i = 0; i < mutations; i++) {
      bytes = mutate(bytes, random);
    }
    return bytes;
  }

  private byte[] mutate(byte[] bytes, SplittableRandom random) {
    if (bytes.length == 0) {
      return new byte[] {(byte) random.nextInt(256)};
    }
    int at = position(bytes, random);
    return switch (random.nextInt(9)) {
      case 0 -> flip(bytes, random);
      case 1 -> set(bytes, at, BOUNDARY[random.nextInt(BOUNDARY.length)]);
      case 2 -> Arrays.copyOf(bytes, random.nextInt(bytes.length));
      case 3 -> insert(bytes, bytes.length, randomBytes(1 + random.nextInt(64), random));
      case 4 -> sizeField(bytes, at, HUGE[random.nextInt(HUGE.length)], random);
      case 5 -> insert(bytes, at, Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + 1 + random.nextInt(bytes.length))));
      case 6 -> remove(bytes, at, 1 + random.nextInt(Math.max(1, bytes.length - at)));
      case 7 -> insert(bytes, at, TEXT[random.nextInt(TEXT.length)].getBytes(StandardCharsets.UTF_8));
      default -> insert(bytes, bytes.length, bytes);
    };
  }

  /** A position, three times in four among the header bytes. */
  private int position(byte[] bytes, SplittableRandom random) {
    int range = random.nextInt(4) < 3 ? Math.min(headerBytes, bytes.length) : bytes.length;
    return random.nextInt(range);
  }

  private static byte[] flip(byte[] bytes, SplittableRandom random) {
    for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
      bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
    }
    return bytes;
  }

  private static byte[] set(byte[] bytes, int at, byte value) {
    bytes[at] = value;
    return bytes;
  }

  /** A 4- or 8-byte field at {@code at}, little- or big-endian. */
  private static byte[] sizeField(byte[] bytes, int at, long value, SplittableRandom random) {
    int width = random.nextBoolean() ? 4 : 8;
    boolean little = random.nextBoolean();
    for (int i = 0; i < width && at + i < bytes.length; i++) {
      int shift = 8 * (little ? i : width - 1 - i);
      bytes[at + i] = (byte) (value >>> shift);
    }
    return bytes;
  }

  private static byte[] insert(byte[] bytes, int at, byte[] inserted) {
    byte[] out = new byte[bytes.length + inserted.length];
    System.arraycopy(bytes, 0, out, 0, at);
    System.arraycopy(inserted, 0, out, at, inserted.length);
    System.arraycopy(bytes, at, out, at + inserted.length, bytes.length - at);
    return out;
  }

  private static byte[] remove(byte[] bytes, int at, int count) {
    int n = Math.min(count, bytes.length - at);
    byte[] out = new byte[bytes.length - n];
    System.arraycopy(bytes, 0, out, 0, at);
    System.arraycopy(bytes, at + n, out, at, bytes.length - at - n);
    return out;
  }

  private static byte[] randomBytes(int count, SplittableRandom random) {
    byte[] out = new byte[count];
    for (int i = 0; i < count; i++) {
      out[i] = (byte) random.nextInt(256);
    }
    return out;
  }

  /**
   * Runs {@code count} inputs through {@code parse}. A result must pass {@code check}; an exception must
   * satisfy {@code documented} and name {@code source} in its message; no parse may allocate more than
   * {@code allocationBudget} bytes plus 64 per input byte (measured per thread, after a warm-up run over the
   * corpus).
   */
  public Report run(int count, Parse parse, Check check, Predicate<Throwable> documented, String source, long allocationBudget) {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    warmUp(parse, check);
    Map<String, String> crashes = new LinkedHashMap<>();
    int parsed = 0;
    int refused = 0;
    long maxAllocated = 0;
    for (int i = 0; i < count; i++) {
      byte[] input = input(i);
      long before = threads.getCurrentThreadAllocatedBytes();
      String crash = null;
      String example = null;
      boolean ok = false;
      try {
        check.check(parse.parse(input));
        ok = true;
      } catch (Throwable error) {
        if (!documented.test(error) || error.getMessage() == null || !error.getMessage().contains(source)) {
          crash = error.getClass().getName() + (documented.test(error) ? " (message without the file)" : "");
          example = error.toString();
        }
      }
      long allocated = threads.getCurrentThreadAllocatedBytes() - before;
      maxAllocated = Math.max(maxAllocated, allocated);
      if (crash == null && allocated > allocationBudget + 64L * input.length) {
        crash = "allocation beyond budget";
        example = "allocated " + allocated + " bytes";
      }
      if (crash != null) {
        crashes.putIfAbsent(crash, "input " + i + " (" + input.length + " bytes): " + example);
      } else if (ok) {
        parsed++;
      } else {
        refused++;
      }
    }
    long cpuMillis = (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
    return new Report(format, parsed, refused, count - parsed - refused, crashes, maxAllocated, cpuMillis);
  }

  /** Parses the valid files first: it loads the parsers' classes, whose one-time allocations are no parse's. */
  private void warmUp(Parse parse, Check check) {
    for (byte[] valid : corpus) {
      try {
        check.check(parse.parse(valid));
      } catch (Throwable ignored) {
        // A corpus file the parser refuses (object.npy) is fine: its mutations are still inputs.
      }
    }
  }

  /**
   * Writes {@code bytes} over {@code file} in place. Files.write truncates to zero first, which makes ext4
   * (auto_da_alloc) flush the file on close: 2 to 4 ms a write instead of 40 µs.
   */
  public static void overwrite(Path file, byte[] bytes) throws IOException {
    try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
      out.write(bytes);
      out.setLength(bytes.length);
    }
  }
}
