/**
 * Character language models: a {@link dev.ruru.train.text.CharModelSpec} (char-lstm, char-gru or
 * char-transformer, with its sizes) builds a {@link dev.ruru.train.text.CharLanguageModel} that predicts the
 * next character at every position; it trains with the ordinary {@link dev.ruru.train.Trainer} on windows of a
 * text ({@link dev.ruru.train.text.RandomWindows} for step-based training) or, carrying its state from chunk to
 * chunk, with {@link dev.ruru.train.text.TruncatedBptt}; {@link dev.ruru.train.text.TextGeneration} samples
 * from it; {@link dev.ruru.train.text.CharModelFiles} saves it with its vocabulary and
 * {@link dev.ruru.train.text.LanguageModelReport} writes what a run measured (loss, perplexity, tokens per second).
 */
package dev.ruru.train.text;
