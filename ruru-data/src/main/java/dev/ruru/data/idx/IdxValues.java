package dev.ruru.data.idx;

/** How {@link IdxReader} turns IDX elements into an {@link dev.ruru.array.NDArray}. */
public enum IdxValues {
  /** As stored: ubyte, byte, short and int become int32; float becomes float32; double becomes float64. */
  AS_STORED,
  /** Every type becomes float32 (unscaled; doubles are rounded to the nearest float). */
  FLOAT32,
  /** Unsigned bytes become float32 {@code x / 255} in [0, 1]: pixels ready for a network. Ubyte files only. */
  SCALED_TO_UNIT
}
