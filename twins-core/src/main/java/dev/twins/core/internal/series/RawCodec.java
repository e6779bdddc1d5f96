package dev.twins.core.internal.series;

/** Stores times and value words as they are, 64 bits each: the reference the other codecs beat. */
final class RawCodec implements BlockCodec {
  private final int width;

  RawCodec(int width) {
    this.width = width;
  }

  @Override
  public int encode(long[] times, long[] values, int n, BitWriter out) {
    for (int i = 0; i < n; i++) {
      out.write(times[i], 64);
    }
    int at = out.bits();
    for (int i = 0; i < n * width; i++) {
      out.write(values[i], 64);
    }
    return at;
  }

  @Override
  public void decode(BitReader in, int n, long[] times, long[] values) {
    for (int i = 0; i < n; i++) {
      times[i] = in.read(64);
    }
    for (int i = 0; i < n * width; i++) {
      values[i] = in.read(64);
    }
  }
}
