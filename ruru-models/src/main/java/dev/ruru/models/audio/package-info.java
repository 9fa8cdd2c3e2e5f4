/**
 * Audio model families: the spoken-digit classifiers, a CNN over log-mel spectrograms
 * ({@code ruru train --model audio-cnn}, {@link dev.ruru.models.audio.AudioFeatures}) and a 1-D CNN over
 * the raw samples ({@code --model audio-cnn1d}, {@link dev.ruru.models.audio.WaveformCnn}), trained by the one Trainer in
 * {@link dev.ruru.models.audio.AudioRun} on the corpus espeak-ng speaks
 * ({@link dev.ruru.data.audio.SpokenDigits}), scored on voices never heard in training.
 */
package dev.ruru.models.audio;
