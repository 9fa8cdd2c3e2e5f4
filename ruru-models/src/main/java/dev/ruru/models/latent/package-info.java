/**
 * Latent spaces, the course's autoencoders and variational autoencoders on images: a
 * {@link dev.ruru.models.latent.LatentSpec} (autoencoder, conv-autoencoder, vae or conv-vae, with its code
 * size) builds a {@link dev.ruru.models.latent.LatentModel} (encoder, code, decoder); the
 * {@link dev.ruru.models.latent.Reconstruction} objective trains autoencoders (denoising with a
 * {@link dev.ruru.models.latent.Corruption}, sparse with an L1 penalty on the code) and the
 * {@link dev.ruru.models.latent.Elbo} objective trains VAEs (reparameterisation, analytic KL, β,
 * importance-weighted log-likelihood), both through the one {@link dev.ruru.train.Trainer}.
 * {@link dev.ruru.models.latent.LatentRun} is a whole run ({@code ruru train --model vae}) from its
 * {@link dev.ruru.models.latent.LatentSettings}, {@link dev.ruru.models.latent.LatentModelFiles} saves and
 * loads the model, and {@link dev.ruru.models.latent.LatentPictures} draws what it learned.
 */
package dev.ruru.models.latent;
