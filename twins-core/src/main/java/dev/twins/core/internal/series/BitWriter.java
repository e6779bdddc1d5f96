package dev.twins.core.internal.series;

import java.util.Arrays;

/** Writes bits most significant first into a growing array of longs; reused across blocks. */
final class BitWriter {
  private long[] words = new long[64];
  private int bits;

  void reset() {
    bits = 0;
    Arrays.fill(words, 0L);
  }

  int bits() {
    return bits;
  }

  /** Writes the low {@code n} bits of {@code value}, 0 &lt;= n &lt;= 64. */
  void write(long value, int n) {
    if (n == 0) {
      return;
    }
    int word = bits >>> 6;
    if (word + 1 >= words.length) {
      words = Arrays.copyOf(words, words.length * 2);
    }
    long v = n == 64 ? value : value & ((1L << n) - 1);
    int used = bits & 63;
    int free = 64 - used;
    if (n <= free) {
      words[word] |= v << (free - n);
    } else {
      words[word] |= v >>> (n - free);
      words[word + 1] |= v << (64 - (n - free));
    }
    bits += n;
  }

  void writeBit(boolean bit) {
    write(bit ? 1 : 0, 1);
  }

  /** Writes an unsigned number as its bit length (7 bits) and its bits. */
  void writeVarLong(long value) {
    int len = 64 - Long.numberOfLeadingZeros(value);
    write(len, 7);
    write(value, len);
  }

  /**
   * Writes an unsigned number below 2^61 as an order-k Exp-Golomb code: {@code z + 2^k} in binary,
   * preceded by as many zeros as it has bits beyond {@code k + 1}. Larger numbers get an escape
   * (62 - k zeros, a one, then 64 plain bits).
   */
  void writeGolomb(long z, int k) {
    if (Long.compareUnsigned(z, 1L << 61) >= 0) {
      write(1, 62 - k + 1);
      write(z, 64);
      return;
    }
    long m = z + (1L << k);
    int len = 64 - Long.numberOfLeadingZeros(m);
    int zeros = len - k - 1;
    if (len + zeros <= 64) {
      write(m, len + zeros);
    } else {
      write(0, zeros);
      write(m, len);
    }
  }

  /** The length in bits of {@link #writeGolomb}. */
  static int golombBits(long z, int k) {
    if (Long.compareUnsigned(z, 1L << 61) >= 0) {
      return 62 - k + 1 + 64;
    }
    int len = 64 - Long.numberOfLeadingZeros(z + (1L << k));
    return 2 * len - k - 1;
  }

  static long zigzag(long x) {
    return (x << 1) ^ (x >> 63);
  }

  long[] toArray() {
    return Arrays.copyOf(words, (bits + 63) >>> 6);
  }
}
