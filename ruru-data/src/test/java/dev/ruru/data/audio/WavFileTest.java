package dev.ruru.data.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ruru.array.NDArray;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 16-bit PCM WAV in and out, checked against the JDK's own reader, and every malformed-file error. */
class WavFileTest {
  @TempDir
  Path folder;

  private static Waveform stereo(int rate, int frames) {
    float[] values = new float[2 * frames];
    for (int i = 0; i < frames; i++) {
      values[i] = (float) Math.sin(2 * Math.PI * 440 * i / rate) * 0.5f;
      values[frames + i] = (i % 7 - 3) / 4f;
    }
    return new Waveform(rate, NDArray.of(values, 2, frames));
  }

  @Test
  void stereoRoundTripsExactlyAndTheJdkReadsTheSameSamples() throws Exception {
    Waveform sound = stereo(44100, 300);
    Path file = folder.resolve("stereo.wav");
    WavFile.write(file, sound);
    Waveform back = WavFile.read(file);
    assertEquals(44100, back.sampleRate());
    assertEquals(2, back.channels());
    assertEquals(300, back.frames());
    // Writing rounds to the nearest 1/32768, so a second round trip is exact.
    WavFile.write(file, back);
    assertArrayEquals(back.samples().toFloatArray(), WavFile.read(file).samples().toFloatArray());
    assertTrue(back.samples().allClose(sound.samples(), 0, 1.0 / 32768));

    try (AudioInputStream jdk = AudioSystem.getAudioInputStream(file.toFile())) {
      AudioFormat format = jdk.getFormat();
      assertEquals(AudioFormat.Encoding.PCM_SIGNED, format.getEncoding());
      assertEquals(2, format.getChannels());
      assertEquals(44100f, format.getSampleRate());
      assertEquals(16, format.getSampleSizeInBits());
      ByteBuffer pcm = ByteBuffer.wrap(jdk.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
      assertEquals(Math.round(back.channel(1)[5] * 32768), pcm.getShort(4 * 5 + 2));
      assertEquals(Math.round(back.channel(0)[17] * 32768), pcm.getShort(4 * 17));
    }
  }

  @Test
  void readsWhatTheJdkWritesMonoAtAnOddRateAndSkipsUnknownChunks() throws Exception {
    short[] pcm = {0, 1000, -1000, 32767, -32768, 5};
    ByteBuffer bytes = ByteBuffer.allocate(pcm.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    for (short s : pcm) {
      bytes.putShort(s);
    }
    AudioFormat format = new AudioFormat(11025, 16, 1, true, false);
    Path file = folder.resolve("jdk.wav");
    try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(bytes.array()), format, pcm.length)) {
      AudioSystem.write(in, javax.sound.sampled.AudioFileFormat.Type.WAVE, file.toFile());
    }
    Waveform sound = WavFile.read(file);
    assertEquals(11025, sound.sampleRate());
    assertArrayEquals(new float[] {0, 1000 / 32768f, -1000 / 32768f, 32767 / 32768f, -1, 5 / 32768f}, sound.channel(0));

    byte[] withList = insertChunk(Files.readAllBytes(file), "LIST", new byte[] {1, 2, 3});
    assertArrayEquals(sound.channel(0), WavFile.read(withList, "list.wav").channel(0));
  }

  @Test
  void clipsSamplesOutsideTheUnitRange() {
    byte[] bytes = WavFile.encode(Waveform.mono(8000, new float[] {2f, -3f, 0.5f}));
    assertArrayEquals(new float[] {32767 / 32768f, -1f, 0.5f}, WavFile.read(bytes, "clip.wav").channel(0));
  }

  @Test
  void refusesFilesThatAreNotPcm() {
    byte[] bytes = mono();
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putShort(20, (short) 3);
    WavFormatException e = assertThrows(WavFormatException.class, () -> WavFile.read(bytes, "float.wav"));
    assertEquals("wav: float.wav: not PCM: format tag 3 (IEEE float); only 16-bit integer PCM is read"
        + " (convert with: sox in.wav -b 16 -e signed-integer out.wav)", e.getMessage());

    byte[] eightBit = mono();
    ByteBuffer.wrap(eightBit).order(ByteOrder.LITTLE_ENDIAN).putShort(34, (short) 8);
    assertTrue(assertThrows(WavFormatException.class, () -> WavFile.read(eightBit, "u8.wav")).getMessage()
        .contains("PCM with 8-bit samples; only 16-bit PCM is read"));

    byte[] text = "hello, this is not a wav file".getBytes();
    assertEquals("wav: notes.txt: not a WAV file: expected 'RIFF....WAVE' in the first 12 bytes, found 'hello, this ' (29 bytes in all)",
        assertThrows(WavFormatException.class, () -> WavFile.read(text, "notes.txt")).getMessage());
  }

  @Test
  void refusesTruncatedFilesAndSizesPastTheEnd() {
    byte[] whole = mono();
    byte[] cut = Arrays.copyOf(whole, whole.length - 3);
    assertEquals("wav: cut.wav: the RIFF header declares " + (whole.length - 8) + " bytes after it, but the file has only "
        + (cut.length - 8) + " (truncated, or written as a stream whose sizes were never filled in)",
        assertThrows(WavFormatException.class, () -> WavFile.read(cut, "cut.wav")).getMessage());

    // A data chunk claiming 2 GiB in a small file: an error, and no 2 GiB array.
    byte[] huge = mono();
    ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putInt(40, 0x7FFFF000);
    assertEquals("wav: huge.wav: chunk 'data' at byte 36 declares 2147479552 bytes, but only 6 follow (truncated file or corrupt header)",
        assertThrows(WavFormatException.class, () -> WavFile.read(huge, "huge.wav")).getMessage());

    byte[] odd = mono();
    ByteBuffer.wrap(odd).order(ByteOrder.LITTLE_ENDIAN).putInt(40, 5);
    assertTrue(assertThrows(WavFormatException.class, () -> WavFile.read(odd, "odd.wav")).getMessage()
        .contains("the 'data' chunk has 5 bytes, not a whole number of 2-byte frames"));

    byte[] header = Arrays.copyOf(whole, 12);
    ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 4);
    assertEquals("wav: header.wav: no 'fmt ' chunk (truncated file?)",
        assertThrows(WavFormatException.class, () -> WavFile.read(header, "header.wav")).getMessage());
  }

  @Test
  void refusesASampleRateOfZeroAndAMismatchedBlockAlign() {
    byte[] zero = mono();
    ByteBuffer.wrap(zero).order(ByteOrder.LITTLE_ENDIAN).putInt(24, 0);
    assertEquals("wav: zero.wav: invalid format: 1 channels at a sample rate of 0 Hz (both must be > 0)",
        assertThrows(WavFormatException.class, () -> WavFile.read(zero, "zero.wav")).getMessage());

    byte[] align = mono();
    ByteBuffer.wrap(align).order(ByteOrder.LITTLE_ENDIAN).putShort(32, (short) 4);
    assertTrue(assertThrows(WavFormatException.class, () -> WavFile.read(align, "align.wav")).getMessage()
        .contains("block align is 4 bytes, but 1 channels of 16-bit samples take 2"));
    assertThrows(IllegalArgumentException.class, () -> Waveform.mono(0, new float[1]));
  }

  /** A valid 3-sample mono file: 44 header bytes (fmt at 12, data header at 36), then 6 data bytes. */
  private static byte[] mono() {
    return WavFile.encode(Waveform.mono(16000, new float[] {0.25f, -0.5f, 0}));
  }

  private static byte[] insertChunk(byte[] wav, String id, byte[] body) {
    int padded = body.length + (body.length & 1);
    ByteBuffer out = ByteBuffer.allocate(wav.length + 8 + padded).order(ByteOrder.LITTLE_ENDIAN);
    out.put(wav, 0, 12).put(id.getBytes()).putInt(body.length).put(body).put(new byte[padded - body.length]);
    out.put(wav, 12, wav.length - 12);
    out.putInt(4, out.capacity() - 8);
    return out.array();
  }
}
