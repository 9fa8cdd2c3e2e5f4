/**
 * Sound as data: {@link dev.ruru.data.audio.Waveform} (samples {@code [channels, frames]} in [-1, 1] at a
 * sample rate), 16-bit PCM WAV files in and out ({@link dev.ruru.data.audio.WavFile}, with precise errors
 * for malformed files), polyphase resampling ({@link dev.ruru.data.audio.Resampler}, SciPy's
 * {@code resample_poly}), spectra ({@link dev.ruru.data.audio.Stft} and its inverse,
 * {@link dev.ruru.data.audio.LogMelSpectrogram}, {@link dev.ruru.data.audio.Mfcc},
 * {@link dev.ruru.data.audio.GriffinLim}), and the spoken-digit corpus that espeak-ng speaks on this machine
 * ({@link dev.ruru.data.audio.SpokenDigits} builds it, split by voice;
 * {@link dev.ruru.data.audio.SpokenDigitsCorpus} reads it into arrays).
 */
package dev.ruru.data.audio;
