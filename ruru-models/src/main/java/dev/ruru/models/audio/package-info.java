/**
 * Audio model families: the spoken-digit classifier ({@code ruru train --model audio-cnn}), a CNN over
 * log-mel spectrograms ({@link dev.ruru.models.audio.AudioFeatures}) trained by the one Trainer in
 * {@link dev.ruru.models.audio.AudioRun} on the corpus espeak-ng speaks
 * ({@link dev.ruru.data.audio.SpokenDigits}), scored on voices never heard in training.
 */
package dev.ruru.models.audio;
