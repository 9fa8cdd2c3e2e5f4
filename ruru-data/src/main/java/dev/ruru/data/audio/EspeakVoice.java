package dev.ruru.data.audio;

/**
 * One way espeak-ng can speak: a voice name ({@code en-us}, or an accent plus a variant such as
 * {@code en-gb-scotland+f3}), a pitch (0 to 99, 50 is the voice's own) and a speed in words per minute
 * (80 to 450; 175 is espeak-ng's default).
 */
public record EspeakVoice(String name, int pitch, int speed) {
  public EspeakVoice {
    if (name == null || name.isBlank() || !name.matches("[A-Za-z0-9+_-]+")) {
      throw new IllegalArgumentException("EspeakVoice: invalid voice name '" + name
          + "'; expected letters, digits, '-', '_' and '+', e.g. en-us+f2");
    }
    if (pitch < 0 || pitch > 99) {
      throw new IllegalArgumentException("EspeakVoice: pitch must be in [0, 99]; got " + pitch);
    }
    if (speed < 80 || speed > 450) {
      throw new IllegalArgumentException("EspeakVoice: speed must be in [80, 450] words per minute; got " + speed);
    }
  }

  @Override
  public String toString() {
    return name + " (pitch " + pitch + ", " + speed + " wpm)";
  }
}
