/**
 * Data augmentation and normalisation of image batches, applied by a {@link dev.ruru.data.DataLoader}
 * on its own thread through {@code withTransform}: random crops of a padded image, random shifts,
 * random horizontal flips, and per-channel standardisation. Images are [N, C, H, W] or [N, H, W]; the
 * random transforms draw from a generator seeded at construction, so the same seed gives the same
 * sequence of augmented batches.
 */
package dev.ruru.data.transform;
