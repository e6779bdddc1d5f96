package dev.twins.core.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Export and restore of series with their closed blocks as they are. */
class SeriesBlocksTest {
  private static List<String> samples(Series s) {
    List<String> out = new ArrayList<>();
    if (s instanceof DoubleSeries d) {
      DoubleCursor c = d.scan(Long.MIN_VALUE, Long.MAX_VALUE);
      while (c.next()) out.add(c.time() + "=" + c.value());
    } else if (s instanceof BooleanSeries b) {
      BooleanCursor c = b.scan(Long.MIN_VALUE, Long.MAX_VALUE);
      while (c.next()) out.add(c.time() + "=" + c.value());
    } else if (s instanceof StringSeries t) {
      StringCursor c = t.scan(Long.MIN_VALUE, Long.MAX_VALUE);
      while (c.next()) out.add(c.time() + "=" + c.value());
    } else {
      GeoCursor c = ((GeoSeries) s).scan(Long.MIN_VALUE, Long.MAX_VALUE);
      while (c.next()) out.add(c.time() + "=" + c.lon() + "," + c.lat());
    }
    return out;
  }

  private static DoubleSeries doubles(Retention r, int n, long seed) {
    DoubleSeries s = Series.doubles(r);
    SplittableRandom rnd = new SplittableRandom(seed);
    long t = 1_700_000_000_000L;
    for (int i = 0; i < n; i++) {
      t += 1000 + rnd.nextInt(3);
      s.append(t, Math.round(rnd.nextDouble() * 1000) / 10.0);
    }
    return s;
  }

  @Test
  void doublesRoundTripWithTheirBlocksAsTheyAre() {
    DoubleSeries s = doubles(Retention.UNBOUNDED, 1000, 1);
    s.append(1_700_000_000_500L, 7.5);   // late: rewrites the first block
    SeriesBlocks.Contents c = SeriesBlocks.export(s);
    assertThat(c.blocks()).hasSizeGreaterThanOrEqualTo(3);
    assertThat(c.head().size()).isZero();
    assertThat(c.tail().size()).isEqualTo(1001 - c.blocks().stream().mapToInt(SeriesBlocks.Block::count).sum());
    assertThat(c.size()).isEqualTo(1001);
    DoubleSeries back = Series.doubles(Retention.UNBOUNDED);
    SeriesBlocks.restore(back, c);
    assertThat(samples(back)).isEqualTo(samples(s));
    assertThat(back.stats(Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(s.stats(Long.MIN_VALUE, Long.MAX_VALUE));
    assertThat(back.timeWeightedMean(1_700_000_100_000L, Long.MAX_VALUE))
        .isEqualTo(s.timeWeightedMean(1_700_000_100_000L, Long.MAX_VALUE));
    // the blocks are shared, not encoded again
    assertThat(SeriesBlocks.export(back).blocks().get(1).words()).isSameAs(c.blocks().get(1).words());
    // and the restored series takes appends as before
    back.append(1_800_000_000_000L, 1.0);
    assertThat(back.last()).hasValue(1.0);
  }

  @Test
  void aPartlyExpiredFirstBlockIsExportedAsItsLiveSamples() {
    DoubleSeries s = doubles(Retention.ofCount(600), 1000, 2);
    SeriesBlocks.Contents c = SeriesBlocks.export(s);
    assertThat(c.head().size()).isPositive();
    assertThat(c.size()).isEqualTo(600);
    DoubleSeries back = Series.doubles(Retention.ofCount(600));
    SeriesBlocks.restore(back, c);
    assertThat(samples(back)).isEqualTo(samples(s));
    // a smaller retention on the way back applies as to appends
    DoubleSeries smaller = Series.doubles(Retention.ofCount(100));
    SeriesBlocks.restore(smaller, c);
    assertThat(smaller.size()).isEqualTo(100);
    assertThat(samples(smaller)).isEqualTo(samples(s).subList(500, 600));
  }

  @Test
  void booleansStringsAndPointsRoundTrip() {
    BooleanSeries b = Series.booleans(Retention.UNBOUNDED);
    StringSeries t = Series.strings(Retention.UNBOUNDED);
    GeoSeries g = Series.geoPoints(Retention.UNBOUNDED);
    for (int i = 0; i < 700; i++) {
      b.append(i * 10L, i % 7 < 3);
      t.append(i * 10L, "mode-" + (i / 50));
      g.append(i * 10L, 31.0 + i * 1e-4, -24.5 - i * 1e-4);
    }
    for (Series s : List.<Series>of(b, t, g)) {
      SeriesBlocks.Contents c = SeriesBlocks.export(s);
      assertThat(c.blocks()).isNotEmpty();
      Series back = s instanceof BooleanSeries ? Series.booleans(Retention.UNBOUNDED)
          : s instanceof StringSeries ? Series.strings(Retention.UNBOUNDED) : Series.geoPoints(Retention.UNBOUNDED);
      SeriesBlocks.restore(back, c);
      assertThat(samples(back)).as(s.kind().toString()).isEqualTo(samples(s));
    }
    assertThat(SeriesBlocks.export(t).dictionary()).hasSize(14).startsWith("mode-0");
  }

  @Test
  void inconsistentContentsAreRefusedAndLeaveTheSeriesEmpty() {
    DoubleSeries s = doubles(Retention.UNBOUNDED, 600, 3);
    SeriesBlocks.Contents c = SeriesBlocks.export(s);
    SeriesBlocks.Block b = c.blocks().get(1);
    long[] cut = b.words().clone();
    SeriesBlocks.Block shorter = new SeriesBlocks.Block(b.count() - 1, b.bits(), b.valueBits(), cut);
    DoubleSeries target = Series.doubles(Retention.UNBOUNDED);
    assertThatThrownBy(() -> SeriesBlocks.restore(target, new SeriesBlocks.Contents(c.kind(), c.dictionary(),
        c.head(), List.of(c.blocks().get(0), shorter), c.tail())))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("block 2 of 2");
    assertThat(target.size()).isZero();
    // blocks out of time order
    assertThatThrownBy(() -> SeriesBlocks.restore(target, new SeriesBlocks.Contents(c.kind(), c.dictionary(),
        c.head(), List.of(c.blocks().get(1), c.blocks().get(0)), SeriesBlocks.Samples.NONE)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("comes before");
    assertThat(target.size()).isZero();
    // the target can still be restored, and only once
    SeriesBlocks.restore(target, c);
    assertThat(samples(target)).isEqualTo(samples(s));
    assertThatThrownBy(() -> SeriesBlocks.restore(target, c)).hasMessageContaining("empty");
    assertThatThrownBy(() -> SeriesBlocks.restore(Series.booleans(Retention.UNBOUNDED), c))
        .hasMessageContaining("DOUBLE");
    assertThatThrownBy(() -> new SeriesBlocks.Block(3, 100, 64, new long[1])).hasMessageContaining("2 words");
  }

  @Test
  void dictionaryCodesMustBeInRange() {
    StringSeries t = Series.strings(Retention.UNBOUNDED);
    for (int i = 0; i < 300; i++) t.append(i, i < 150 ? "on" : "off");
    SeriesBlocks.Contents c = SeriesBlocks.export(t);
    StringSeries back = Series.strings(Retention.UNBOUNDED);
    assertThatThrownBy(() -> SeriesBlocks.restore(back, new SeriesBlocks.Contents(c.kind(), List.of("on"),
        c.head(), c.blocks(), c.tail()))).hasMessageContaining("out of range");
    assertThat(back.size()).isZero();
    SeriesBlocks.restore(back, c);
    assertThat(back.last()).hasValue("off");
  }
}
