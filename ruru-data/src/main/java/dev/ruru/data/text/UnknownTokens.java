package dev.ruru.data.text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Collects the distinct tokens an encoder could not find, for one {@link OutOfVocabularyException}. */
final class UnknownTokens {
  private static final int LISTED = 10;

  private final Set<String> seen = new HashSet<>();
  private final List<OutOfVocabularyException.Occurrence> occurrences = new ArrayList<>();

  void add(String token, int position) {
    if (seen.add(token) && occurrences.size() < LISTED) {
      occurrences.add(new OutOfVocabularyException.Occurrence(token, position));
    }
  }

  boolean isEmpty() {
    return seen.isEmpty();
  }

  /**
   * The exception for what was collected: {@code "<subject> has <what> outside the vocabulary<note>: 'é'
   * (U+00E9) at 4, ..."}.
   */
  OutOfVocabularyException exception(String subject, String what, String note) {
    StringBuilder message = new StringBuilder(subject + " has " + what + " outside the vocabulary" + note + ": ");
    for (int i = 0; i < occurrences.size(); i++) {
      OutOfVocabularyException.Occurrence occurrence = occurrences.get(i);
      message.append(i == 0 ? "" : ", ").append(Vocabulary.describe(occurrence.token())).append(" at ").append(occurrence.position());
    }
    if (seen.size() > occurrences.size()) {
      message.append(" and ").append(seen.size() - occurrences.size()).append(" more");
    }
    return new OutOfVocabularyException(message.toString(), occurrences);
  }
}
