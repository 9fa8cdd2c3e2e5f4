/**
 * A user's own table, the course's "types of problems": a CSV file whose columns are numbers or categories,
 * one of them the target, learnt as a classification or a regression by a multi-layer perceptron
 * ({@link dev.ruru.models.table.TableRun}), saved with its column encoding so that predictions on new rows
 * encode them as training did ({@link dev.ruru.models.table.TableModel}).
 */
package dev.ruru.models.table;
