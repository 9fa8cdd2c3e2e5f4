/**
 * Moving images: video clips made on the fly from a still image set, for next-frame prediction.
 * {@link dev.ruru.data.video.MovingImages} follows Srivastava et al. (2015)'s Moving MNIST recipe (items
 * bouncing in a larger frame, overlaps combined by the maximum), with any IDX image set as the items:
 * Moving Fashion-MNIST from Debian's {@code dataset-fashion-mnist}. Every clip is a function of the seed
 * and its index, so nothing is stored and every run sees the same clips.
 */
package dev.ruru.data.video;
