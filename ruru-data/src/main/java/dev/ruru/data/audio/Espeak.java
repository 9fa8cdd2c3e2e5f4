package dev.ruru.data.audio;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code espeak-ng} speech synthesiser, run as a program: it speaks a text in a voice, at a pitch and
 * speed, into a WAV file (22050 Hz mono 16-bit PCM). It is deterministic: the same arguments give the same
 * samples, which is what makes a corpus built with it reproducible. Debian packages it as
 * {@code espeak-ng}; when it is missing, {@link #find()} says how to install it.
 *
 * <pre>{@code
 * Waveform seven = Espeak.find().speak(new EspeakVoice("en-us+f2", 60, 150), "seven");
 * }</pre>
 */
public final class Espeak {
  /** The command that installs espeak-ng on Debian and Ubuntu. */
  public static final String INSTALL = "apt-get install -y espeak-ng";

  private final Path executable;

  private Espeak(Path executable) {
    this.executable = executable;
  }

  /** {@code espeak-ng} found on the {@code PATH}, or {@link EspeakMissingException} with the install command. */
  public static Espeak find() {
    return locate(System.getenv("PATH")).orElseThrow(() -> new EspeakMissingException("espeak-ng (on the PATH)"));
  }

  /** The program at {@code executable}, or {@link EspeakMissingException} when it is not an executable file. */
  public static Espeak at(Path executable) {
    if (!Files.isRegularFile(executable) || !Files.isExecutable(executable)) {
      throw new EspeakMissingException(executable.toString());
    }
    return new Espeak(executable);
  }

  static Optional<Espeak> locate(String path) {
    if (path == null) {
      return Optional.empty();
    }
    for (String directory : path.split(File.pathSeparator)) {
      Path candidate = Path.of(directory.isEmpty() ? "." : directory, "espeak-ng");
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(new Espeak(candidate));
      }
    }
    return Optional.empty();
  }

  /** The program this runs. */
  public Path executable() {
    return executable;
  }

  /** {@code text} spoken by {@code voice}, as espeak-ng writes it (22050 Hz mono). */
  public Waveform speak(EspeakVoice voice, String text) throws IOException {
    Path file = Files.createTempFile("ruru-espeak-", ".wav");
    try {
      List<String> command = new ArrayList<>(List.of(executable.toString(), "-v", voice.name(),
          "-p", Integer.toString(voice.pitch()), "-s", Integer.toString(voice.speed()), "-w", file.toString(), "--", text));
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      int status = waitFor(process);
      if (status != 0 || Files.size(file) == 0) {
        throw new IOException("espeak-ng: speaking '" + text + "' in " + voice + " failed with exit status " + status
            + (output.isEmpty() ? "" : ": " + output) + " (list the voices with: espeak-ng --voices=en)");
      }
      return WavFile.read(file);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static int waitFor(Process process) throws IOException {
    try {
      return process.waitFor();
    } catch (InterruptedException e) {
      process.destroy();
      Thread.currentThread().interrupt();
      throw new IOException("espeak-ng: interrupted", e);
    }
  }
}
