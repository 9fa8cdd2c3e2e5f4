/**
 * What every model family's training run shares: the optimiser a user picks by name
 * ({@link dev.ruru.models.run.OptimizerChoice}), the controls around it (learning-rate schedule, early
 * stopping, clipping: {@link dev.ruru.models.run.TrainingControls}), and the run's checkpoint
 * ({@link dev.ruru.models.run.RunCheckpoint}): written after every good epoch, read back to resume with the
 * epochs the run planned, and named in the one line that a diverged run ends with
 * ({@link dev.ruru.models.run.RunDivergedException}). Each family's run ({@code ClassifierRun},
 * {@code LanguageModelRun}) reads top to bottom in its own package and uses these. A run whose steps go
 * to a cluster ({@link dev.ruru.models.run.ClusterTraining}, {@code ruru train --spark}) hands it a
 * {@link dev.ruru.models.run.TrainingRecipe}: the objective every node makes, and the
 * {@link dev.ruru.models.run.ShardedData} each worker reads its own part of
 * ({@link dev.ruru.models.run.MnistShards} for the image families).
 */
package dev.ruru.models.run;
