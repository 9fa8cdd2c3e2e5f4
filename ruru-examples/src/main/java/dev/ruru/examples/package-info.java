/**
 * Runnable examples, one per topic of the course, written to be read: each is a {@code main} program
 * whose comments explain what it shows and why, built only on Ruru's public API. Run one with
 * {@code java -cp ... dev.ruru.examples.DifferentiationComparison} (the four ways to differentiate)
 * or {@code dev.ruru.examples.CharacterLanguageModel} (a recurrent network learning and writing text); each has a test that it runs and
 * that its output says what the comments promise.
 */
package dev.ruru.examples;
