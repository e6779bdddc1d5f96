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

  long[] toArray() {
    return Arrays.copyOf(words, (bits + 63) >>> 6);
  }
}
