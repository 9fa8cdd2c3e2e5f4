package dev.ruru.data.idx;

/** Whether {@link IdxWriter} compresses the file. (Readers need no flag: they recognise gzip by its magic.) */
public enum Compression {
  NONE,
  GZIP
}
