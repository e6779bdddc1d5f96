package dev.twins.core.internal.series;

/**
 * Doubles of one block, encoded in whichever of three modes is smallest for the block.
 *
 * <ul>
 *   <li><b>Constant</b>: every value has the same bits; 64 bits for the block.
 *   <li><b>Decimal</b>, in the spirit of ALP (SIGMOD 2024): sensor values are mostly decimals with
 *       few digits, so each value {@code v} is written as an integer {@code q} with {@code v ==
 *       q / 10^e} exactly (Java's correctly rounded division), for one exponent {@code e} per
 *       block. The integers are stored as {@code base + g * m}, {@code g} their greatest common
 *       step (0.25-steps cost no more than unit steps), and the {@code m} as zig-zagged deltas in
 *       an Exp-Golomb code of a per-block order. Values that are not such decimals are
 *       <i>exceptions</i>: their slot takes the nearest grid value, and the exception list gives
 *       their position and either the exact correction at their own decimal exponent (a long
 *       decimal such as 22.0666666666667 costs about 45 bits) or, for NaN, infinities, negative
 *       zero and values without a decimal form, their 64 bits.
 *   <li><b>XOR</b>, after Facebook's Gorilla (VLDB 2015): each value XORed with the previous one,
 *       writing only the meaningful bits; chosen for full-precision data.
 * </ul>
 *
 * <p>Values are read from {@code v[off + i * stride]}, so that one codec serves plain series and
 * each coordinate of a point series.
 */
final class DoubleCodec {
  private static final int CONSTANT = 0;
  private static final int DECIMAL = 1;
  private static final int XOR = 2;
  private static final int MAX_E = 17;
  /** How many values of a block choose its exponent. */
  private static final int SAMPLE = 64;
  private static final int RAW_EXCEPTION = 31;
  private static final double[] POW10 = new double[MAX_E + 1];
  private static final long[] LPOW10 = new long[19];
  private static final long EXACT = 1L << 53;

  static {
    double p = 1;
    long lp = 1;
    for (int i = 0; i <= MAX_E; i++) {
      POW10[i] = p;
      p *= 10;
    }
    for (int i = 0; i < LPOW10.length; i++) {
      LPOW10[i] = lp;
      lp *= 10;
    }
  }

  private DoubleCodec() {}

  /** Per-thread work arrays. */
  private static final ThreadLocal<Work> WORK = ThreadLocal.withInitial(Work::new);

  private static final class Work {
    int[] exps = new int[0];
    long[] m = new long[0];
    boolean[] exc = new boolean[0];
    final int[] hist = new int[MAX_E + 1];
    int[] excPos = new int[0];
    int[] excExp = new int[0];
    long[] excValue = new long[0];

    void ensureExceptions(int n) {
      if (excPos.length < n) {
        excPos = new int[n];
        excExp = new int[n];
        excValue = new long[n];
      }
    }

    void ensure(int n) {
      if (exps.length < n) {
        exps = new int[n];
        m = new long[n];
        exc = new boolean[n];
      }
    }
  }

  /** Whether {@code v} is exactly {@code q / 10^e} for {@code q = round(v * 10^e)}. */
  private static boolean fits(double v, int e) {
    double scaled = v * POW10[e];
    if (!(Math.abs(scaled) < EXACT)) {
      return false;
    }
    long q = Math.round(scaled);
    return Double.doubleToRawLongBits(q / POW10[e]) == Double.doubleToRawLongBits(v);
  }

  /** The least exponent at which {@code v} is a decimal, searching from a guess; -1 if none. */
  private static int exponent(double v, int guess) {
    if (fits(v, guess)) {
      int e = guess;
      while (e > 0 && fits(v, e - 1)) {
        e--;
      }
      return e;
    }
    for (int e = guess + 1; e <= MAX_E; e++) {
      if (fits(v, e)) {
        return e;
      }
    }
    for (int e = 0; e < guess; e++) {
      if (fits(v, e)) {
        return e;
      }
    }
    return -1;
  }

  static void encode(long[] v, int off, int stride, int n, BitWriter out) {
    long first = v[off];
    boolean constant = true;
    for (int i = 1; i < n; i++) {
      if (v[off + i * stride] != first) {
        constant = false;
        break;
      }
    }
    if (constant) {
      out.write(CONSTANT, 2);
      out.write(first, 64);
      return;
    }
    Work w = WORK.get();
    w.ensure(n);
    // the exponent is chosen on a prefix of the block, as ALP chooses it on a sample
    int sample = Math.min(n, SAMPLE);
    int[] hist = w.hist;
    java.util.Arrays.fill(hist, 0);
    int guess = 0;
    int decimals = 0;
    for (int i = 0; i < sample; i++) {
      int e = exponent(Double.longBitsToDouble(v[off + i * stride]), guess);
      w.exps[i] = e;
      if (e >= 0) {
        hist[e]++;
        decimals++;
        guess = e;
      }
    }
    int bestE = -1;
    long bestBits = Long.MAX_VALUE;
    if (decimals * 2 >= sample) {
      for (int e = 0; e <= MAX_E; e++) {
        if (hist[e] == 0) {
          continue;
        }
        long bits = decimal(v, off, stride, sample, e, w, null);
        if (bits < bestBits) {
          bestBits = bits;
          bestE = e;
        }
      }
    }
    if (bestE >= 0) {
      // the rest of the block: a value fits the chosen exponent, or is an exception with its own
      for (int i = sample; i < n; i++) {
        double x = Double.longBitsToDouble(v[off + i * stride]);
        w.exps[i] = fits(x, bestE) ? bestE : exponentAbove(x, bestE);
      }
    }
    // full-precision data: compare with XOR on the whole block
    if (bestE < 0 || bestBits > 40L * sample) {
      long xorBits = xor(v, off, stride, n, null);
      long decimalBits = bestE < 0 ? Long.MAX_VALUE : decimal(v, off, stride, n, bestE, w, null);
      if (xorBits < decimalBits) {
        out.write(XOR, 2);
        xor(v, off, stride, n, out);
        return;
      }
    }
    out.write(DECIMAL, 2);
    decimal(v, off, stride, n, bestE, w, out);
  }

  /** The least exponent above {@code e} at which {@code x} is a decimal; -1 if none. */
  private static int exponentAbove(double x, int e) {
    for (int f = e + 1; f <= MAX_E; f++) {
      if (fits(x, f)) {
        return f;
      }
    }
    return -1;
  }

  /**
   * Encodes in decimal mode at exponent {@code e} into {@code out}, or, with {@code out} null,
   * only returns the number of bits it would take.
   */
  private static long decimal(long[] v, int off, int stride, int n, int e, Work w,
      BitWriter out) {
    double p = POW10[e];
    long base = 0;
    boolean haveBase = false;
    long g = 0;
    for (int i = 0; i < n; i++) {
      int ei = w.exps[i];
      boolean ok = ei >= 0 && ei <= e;
      if (ok) {
        double x = Double.longBitsToDouble(v[off + i * stride]);
        ok = ei == e || fits(x, e);
        if (ok) {
          long q = Math.round(x * p);
          if (!haveBase) {
            base = q;
            haveBase = true;
          } else if (g != 1) {
            long d = Math.abs(q - base);
            if (g == 0 || d % g != 0) {
              g = TimeCodec.gcd(g, d);
            }
          }
          w.m[i] = q;
        }
      }
      w.exc[i] = !ok;
    }
    if (!haveBase) {
      return Long.MAX_VALUE;
    }
    if (g == 0) {
      g = 1;
    }
    long prevM = 0;
    long sum = 0;
    int exceptions = 0;
    for (int i = 0; i < n; i++) {
      long m;
      if (!w.exc[i]) {
        m = (w.m[i] - base) / g;
      } else {
        exceptions++;
        double x = Double.longBitsToDouble(v[off + i * stride]);
        double grid = (x * p - base) / g;
        m = Math.abs(grid) < EXACT / 8 ? Math.round(grid) : prevM;
      }
      w.m[i] = m;
      sum += Math.min(BitWriter.zigzag(m - prevM), 1L << 40);
      prevM = m;
    }
    int k = TimeCodec.order(sum, n);
    long bits = 5 + 7 + 64 + 7 + 64 + 5 + 7 + 64;
    if (out != null) {
      out.write(e, 5);
      out.writeVarLong(BitWriter.zigzag(base));
      out.writeVarLong(g);
      out.write(k, 5);
      out.writeVarLong(exceptions);
    }
    int last = -1;
    for (int i = 0; i < n; i++) {
      if (!w.exc[i]) {
        continue;
      }
      double x = Double.longBitsToDouble(v[off + i * stride]);
      long gap = i - last - 1;
      last = i;
      int ei = w.exps[i];
      long r = 0;
      boolean raw = ei < e;
      if (!raw) {
        try {
          long q = Math.round(x * POW10[ei]);
          long grid = Math.multiplyExact(Math.addExact(base, Math.multiplyExact(g, w.m[i])),
              LPOW10[ei - e]);
          r = Math.subtractExact(q, grid);
          raw = Double.doubleToRawLongBits(Math.addExact(grid, r) / POW10[ei])
              != Double.doubleToRawLongBits(x);
        } catch (ArithmeticException overflow) {
          raw = true;
        }
      }
      if (out != null) {
        out.writeGolomb(gap, 2);
        if (raw) {
          out.write(RAW_EXCEPTION, 5);
          out.write(v[off + i * stride], 64);
        } else {
          out.write(ei - e, 5);
          out.writeVarLong(BitWriter.zigzag(r));
        }
      } else {
        bits += BitWriter.golombBits(gap, 2) + 5
            + (raw ? 64 : 7 + 64 - Long.numberOfLeadingZeros(BitWriter.zigzag(r)));
      }
    }
    prevM = 0;
    for (int i = 0; i < n; i++) {
      long z = BitWriter.zigzag(w.m[i] - prevM);
      if (out != null) {
        out.writeGolomb(z, k);
      } else {
        bits += BitWriter.golombBits(z, k);
      }
      prevM = w.m[i];
    }
    return bits;
  }

  /** Gorilla XOR encoding into {@code out}, or only its length with {@code out} null. */
  private static long xor(long[] v, int off, int stride, int n, BitWriter out) {
    long bits = 64;
    long prev = v[off];
    if (out != null) {
      out.write(prev, 64);
    }
    int prevLead = -1;
    int prevTrail = 0;
    for (int i = 1; i < n; i++) {
      long cur = v[off + i * stride];
      long x = cur ^ prev;
      prev = cur;
      if (x == 0) {
        bits += 1;
        if (out != null) {
          out.write(0, 1);
        }
        continue;
      }
      int lead = Long.numberOfLeadingZeros(x);
      int trail = Long.numberOfTrailingZeros(x);
      if (prevLead >= 0 && lead >= prevLead && trail >= prevTrail) {
        int len = 64 - prevLead - prevTrail;
        bits += 2 + len;
        if (out != null) {
          out.write(0b10, 2);
          out.write(x >>> prevTrail, len);
        }
      } else {
        int len = 64 - lead - trail;
        bits += 2 + 6 + 6 + len;
        if (out != null) {
          out.write(0b11, 2);
          out.write(lead, 6);
          out.write(len - 1, 6);
          out.write(x >>> trail, len);
        }
        prevLead = lead;
        prevTrail = trail;
      }
    }
    return bits;
  }

  static void decode(BitReader in, int n, long[] v, int off, int stride) {
    decode(in, n, n, v, off, stride);
  }

  /** Decodes the first {@code limit} of the {@code n} values of a block. */
  static void decode(BitReader in, int n, int limit, long[] v, int off, int stride) {
    int mode = (int) in.read(2);
    if (mode == CONSTANT) {
      long bits = in.read(64);
      for (int i = 0; i < limit; i++) {
        v[off + i * stride] = bits;
      }
    } else if (mode == XOR) {
      long prev = in.read(64);
      if (limit > 0) {
        v[off] = prev;
      }
      int lead = 0;
      int trail = 0;
      for (int i = 1; i < limit; i++) {
        if (in.read(1) != 0) {
          if (in.read(1) != 0) {
            lead = (int) in.read(6);
            int len = (int) in.read(6) + 1;
            trail = 64 - lead - len;
          }
          int len = 64 - lead - trail;
          prev ^= in.read(len) << trail;
        }
        v[off + i * stride] = prev;
      }
    } else {
      int e = (int) in.read(5);
      long base = BitReader.unzigzag(in.readVarLong());
      long g = in.readVarLong();
      int k = (int) in.read(5);
      int exceptions = (int) in.readVarLong();
      double p = POW10[e];
      long m = 0;
      if (exceptions == 0) {
        for (int i = 0; i < limit; i++) {
          m += BitReader.unzigzag(in.readGolomb(k));
          v[off + i * stride] = Double.doubleToRawLongBits((base + g * m) / p);
        }
        return;
      }
      Work w = WORK.get();
      w.ensureExceptions(exceptions);
      int last = -1;
      for (int x = 0; x < exceptions; x++) {
        last = (int) (last + 1 + in.readGolomb(2));
        w.excPos[x] = last;
        int de = (int) in.read(5);
        w.excExp[x] = de;
        w.excValue[x] = de == RAW_EXCEPTION ? in.read(64) : BitReader.unzigzag(in.readVarLong());
      }
      int x = 0;
      int next = w.excPos[0];
      for (int i = 0; i < limit; i++) {
        m += BitReader.unzigzag(in.readGolomb(k));
        if (i != next) {
          v[off + i * stride] = Double.doubleToRawLongBits((base + g * m) / p);
        } else {
          int de = w.excExp[x];
          if (de == RAW_EXCEPTION) {
            v[off + i * stride] = w.excValue[x];
          } else {
            long q = (base + g * m) * LPOW10[de] + w.excValue[x];
            v[off + i * stride] = Double.doubleToRawLongBits(q / POW10[e + de]);
          }
          x++;
          next = x < exceptions ? w.excPos[x] : -1;
        }
      }
    }
  }
}
