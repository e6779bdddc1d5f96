package dev.twins.core.internal.series;

import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.core.series.DoubleCursor;
import dev.twins.core.series.Retention;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Compression round-trips exactly, whatever the times and the bits of the values. */
class CompressionProperties {
  private static final double[] SPECIALS = {Double.NaN, Double.longBitsToDouble(0x7ff0000000000001L),
      Double.longBitsToDouble(0xfff8000000000123L), Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY, -0.0, 0.0, Double.MIN_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE,
      22.0666666666667, 1021.66666666667, 0.00479298817650529, 1e300, 123456789012345678.0};

  @Provide
  Arbitrary<Long> valueBits() {
    Arbitrary<Long> raw = Arbitraries.longs();
    Arbitrary<Long> special = Arbitraries.integers().between(0, SPECIALS.length - 1)
        .map(i -> Double.doubleToRawLongBits(SPECIALS[i]));
    Arbitrary<Long> decimal = Combinators.combine(Arbitraries.longs().between(-100_000, 100_000),
        Arbitraries.integers().between(0, 6))
        .as((q, e) -> Double.doubleToRawLongBits(q / Math.pow(10, e)));
    Arbitrary<Long> steady = Arbitraries.integers().between(0, 3)
        .map(i -> Double.doubleToRawLongBits(21.5 + i * 0.25));
    return Arbitraries.frequencyOf(Tuple.of(2, raw), Tuple.of(1, special), Tuple.of(4, decimal),
        Tuple.of(3, steady));
  }

  @Provide
  Arbitrary<List<Long>> valuePool() {
    return valueBits().list().ofMinSize(1).ofMaxSize(700);
  }

  @Provide
  Arbitrary<long[]> times() {
    Arbitrary<Long> any = Arbitraries.longs();
    Arbitrary<Long> near = Arbitraries.longs().between(1_700_000_000_000L, 1_700_000_100_000L);
    Arbitrary<Long> minutes = Arbitraries.longs().between(0, 200)
        .map(m -> 1_700_000_000_000L + m * 60_000 + (m % 3 == 0 ? 999 : 0));
    return Arbitraries.oneOf(any, near, minutes).list().ofMinSize(1).ofMaxSize(600)
        .map(l -> l.stream().mapToLong(Long::longValue).sorted().toArray());
  }

  private static void roundTrip(BlockCodec codec, long[] times, long[] values, int width) {
    int n = times.length;
    BitWriter out = new BitWriter();
    out.reset();
    codec.encode(times, values, n, out);
    long[] t = new long[n];
    long[] v = new long[n * width];
    BitReader in = new BitReader();
    in.reset(out.toArray());
    codec.decode(in, n, t, v);
    assertThat(t).isEqualTo(times);
    assertThat(v).isEqualTo(java.util.Arrays.copyOf(values, n * width));
  }

  @Property(tries = 400)
  void doublesRoundTrip(@ForAll("times") long[] times,
      @ForAll("valuePool") List<Long> pool) {
    if (pool.isEmpty()) {
      return;
    }
    long[] values = new long[times.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = pool.get(i % pool.size());
    }
    roundTrip(Codecs.doubles(), times, values, 1);
    long[] points = new long[2 * times.length];
    for (int i = 0; i < points.length; i++) {
      points[i] = pool.get((i * 7) % pool.size());
    }
    roundTrip(Codecs.points(), times, points, 2);
  }

  @Property(tries = 200)
  void runsRoundTrip(@ForAll("times") long[] times,
      @ForAll List<@net.jqwik.api.constraints.IntRange(min = 0, max = 40) Integer> codes) {
    if (codes.isEmpty()) {
      return;
    }
    long[] values = new long[times.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = codes.get((i / 5) % codes.size());
    }
    roundTrip(Codecs.runs(), times, values, 1);
  }

  record Sample(long time, long bits) {}

  @Provide
  Arbitrary<List<Sample>> appends() {
    Arbitrary<Long> time = Arbitraries.oneOf(Arbitraries.longs(),
        Arbitraries.longs().between(-50, 400));
    return Combinators.combine(time, valueBits()).as(Sample::new).list().ofMaxSize(500);
  }

  @Property(tries = 200)
  void seriesKeepsEveryBitOfAnyAppendSequence(@ForAll("appends") List<Sample> samples) {
    DoubleSeriesImpl series = SeriesFactory.doubles(Retention.UNBOUNDED, 16);
    for (Sample s : samples) {
      assertThat(series.append(s.time(), Double.longBitsToDouble(s.bits()))).isTrue();
    }
    series.flush();
    List<Sample> expected = new ArrayList<>(samples);
    expected.sort(Comparator.comparingLong(Sample::time)); // stable: equal times keep their order
    List<Sample> got = new ArrayList<>();
    DoubleCursor c = series.scan(Long.MIN_VALUE, Long.MAX_VALUE);
    while (c.next()) {
      got.add(new Sample(c.time(), Double.doubleToRawLongBits(c.value())));
    }
    // Long.MAX_VALUE is outside every half-open window
    expected.removeIf(s -> s.time() == Long.MAX_VALUE);
    assertThat(got).isEqualTo(expected);
  }
}
