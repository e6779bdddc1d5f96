package dev.twins.core.internal.series;

/**
 * Encodes the samples of a block: times (non-decreasing) and value words, {@code width} words per
 * sample. Decoding gives back exactly the words encoded.
 */
interface BlockCodec {
  /**
   * Encodes samples into words.
   *
   * @param times the times, {@code n} of them, non-decreasing
   * @param values the value words, {@code n * width} of them
   * @param n the number of samples, at least 1
   * @param out receives the bits
   * @return the bit position where the values start (the times come first)
   */
  int encode(long[] times, long[] values, int n, BitWriter out);

  /**
   * Decodes {@code n} samples.
   *
   * @param in the bits written by {@link #encode}
   * @param n the number of samples
   * @param times receives the times
   * @param values receives the value words
   */
  void decode(BitReader in, int n, long[] times, long[] values);

  /**
   * Decodes the first {@code limit} values of a block whose value part starts where the reader
   * stands; only codecs of single-word values support it.
   *
   * @param in the bits, positioned at the values
   * @param n the number of samples of the block
   * @param limit how many to decode
   * @param values receives the value words
   * @throws UnsupportedOperationException if the codec cannot
   */
  default void decodeValues(BitReader in, int n, int limit, long[] values) {
    throw new UnsupportedOperationException("prefix decoding of " + getClass().getSimpleName());
  }
}
