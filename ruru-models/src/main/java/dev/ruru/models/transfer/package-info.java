/**
 * Transfer learning: start from a trained model, adapt it to new classes with few labels. The data side
 * ({@link dev.ruru.models.transfer.ClassSubset}: some classes, relabelled, and N labelled images each),
 * the model side ({@link dev.ruru.models.transfer.FineTuning}: a new head, frozen layers, a slower
 * body), a pretrained model read from a directory ({@link dev.ruru.models.transfer.Pretrained}) and the
 * run behind {@code ruru finetune} ({@link dev.ruru.models.transfer.FineTuneRun}).
 */
package dev.ruru.models.transfer;
