package dev.ruru.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.NDArray;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inputs of ruru predict: missing files and pictures that declare more than they hold are named. */
class InputImagesTest {
  private static final List<Integer> MNIST = List.of(28, 28);

  @TempDir Path dir;

  /** A PNG chunk: length, type, data, CRC-32 of type and data. */
  private static byte[] chunk(String type, byte[] data) {
    ByteBuffer out = ByteBuffer.allocate(12 + data.length);
    out.putInt(data.length).put(type.getBytes(StandardCharsets.US_ASCII)).put(data);
    CRC32 crc = new CRC32();
    crc.update(out.array(), 4, 4 + data.length);
    return out.putInt((int) crc.getValue()).array();
  }

  /** An 8-bit greyscale PNG whose header says {@code width x height} and whose data is {@code rows} (filter byte first). */
  static byte[] png(int width, int height, byte[] rows) {
    Deflater deflater = new Deflater();
    deflater.setInput(rows);
    deflater.finish();
    byte[] compressed = new byte[rows.length + 64];
    int length = deflater.deflate(compressed);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    out.writeBytes(chunk("IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put(new byte[] {8, 0, 0, 0, 0}).array()));
    out.writeBytes(chunk("IDAT", Arrays.copyOf(compressed, length)));
    out.writeBytes(chunk("IEND", new byte[0]));
    return out.toByteArray();
  }

  @Test
  void aMissingInputSaysSo() {
    Path missing = dir.resolve("nonexistent.npy");
    // The JDK's NoSuchFileException says only the path, and ruru predict printed just that.
    NoSuchFileException error = assertThrows(NoSuchFileException.class, () -> InputImages.read(missing, MNIST));
    assertEquals(missing + ": no such file (an input to classify: a .npy array or a picture)", error.getMessage());
    assertEquals(dir + ": is a directory; --input takes .npy arrays or pictures (PNG, JPEG)",
        assertThrows(IllegalArgumentException.class, () -> InputImages.read(dir, MNIST)).getMessage());
  }

  @Test
  void aPictureDeclaringBillionsOfPixelsIsRefusedFromItsHeader() throws IOException {
    // 100 bytes declaring 100000 x 100000 pixels: ImageIO failed with "Caught exception during read: " and nothing else.
    Path bomb = dir.resolve("bomb.png");
    Files.write(bomb, png(100_000, 100_000, new byte[1000]));
    assertEquals(bomb + ": the PNG image declares 100000 x 100000 pixels (10000000000), more than the 67108864 (8192 x 8192)"
        + " read here; scale it down first", assertThrows(IllegalArgumentException.class, () -> InputImages.read(bomb, MNIST)).getMessage());
  }

  @Test
  void aCorruptPictureIsNamedWithTheDecodersReason() throws IOException {
    Path cut = dir.resolve("cut.png");
    byte[] good = png(28, 28, new byte[29 * 28]);
    Files.write(cut, Arrays.copyOf(good, 8 + 25 + 8 + 4));
    String message = assertThrows(IIOException.class, () -> InputImages.read(cut, MNIST)).getMessage();
    assertTrue(message.startsWith(cut + ": cannot decode the PNG image: "), message);
    Path fine = dir.resolve("fine.png");
    Files.write(fine, good);
    NDArray image = InputImages.read(fine, MNIST);
    assertEquals(List.of(1, 28, 28), Arrays.stream(image.shape().dims()).boxed().toList());
  }

  @Test
  void rawUint8PixelsFromNumpyAreScaledToZeroOne() throws IOException {
    // What np.save(path, pixels) writes for a uint8 [28, 28] image: the '|u1' dtype that was refused.
    String header = "{'descr': '|u1', 'fortran_order': False, 'shape': (28, 28), }";
    header += " ".repeat(64 - (10 + header.length() + 1) % 64) + "\n";
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) header.length(), 0});
    file.writeBytes(header.getBytes(StandardCharsets.US_ASCII));
    byte[] pixels = new byte[28 * 28];
    pixels[0] = (byte) 255;
    pixels[1] = (byte) 51;
    file.writeBytes(pixels);
    Path input = dir.resolve("pixels.npy");
    Files.write(input, file.toByteArray());
    NDArray images = InputImages.read(input, MNIST);
    assertEquals(List.of(1, 28, 28), Arrays.stream(images.shape().dims()).boxed().toList());
    assertEquals(1.0, images.getDouble(0, 0, 0), 1e-6);
    assertEquals(0.2, images.getDouble(0, 0, 1), 1e-6);
    assertEquals(0.0, images.getDouble(0, 27, 27));
  }
}
