package dev.ruru.data.csv;

/** Whether the first non-blank line of a CSV file names the columns. */
public enum Header {
  PRESENT,
  ABSENT
}
