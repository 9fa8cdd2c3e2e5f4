/**
 * Text for language models: a {@link dev.ruru.data.text.TextCorpus} read strictly as UTF-8 (a file, a
 * directory of files, or the public-domain {@link dev.ruru.data.text.EmbeddedText} sample), a
 * {@link dev.ruru.data.text.Vocabulary} of characters or words built by frequency and saved as JSON, the
 * {@link dev.ruru.data.text.CharTokenizer} and {@link dev.ruru.data.text.WordTokenizer} that turn text into
 * token ids and back, the training data cut from those ids ({@link dev.ruru.data.text.TextWindows}: windows
 * whose labels are the next tokens, as a dataset or at random starts, and a contiguous train/validation
 * split; {@link dev.ruru.data.text.TokenStreams}: parallel streams in consecutive chunks for truncated
 * backpropagation through time), and the {@link dev.ruru.data.text.TokenSampler} that draws the next token
 * from a model's logits with temperature, top-k and top-p. Errors name what was expected and what was found:
 * the byte offset of invalid UTF-8, the characters outside a vocabulary and where, the tokens a window needs.
 */
package dev.ruru.data.text;
