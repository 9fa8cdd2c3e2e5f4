/**
 * Data-parallel training on Apache Spark: the driver holds the objective and runs the usual
 * {@link dev.ruru.train.Trainer} (epochs, progress, callbacks, checkpoints), and each of its steps is a
 * round on the cluster: the weights are broadcast, every partition trains on its own shard of the data
 * (read by the executor, never through the driver), and the results are summed with
 * {@code treeAggregate}, so no executor talks to another over a channel of ours.
 *
 * <p>With one step per round ({@code syncEvery = 1}) the workers send gradients and the driver's
 * optimiser steps on their example-weighted mean: synchronous SGD, equal to one machine training with the
 * same global batch for every optimiser (to float rounding). With {@code syncEvery = K > 1} each worker
 * runs K local steps with its copy of the optimiser and the driver averages the weights and the optimiser
 * states (local SGD): fewer rounds, at some cost in accuracy.
 */
package dev.ruru.spark;
