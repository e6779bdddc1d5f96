package dev.twins.core.internal.series;

/**
 * One closed block of a {@link Column}: its samples encoded by a {@link BlockCodec}, with the
 * facts reads need without decoding. Immutable; a change to a closed block builds a new one.
 */
public final class Block {
  /** Bytes a block takes besides its encoded data: object header, fields, array header. */
  static final int OVERHEAD_BYTES = 96;

  final long firstTime;
  final long lastTime;
  final int count;
  final long[] data;
  final int dataBits;
  /** Where the values start in {@code data}, after the times. */
  final int valueBits;
  /** Aggregates of double blocks over all samples; NaN sums for other kinds. */
  final double sum;
  final double min;
  final double max;
  final double mean;
  final double m2;
  /**
   * The integral of the step function from the first sample to the last, for doubles and for
   * booleans (as 0/1: the time true); NaN for other kinds.
   */
  final double integral;
  /** The last sample's value, for doubles and booleans (0/1); NaN for other kinds. */
  final double lastValue;

  Block(long firstTime, long lastTime, int count, long[] data, int dataBits, int valueBits,
      double sum,
      double min, double max, double mean, double m2, double integral, double lastValue) {
    this.firstTime = firstTime;
    this.lastTime = lastTime;
    this.count = count;
    this.data = data;
    this.dataBits = dataBits;
    this.valueBits = valueBits;
    this.sum = sum;
    this.min = min;
    this.max = max;
    this.mean = mean;
    this.m2 = m2;
    this.integral = integral;
    this.lastValue = lastValue;
  }

  /**
   * Returns the bytes of the encoded samples (rounded up to whole bytes).
   *
   * @return bytes
   */
  public int encodedBytes() {
    return (dataBits + 7) >>> 3;
  }

  @Override
  public String toString() {
    return "Block[count=" + count + ", times=" + firstTime + ".." + lastTime + ", bytes="
        + encodedBytes() + "]";
  }
}
