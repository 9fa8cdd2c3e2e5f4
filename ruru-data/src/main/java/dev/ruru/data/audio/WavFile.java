package dev.ruru.data.audio;

import dev.ruru.array.NDArray;
import dev.ruru.array.io.AtomicFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes WAV files of 16-bit PCM samples, mono or stereo (or more channels), at any sample rate.
 * The RIFF chunks are parsed here rather than by {@code javax.sound.sampled}, so that every malformed file
 * gets a precise error ({@link WavFormatException}) and nothing is allocated beyond the file's own size: a
 * chunk size is checked against the bytes that follow before it is trusted. Chunks other than
 * {@code fmt } and {@code data} (LIST, fact, cue) are skipped. {@code WAVE_FORMAT_EXTENSIBLE} files whose
 * sub-format is PCM are read as PCM.
 *
 * <p>Samples map to [-1, 1] by dividing by 32768; writing multiplies by 32768, rounds and clips to
 * [-32768, 32767], so a file read and written again is byte-identical in its samples. Files are written
 * atomically (a temporary file renamed into place).
 *
 * <pre>{@code
 * Waveform sound = WavFile.read(Path.of("seven.wav"));
 * WavFile.write(Path.of("copy.wav"), sound);
 * }</pre>
 */
public final class WavFile {
  private static final int PCM = 1;
  private static final int EXTENSIBLE = 0xFFFE;
  private static final int BITS = 16;

  private WavFile() {}

  /** Reads {@code file}; throws {@link WavFormatException} naming the file and what is wrong with it. */
  public static Waveform read(Path file) throws IOException {
    long size = Files.size(file);
    String source = String.valueOf(file.getFileName());
    if (size > Integer.MAX_VALUE - 8) {
      throw new WavFormatException(source, "file of " + size + " bytes is larger than a WAV file can be (4 GiB RIFF limit, 2 GiB here)");
    }
    return read(Files.readAllBytes(file), source);
  }

  /** Reads a whole WAV file held in {@code bytes}; {@code source} names it in errors. */
  public static Waveform read(byte[] bytes, String source) {
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (bytes.length < 12 || buffer.getInt(0) != 0x46464952 || buffer.getInt(8) != 0x45564157) {
      throw new WavFormatException(source, "not a WAV file: expected 'RIFF....WAVE' in the first 12 bytes, found "
          + printable(bytes, 12) + " (" + bytes.length + " bytes in all)");
    }
    long riffSize = Integer.toUnsignedLong(buffer.getInt(4));
    if (riffSize > bytes.length - 8L) {
      throw new WavFormatException(source, "the RIFF header declares " + riffSize + " bytes after it, but the file has only "
          + (bytes.length - 8) + " (truncated, or written as a stream whose sizes were never filled in)");
    }
    Format format = null;
    int position = 12;
    int end = (int) (8 + riffSize);
    while (position + 8 <= end) {
      String id = new String(bytes, position, 4, java.nio.charset.StandardCharsets.ISO_8859_1);
      long chunkSize = Integer.toUnsignedLong(buffer.getInt(position + 4));
      int body = position + 8;
      if (chunkSize > end - body) {
        throw new WavFormatException(source, "chunk '" + id + "' at byte " + position + " declares " + chunkSize
            + " bytes, but only " + (end - body) + " follow (truncated file or corrupt header)");
      }
      if (id.equals("fmt ")) {
        format = Format.parse(buffer, body, (int) chunkSize, source);
      } else if (id.equals("data")) {
        if (format == null) {
          throw new WavFormatException(source, "the 'data' chunk comes before any 'fmt ' chunk; the sample format is unknown");
        }
        return new Waveform(format.sampleRate(), samples(buffer, body, (int) chunkSize, format, source));
      }
      // RIFF pads every chunk to an even length.
      position = (int) Math.min(end, body + chunkSize + (chunkSize & 1));
    }
    throw new WavFormatException(source, format == null ? "no 'fmt ' chunk (truncated file?)" : "no 'data' chunk (truncated file?)");
  }

  /** The sample layout a {@code fmt } chunk declares. */
  private record Format(int channels, int sampleRate) {
    static Format parse(ByteBuffer buffer, int body, int size, String source) {
      if (size < 16) {
        throw new WavFormatException(source, "the 'fmt ' chunk has " + size + " bytes; at least 16 are needed");
      }
      int tag = Short.toUnsignedInt(buffer.getShort(body));
      if (tag == EXTENSIBLE && size >= 26) {
        // WAVE_FORMAT_EXTENSIBLE: the real format tag is the first two bytes of the sub-format GUID.
        tag = Short.toUnsignedInt(buffer.getShort(body + 24));
      }
      int channels = Short.toUnsignedInt(buffer.getShort(body + 2));
      long sampleRate = Integer.toUnsignedLong(buffer.getInt(body + 4));
      int blockAlign = Short.toUnsignedInt(buffer.getShort(body + 12));
      int bits = Short.toUnsignedInt(buffer.getShort(body + 14));
      if (tag != PCM) {
        throw new WavFormatException(source, "not PCM: format tag " + tag + formatName(tag)
            + "; only 16-bit integer PCM is read (convert with: sox in.wav -b 16 -e signed-integer out.wav)");
      }
      if (bits != BITS) {
        throw new WavFormatException(source, "PCM with " + bits + "-bit samples; only 16-bit PCM is read (convert with: sox in.wav -b 16 out.wav)");
      }
      if (channels == 0 || sampleRate == 0 || sampleRate > Integer.MAX_VALUE) {
        throw new WavFormatException(source, "invalid format: " + channels + " channels at a sample rate of " + sampleRate
            + " Hz (both must be > 0)");
      }
      if (blockAlign != channels * 2) {
        throw new WavFormatException(source, "block align is " + blockAlign + " bytes, but " + channels
            + " channels of 16-bit samples take " + channels * 2);
      }
      return new Format(channels, (int) sampleRate);
    }

    private static String formatName(int tag) {
      return switch (tag) {
        case 3 -> " (IEEE float)";
        case 6 -> " (A-law)";
        case 7 -> " (mu-law)";
        case 2, 17 -> " (ADPCM)";
        case 85 -> " (MP3)";
        default -> "";
      };
    }
  }

  private static NDArray samples(ByteBuffer buffer, int body, int size, Format format, String source) {
    int blockAlign = format.channels() * 2;
    if (size % blockAlign != 0) {
      throw new WavFormatException(source, "the 'data' chunk has " + size + " bytes, not a whole number of "
          + blockAlign + "-byte frames (truncated file?)");
    }
    int frames = size / blockAlign;
    int channels = format.channels();
    float[] values = new float[frames * channels];
    for (int frame = 0; frame < frames; frame++) {
      for (int channel = 0; channel < channels; channel++) {
        // Interleaved on disk, channel-major in the array.
        values[channel * frames + frame] = buffer.getShort(body + 2 * (frame * channels + channel)) / 32768f;
      }
    }
    return NDArray.wrap(values, channels, frames);
  }

  /** Writes {@code sound} to {@code file} as 16-bit PCM, atomically; samples outside [-1, 1] are clipped. */
  public static void write(Path file, Waveform sound) throws IOException {
    byte[] bytes = encode(sound);
    AtomicFile.write(file, out -> out.write(bytes));
  }

  /** The bytes of a 16-bit PCM WAV file holding {@code sound}: a 44-byte header, then interleaved samples. */
  public static byte[] encode(Waveform sound) {
    int channels = sound.channels();
    int frames = sound.frames();
    long dataBytes = 2L * channels * frames;
    if (dataBytes > Integer.MAX_VALUE - 44) {
      throw new IllegalArgumentException("wav: " + channels + " x " + frames + " samples need " + dataBytes
          + " bytes, more than one WAV file holds; split the sound");
    }
    ByteBuffer buffer = ByteBuffer.allocate(44 + (int) dataBytes).order(ByteOrder.LITTLE_ENDIAN);
    buffer.putInt(0x46464952).putInt(36 + (int) dataBytes).putInt(0x45564157);
    buffer.putInt(0x20746d66).putInt(16).putShort((short) PCM).putShort((short) channels);
    buffer.putInt(sound.sampleRate()).putInt(sound.sampleRate() * channels * 2);
    buffer.putShort((short) (channels * 2)).putShort((short) BITS);
    buffer.putInt(0x61746164).putInt((int) dataBytes);
    float[] values = sound.samples().toFloatArray();
    for (int frame = 0; frame < frames; frame++) {
      for (int channel = 0; channel < channels; channel++) {
        long level = Math.round(values[channel * frames + frame] * 32768.0);
        buffer.putShort((short) Math.max(-32768, Math.min(32767, level)));
      }
    }
    return buffer.array();
  }

  private static String printable(byte[] bytes, int count) {
    StringBuilder text = new StringBuilder("'");
    for (int i = 0; i < Math.min(count, bytes.length); i++) {
      int b = bytes[i] & 0xFF;
      text.append(b >= 32 && b < 127 ? Character.toString(b) : ".");
    }
    return text.append("'").toString();
  }
}
