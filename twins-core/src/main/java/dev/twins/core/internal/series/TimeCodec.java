package dev.twins.core.internal.series;

/**
 * Non-decreasing times as delta-of-delta, after Facebook's Gorilla, with two changes: the deltas
 * are first divided by their greatest common divisor (so that times sampled to the second cost
 * no more than times sampled to the millisecond), and the delta-of-delta values are written as
 * Exp-Golomb codes whose order suits the block, instead of fixed buckets. A block of perfectly
 * regular times costs one bit beyond its header.
 *
 * <p>Layout: first time (64 bits); then, with more than one sample: the divisor and the first
 * scaled delta (var-longs), a flag (all delta-of-deltas zero), and unless set the order k (5 bits)
 * and each zig-zagged delta-of-delta. Deltas wrap as unsigned 64-bit numbers, so any times round
 * trip.
 */
final class TimeCodec {
  private static final ThreadLocal<long[]> SCRATCH = ThreadLocal.withInitial(() -> new long[256]);

  private TimeCodec() {}

  static void encode(long[] t, int n, BitWriter out) {
    out.write(t[0], 64);
    if (n == 1) {
      return;
    }
    long[] d = SCRATCH.get();
    if (d.length < n) {
      d = new long[Math.max(n, 256)];
      SCRATCH.set(d);
    }
    long g = 0;
    boolean huge = false;
    for (int i = 1; i < n; i++) {
      long delta = t[i] - t[i - 1];
      d[i] = delta;
      if (delta < 0) {
        huge = true;
      } else if (g != 1 && (g == 0 || delta % g != 0)) {
        g = gcd(g, delta);
      }
    }
    if (huge || g == 0) {
      g = 1;
    }
    if (g != 1) {
      for (int i = 1; i < n; i++) {
        d[i] /= g;
      }
    }
    out.writeVarLong(g);
    out.writeVarLong(d[1]);
    boolean allZero = true;
    long sum = 0;
    for (int i = 2; i < n; i++) {
      long z = BitWriter.zigzag(d[i] - d[i - 1]);
      if (z != 0) {
        allZero = false;
      }
      sum += Math.min(z, 1L << 40);
    }
    out.writeBit(allZero);
    if (allZero) {
      return;
    }
    int k = order(sum, n - 2);
    out.write(k, 5);
    for (int i = 2; i < n; i++) {
      out.writeGolomb(BitWriter.zigzag(d[i] - d[i - 1]), k);
    }
  }

  static void decode(BitReader in, int n, long[] t) {
    decodeUntil(in, n, Long.MAX_VALUE, t);
  }

  /**
   * Decodes times until the first one at or after {@code bound}.
   *
   * @return the index of that time ({@code t[0..index]} are decoded), or {@code n} if none is
   *     (all are decoded)
   */
  static int decodeUntil(BitReader in, int n, long bound, long[] t) {
    long t0 = in.read(64);
    t[0] = t0;
    if (t0 >= bound && bound != Long.MAX_VALUE) {
      return 0;
    }
    if (n == 1) {
      return t0 >= bound ? 0 : 1;
    }
    long g = in.readVarLong();
    long d = in.readVarLong();
    long step = d * g;
    long prev = t0 + step;
    t[1] = prev;
    if (prev >= bound && bound != Long.MAX_VALUE) {
      return 1;
    }
    boolean allZero = in.readBit();
    if (allZero) {
      for (int i = 2; i < n; i++) {
        prev += step;
        t[i] = prev;
        if (prev >= bound && bound != Long.MAX_VALUE) {
          return i;
        }
      }
      return n;
    }
    int k = (int) in.read(5);
    for (int i = 2; i < n; i++) {
      d += BitReader.unzigzag(in.readGolomb(k));
      prev += d * g;
      t[i] = prev;
      if (prev >= bound && bound != Long.MAX_VALUE) {
        return i;
      }
    }
    return n;
  }

  /** The Exp-Golomb order for numbers of this mean: about log2 of the mean. */
  static int order(long sum, int count) {
    long mean = sum / Math.max(1, count);
    int k = 63 - Long.numberOfLeadingZeros(Math.max(1, mean));
    return Math.min(24, Math.max(0, k - 1));
  }

  static long gcd(long a, long b) {
    while (b != 0) {
      long r = a % b;
      a = b;
      b = r;
    }
    return a;
  }
}
