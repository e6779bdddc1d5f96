package dev.twins.core.internal.series;

/** Reads bits most significant first from an array of longs. */
final class BitReader {
  private long[] words;
  private int pos;

  void reset(long[] data) {
    words = data;
    pos = 0;
  }

  /** The position: bits read since the start. */
  int position() {
    return pos;
  }

  void reset(long[] data, int bit) {
    words = data;
    pos = bit;
  }

  /** Reads {@code n} bits, 0 &lt;= n &lt;= 64, as an unsigned number. */
  long read(int n) {
    if (n == 0) {
      return 0;
    }
    int word = pos >>> 6;
    int used = pos & 63;
    int avail = 64 - used;
    long result;
    if (n <= avail) {
      result = (words[word] << used) >>> (64 - n);
    } else {
      long high = (words[word] << used) >>> used;
      int rest = n - avail;
      result = (high << rest) | (words[word + 1] >>> (64 - rest));
    }
    pos += n;
    return result;
  }

  boolean readBit() {
    long w = words[pos >>> 6];
    boolean bit = ((w << (pos & 63)) & Long.MIN_VALUE) != 0;
    pos++;
    return bit;
  }

  long readVarLong() {
    int len = (int) read(7);
    return read(len);
  }

  /** Reads what {@link BitWriter#writeGolomb} wrote. */
  long readGolomb(int k) {
    int zeros = readUnary();
    if (zeros == 62 - k) {
      return read(64);
    }
    int len = zeros + k + 1;
    return ((1L << (len - 1)) | read(len - 1)) - (1L << k);
  }

  static long unzigzag(long z) {
    return (z >>> 1) ^ -(z & 1);
  }

  /** Counts and consumes leading zero bits up to and including the first one bit. */
  int readUnary() {
    int zeros = 0;
    while (true) {
      int used = pos & 63;
      long w = words[pos >>> 6] << used;
      if (w != 0) {
        int lz = Long.numberOfLeadingZeros(w);
        zeros += lz;
        pos += lz + 1;
        return zeros;
      }
      zeros += 64 - used;
      pos += 64 - used;
    }
  }
}
