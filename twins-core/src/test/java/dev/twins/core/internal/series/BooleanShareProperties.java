package dev.twins.core.internal.series;

import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.core.series.Retention;
import java.util.List;
import java.util.OptionalDouble;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * A boolean series' share of time true, which adds the time true that closed blocks keep instead
 * of decoding them, equals the sample-by-sample computation exactly, with small blocks, samples
 * in any order and retention by count or by age (dead samples in the first block).
 */
class BooleanShareProperties {
  record Sample(long time, boolean value) {}

  @Provide
  Arbitrary<List<Sample>> samples() {
    return Combinators.combine(Arbitraries.longs().between(0, 5_000), Arbitraries.of(true, false))
        .as(Sample::new).list().ofMaxSize(400);
  }

  @Provide
  Arbitrary<Retention> retentions() {
    return Arbitraries.oneOf(Arbitraries.just(Retention.UNBOUNDED),
        Arbitraries.longs().between(1, 300).map(Retention::ofCount),
        Arbitraries.longs().between(1, 3_000).map(Retention::ofAge));
  }

  @Property(tries = 200)
  void shareEqualsTheSampleBySampleIntegral(@ForAll("samples") List<Sample> in,
      @ForAll("retentions") Retention retention,
      @ForAll @IntRange(min = 3, max = 6) int log2Capacity,
      @ForAll @LongRange(min = -100, max = 5_100) long from,
      @ForAll @LongRange(min = 0, max = 6_000) long length) {
    BooleanSeriesImpl b = SeriesFactory.booleans(retention, 1 << log2Capacity);
    for (Sample s : in) {
      b.append(s.time(), s.value());
    }
    long to = from + length;
    OptionalDouble expected = b.timeWeighted(from, to, w -> w);
    assertThat(b.trueShare(from, to)).isEqualTo(expected);
    // windows starting at each sample, so also at each block's first sample
    for (Sample s : in) {
      long t = s.time();
      assertThat(b.trueShare(t, t + length)).as("from %d", t).isEqualTo(b.timeWeighted(t, t + length, w -> w));
      assertThat(b.trueShare(t - 1, t + length)).as("from %d", t - 1).isEqualTo(b.timeWeighted(t - 1, t + length, w -> w));
    }
    // the whole series, every block inside the window
    assertThat(b.trueShare(Long.MIN_VALUE / 4, 10_000)).isEqualTo(b.timeWeighted(Long.MIN_VALUE / 4, 10_000, w -> w));
  }

  @Property(tries = 50)
  void inOrderWeekOfQuarterHours(@ForAll @IntRange(min = 0, max = 1_000) int seed,
      @ForAll @LongRange(min = 0, max = 900_000) long shift) {
    BooleanSeriesImpl b = SeriesFactory.booleans(Retention.UNBOUNDED, SeriesFactory.BLOCK_CAPACITY);
    java.util.Random r = new java.util.Random(seed);
    long quarter = 900_000;
    for (int k = 0; k < 672; k++) {
      b.append(k * quarter, r.nextInt(3) == 0);
    }
    long to = 672 * quarter - shift;
    long from = to - 7 * 24 * 3_600_000L;
    assertThat(b.trueShare(from, to)).isEqualTo(b.timeWeighted(from, to, w -> w));
  }
}
