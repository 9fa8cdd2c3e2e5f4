/**
 * What one training step optimises. An {@link dev.ruru.train.objective.Objective} owns its models and
 * optimisers and, given a batch, computes a loss tensor and named metrics for each of its
 * {@link dev.ruru.train.objective.Phase phases} (a GAN has two: the discriminator's, then the
 * generator's); {@link dev.ruru.train.Trainer} runs any objective with one loop. {@link
 * dev.ruru.train.objective.Supervised} is a model and a loss against labels (classification, regression);
 * the model families add their own (language modelling, reconstruction, the ELBO, adversarial training).
 */
package dev.ruru.train.objective;
