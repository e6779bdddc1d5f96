package dev.twins.core.internal.series;

/** The codec of each kind of series: times by {@link TimeCodec}, values by kind. */
final class Codecs {
  private Codecs() {}

  /** Times, then doubles by {@link DoubleCodec}. */
  static BlockCodec doubles() {
    return new BlockCodec() {
      @Override
      public int encode(long[] times, long[] values, int n, BitWriter out) {
        TimeCodec.encode(times, n, out);
        int at = out.bits();
        DoubleCodec.encode(values, 0, 1, n, out);
        return at;
      }

      @Override
      public void decodeValues(BitReader in, int n, int limit, long[] values) {
        DoubleCodec.decode(in, n, limit, values, 0, 1);
      }

      @Override
      public void decode(BitReader in, int n, long[] times, long[] values) {
        TimeCodec.decode(in, n, times);
        DoubleCodec.decode(in, n, values, 0, 1);
      }
    };
  }

  /** Times, then longitudes and latitudes, each by {@link DoubleCodec}. */
  static BlockCodec points() {
    return new BlockCodec() {
      @Override
      public int encode(long[] times, long[] values, int n, BitWriter out) {
        TimeCodec.encode(times, n, out);
        int at = out.bits();
        DoubleCodec.encode(values, 0, 2, n, out);
        DoubleCodec.encode(values, 1, 2, n, out);
        return at;
      }

      @Override
      public void decode(BitReader in, int n, long[] times, long[] values) {
        TimeCodec.decode(in, n, times);
        DoubleCodec.decode(in, n, values, 0, 2);
        DoubleCodec.decode(in, n, values, 1, 2);
      }
    };
  }

  /**
   * Times, then small non-negative codes (booleans as 0/1, dictionary codes) as runs: the first
   * code, then for each run its length less one (Exp-Golomb, order fitted to the block) and for
   * each later run the zig-zagged change of code.
   */
  static BlockCodec runs() {
    return new BlockCodec() {
      @Override
      public int encode(long[] times, long[] values, int n, BitWriter out) {
        TimeCodec.encode(times, n, out);
        int at = out.bits();
        int runs = 1;
        for (int i = 1; i < n; i++) {
          if (values[i] != values[i - 1]) {
            runs++;
          }
        }
        int k = TimeCodec.order(n, runs);
        out.writeVarLong(values[0]);
        out.write(k, 5);
        int start = 0;
        for (int i = 1; i <= n; i++) {
          if (i == n || values[i] != values[i - 1]) {
            out.writeGolomb(i - start - 1, k);
            if (i < n) {
              out.writeGolomb(BitWriter.zigzag(values[i] - values[i - 1]), 0);
            }
            start = i;
          }
        }
        return at;
      }

      @Override
      public void decode(BitReader in, int n, long[] times, long[] values) {
        TimeCodec.decode(in, n, times);
        long code = in.readVarLong();
        int k = (int) in.read(5);
        int i = 0;
        while (true) {
          int len = (int) in.readGolomb(k) + 1;
          for (int j = 0; j < len; j++) {
            values[i++] = code;
          }
          if (i >= n) {
            return;
          }
          code += BitReader.unzigzag(in.readGolomb(0));
        }
      }
    };
  }
}
