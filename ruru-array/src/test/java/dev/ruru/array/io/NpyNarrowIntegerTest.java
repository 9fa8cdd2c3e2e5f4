package dev.ruru.array.io;

import static dev.ruru.array.io.NumpyFixtures.path;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ruru.array.DType;
import dev.ruru.array.NDArray;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The 8- and 16-bit integers NumPy writes (make_narrow_fixtures.py), read widened to int32 with every value kept. */
class NpyNarrowIntegerTest {
  private static NDArray ints(int... values) {
    return NDArray.of(values, 2, 3);
  }

  @Test void readsRawPixelsAndSignedBytes() throws IOException {
    NDArray pixels = Npy.read(path("narrow_u1_c.npy"));
    assertEquals(DType.INT32, pixels.dtype());
    assertEquals(ints(0, 1, 127, 128, 254, 255), pixels);
    assertEquals(ints(-128, -1, 0, 1, 100, 127), Npy.read(path("narrow_i1_c.npy")));
    assertEquals(ints(0, 1, 127, 128, 254, 255), Npy.read(path("narrow_u1_f.npy")));
  }

  @Test void readsSixteenBitIntegersInEitherByteOrder() throws IOException {
    assertEquals(ints(0, 1, 255, 256, 40000, 65535), Npy.read(path("narrow_u2_c.npy")));
    assertEquals(ints(0, 1, 255, 256, 40000, 65535), Npy.read(path("narrow_u2_big_endian.npy")));
    assertEquals(ints(-32768, -1, 0, 1, 300, 32767), Npy.read(path("narrow_i2_c.npy")));
  }

  @Test void theHeaderNamesTheStoredTypeAndItsSize() throws IOException {
    NpyHeader header = Npy.readHeader(path("narrow_u2_big_endian.npy"));
    assertEquals(">u2", header.descr());
    assertEquals(12, header.dataBytes());
    assertEquals("|u1", Npy.readHeader(path("narrow_u1_c.npy")).descr());
  }

  @Test void readsFromStreamsAndArchivesToo() throws IOException {
    byte[] file = Files.readAllBytes(path("narrow_u1_c.npy"));
    NDArray fromStream = Npy.read(new java.io.ByteArrayInputStream(file), file.length);
    assertEquals(ints(0, 1, 127, 128, 254, 255), fromStream);
    byte[] signed = Files.readAllBytes(path("narrow_i2_c.npy"));
    // The path an .npz entry takes: storage grows as the data arrives.
    NDArray inflating = Npy.readInflating(new java.io.ByteArrayInputStream(signed), signed.length, "narrow_i2_c.npy");
    assertEquals(ints(-32768, -1, 0, 1, 300, 32767), inflating);
  }
}
