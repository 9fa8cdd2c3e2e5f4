/**
 * Character language models, the course's recurrent and attention networks on language: a
 * {@link dev.ruru.models.text.CharModelSpec} (char-lstm, char-gru or char-transformer, with its sizes) builds
 * a {@link dev.ruru.models.text.CharLanguageModel} that predicts the next character at every position; the
 * {@link dev.ruru.models.text.LanguageModelling} objective trains it through the one
 * {@link dev.ruru.train.Trainer}, on windows of a text ({@link dev.ruru.models.text.RandomWindows} for
 * step-based training) or by truncated backpropagation through time, carrying its state from chunk to
 * chunk; {@link dev.ruru.models.text.TextGeneration} samples from it; {@link dev.ruru.models.text.CharModelFiles}
 * saves it with its vocabulary and {@link dev.ruru.models.text.LanguageModelReport} writes what a run
 * measured (loss, perplexity, tokens per second). {@link dev.ruru.models.text.LanguageModelRun} is a whole run
 * ({@code ruru train --model char-*}) from its {@link dev.ruru.models.text.LanguageModelSettings}.
 */
package dev.ruru.models.text;
