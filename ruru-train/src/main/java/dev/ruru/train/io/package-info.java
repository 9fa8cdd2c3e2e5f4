/**
 * Files a training run leaves behind, written so that nothing is ever half-written: safetensors weight
 * files ({@link dev.ruru.train.io.Safetensors}), the format PyTorch and Hugging Face use, read with every
 * size and offset checked before anything is allocated; and {@link dev.ruru.array.io.AtomicFile}, the
 * write-to-a-temporary-then-rename step that checkpoints, JSON reports and pictures all go through.
 */
package dev.ruru.train.io;
