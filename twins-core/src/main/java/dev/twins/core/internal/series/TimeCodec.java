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
  private TimeCodec() {}

  static void encode(long[] t, int n, BitWriter out) {
    out.write(t[0], 64);
    if (n == 1) {
      return;
    }
    long g = 0;
    boolean huge = false;
    for (int i = 1; i < n; i++) {
      long d = t[i] - t[i - 1];
      if (d < 0) {
        huge = true;
        break;
      }
      g = gcd(g, d);
    }
    if (huge || g == 0) {
      g = 1;
    }
    out.writeVarLong(g);
    long prev = (t[1] - t[0]) / g;
    if (g == 1) {
      prev = t[1] - t[0];
    }
    out.writeVarLong(prev);
    boolean allZero = true;
    long sum = 0;
    long p = prev;
    for (int i = 2; i < n; i++) {
      long d = g == 1 ? t[i] - t[i - 1] : (t[i] - t[i - 1]) / g;
      long z = BitWriter.zigzag(d - p);
      if (z != 0) {
        allZero = false;
      }
      sum += Math.min(z, 1L << 40);
      p = d;
    }
    out.writeBit(allZero);
    if (allZero) {
      return;
    }
    int k = order(sum, n - 2);
    out.write(k, 5);
    p = prev;
    for (int i = 2; i < n; i++) {
      long d = g == 1 ? t[i] - t[i - 1] : (t[i] - t[i - 1]) / g;
      out.writeGolomb(BitWriter.zigzag(d - p), k);
      p = d;
    }
  }

  static void decode(BitReader in, int n, long[] t) {
    t[0] = in.read(64);
    if (n == 1) {
      return;
    }
    long g = in.readVarLong();
    long d = in.readVarLong();
    t[1] = t[0] + d * g;
    boolean allZero = in.readBit();
    if (allZero) {
      long step = d * g;
      for (int i = 2; i < n; i++) {
        t[i] = t[i - 1] + step;
      }
      return;
    }
    int k = (int) in.read(5);
    for (int i = 2; i < n; i++) {
      d += BitReader.unzigzag(in.readGolomb(k));
      t[i] = t[i - 1] + d * g;
    }
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
