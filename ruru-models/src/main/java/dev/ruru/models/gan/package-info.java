/**
 * Generative adversarial networks (Goodfellow et al. 2014) in the DCGAN style (Radford et al. 2016) for
 * 28×28 greyscale images: {@link dev.ruru.models.gan.GanSpec} builds the generator (transposed
 * convolutions, batch normalisation, ReLU, Tanh) and the discriminator (strided convolutions, LeakyReLU),
 * optionally conditioned on the class; {@link dev.ruru.models.gan.AdversarialObjective} is the
 * non-saturating loss as an objective of two phases (the discriminator's step, then the generator's, each
 * with its own Adam) that the one {@code Trainer} runs; {@link dev.ruru.models.gan.SampleGrids} draws a grid
 * of samples after every epoch and an animated GIF of them; {@link dev.ruru.models.gan.GanRun} is
 * {@code ruru train --model gan} and {@link dev.ruru.models.gan.GanFiles} the saved generator that
 * {@code ruru generate} samples from.
 */
package dev.ruru.models.gan;
