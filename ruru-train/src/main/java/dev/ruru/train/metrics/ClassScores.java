package dev.ruru.train.metrics;

/**
 * How well one class is recognised.
 *
 * @param label the class index
 * @param name its name
 * @param precision TP / (TP + FP): of the examples predicted as this class, the share that are; 0 when
 *     none was predicted (scikit-learn's zero_division=0)
 * @param recall TP / (TP + FN): of the examples of this class, the share found; 0 when there are none
 * @param f1 the harmonic mean 2·P·R / (P + R); 0 when P + R = 0
 * @param support the number of examples of this class
 */
public record ClassScores(int label, String name, double precision, double recall, double f1, long support) {}
