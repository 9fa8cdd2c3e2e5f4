/**
 * How good generated images are, without downloads: no Inception network exists here, so a Ruru CNN
 * classifier trained on the same data stands in for it ({@link dev.ruru.models.quality.FeatureClassifier}).
 * The classifier-Fréchet distance ({@link dev.ruru.models.quality.FrechetDistance}, Heusel et al. 2017's FID
 * with that network's penultimate layer) compares the Gaussian statistics of generated and real features;
 * the classifier score ({@link dev.ruru.models.quality.ClassifierScore}, Salimans et al. 2016's inception
 * score) rewards samples that are each clearly one class and together all classes.
 * {@link dev.ruru.models.quality.SampleQuality} measures both, with the floor real training images reach
 * against real test images.
 */
package dev.ruru.models.quality;
