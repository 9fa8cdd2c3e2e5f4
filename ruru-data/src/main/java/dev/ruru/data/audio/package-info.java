/**
 * Sound as data: {@link dev.ruru.data.audio.Waveform} (samples {@code [channels, frames]} in [-1, 1] at a
 * sample rate), 16-bit PCM WAV files in and out ({@link dev.ruru.data.audio.WavFile}, with precise errors
 * for malformed files), polyphase resampling ({@link dev.ruru.data.audio.Resampler}, SciPy's
 * {@code resample_poly}), and the spoken-digit corpus that espeak-ng speaks on this machine
 * ({@link dev.ruru.data.audio.SpokenDigits} builds it, split by voice;
 * {@link dev.ruru.data.audio.SpokenDigitsCorpus} reads it into arrays).
 */
package dev.ruru.data.audio;
