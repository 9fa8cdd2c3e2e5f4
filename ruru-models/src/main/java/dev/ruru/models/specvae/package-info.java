/**
 * The spectrogram generator of spoken digits, the second audio-synthesis family beside WaveNet: a
 * conditional VAE ({@link dev.ruru.models.latent.LatentModel} trained by the
 * {@link dev.ruru.models.latent.Elbo} objective) over each clip's log-mel picture, conditioned on the digit
 * ({@link dev.ruru.models.specvae.SpectrogramVaeRun}, {@code ruru train --model spec-vae}). A generated
 * picture goes back to sound in three steps ({@link dev.ruru.models.specvae.SpectrogramSpeech}): decibels to
 * mel power, the mel filters' pseudo-inverse to a linear power spectrogram, and Griffin-Lim for the phase
 * the picture never held.
 */
package dev.ruru.models.specvae;
