package dev.twins.core.internal.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.twins.core.series.DoubleCursor;
import dev.twins.core.series.Retention;
import dev.twins.core.series.Run;
import dev.twins.core.series.Side;
import dev.twins.core.series.WindowStats;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * A double series, with small blocks so that every path (closed blocks, inserts into them, block
 * splits, retention by count and age) is exercised, agrees with {@link NaiveSeries} after any
 * sequence of appends, and its window functions agree with a naive computation.
 */
class SeriesModelProperties {
  record Op(long time, double value) {}

  record Scenario(Retention retention, int capacity, List<Op> ops, long from, long to) {}

  @Provide
  Arbitrary<Scenario> scenarios() {
    Arbitrary<Retention> retention = Arbitraries.oneOf(
        Arbitraries.just(Retention.UNBOUNDED),
        Arbitraries.longs().between(1, 60).map(Retention::ofCount),
        Arbitraries.longs().between(0, 400).map(Retention::ofAge),
        Combinators.combine(Arbitraries.longs().between(1, 60), Arbitraries.longs().between(0, 400))
            .as(Retention::new));
    Arbitrary<Integer> capacity = Arbitraries.of(8, 16, 32);
    Arbitrary<Op> inOrder = Combinators.combine(Arbitraries.longs().between(0, 5),
        Arbitraries.integers().between(-50, 50)).as((dt, v) -> new Op(dt, v / 4.0));
    Arbitrary<Op> late = Combinators.combine(Arbitraries.longs().between(-300, 0),
        Arbitraries.integers().between(-50, 50)).as((dt, v) -> new Op(dt, v / 4.0));
    Arbitrary<List<Op>> deltas = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(8, inOrder), net.jqwik.api.Tuple.of(1, late))
        .list().ofMaxSize(400);
    return Combinators.combine(retention, capacity, deltas,
        Arbitraries.longs().between(-50, 1200), Arbitraries.longs().between(0, 1300))
        .as((r, c, ds, from, len) -> {
          List<Op> ops = new ArrayList<>();
          long t = 1000;
          for (Op d : ds) {
            long time;
            if (d.time() > 0 || ds.indexOf(d) % 3 != 0) {
              t += Math.max(0, d.time());
              time = d.time() >= 0 ? t : t + d.time();
            } else {
              time = t + d.time();
            }
            ops.add(new Op(time, d.value()));
          }
          return new Scenario(r, c, ops, 1000 + from, 1000 + from + len);
        });
  }

  private static DoubleSeriesImpl build(Scenario s, NaiveSeries naive) {
    DoubleSeriesImpl series = SeriesFactory.doubles(s.retention(), s.capacity());
    for (Op op : s.ops()) {
      boolean expected = naive.append(op.time(), op.value());
      assertThat(series.append(op.time(), op.value()))
          .as("append(%d, %s) is stored", op.time(), op.value()).isEqualTo(expected);
    }
    return series;
  }

  @Property(tries = 300)
  void holdsWhatTheModelHolds(@ForAll("scenarios") Scenario s) {
    NaiveSeries naive = new NaiveSeries(s.retention());
    DoubleSeriesImpl series = build(s, naive);
    assertThat(series.size()).isEqualTo(naive.samples.size());
    List<NaiveSeries.Sample> got = new ArrayList<>();
    DoubleCursor c = series.scan(Long.MIN_VALUE, Long.MAX_VALUE);
    while (c.next()) {
      got.add(new NaiveSeries.Sample(c.time(), c.value()));
    }
    assertThat(got).isEqualTo(naive.samples);
    assertThat(series.count(s.from(), s.to())).isEqualTo(naive.window(s.from(), s.to()).size());
    if (!naive.samples.isEmpty()) {
      assertThat(series.firstTime()).hasValue(naive.samples.get(0).time());
      assertThat(series.lastTime()).hasValue(naive.samples.get(naive.samples.size() - 1).time());
      assertThat(series.last()).hasValue(naive.samples.get(naive.samples.size() - 1).value());
    } else {
      assertThat(series.firstTime()).isEmpty();
      assertThat(series.last()).isEmpty();
    }
    NaiveSeries.Sample at = naive.at(s.from());
    assertThat(series.valueAt(s.from()))
        .isEqualTo(at == null ? OptionalDouble.empty() : OptionalDouble.of(at.value()));
  }

  @Property(tries = 300)
  void windowFunctionsAgreeWithNaiveComputation(@ForAll("scenarios") Scenario s) {
    NaiveSeries naive = new NaiveSeries(s.retention());
    DoubleSeriesImpl series = build(s, naive);
    List<NaiveSeries.Sample> w = naive.window(s.from(), s.to());
    double[] xs = w.stream().mapToDouble(NaiveSeries.Sample::value).toArray();

    WindowStats stats = series.stats(s.from(), s.to());
    assertThat(stats.count()).isEqualTo(xs.length);
    if (xs.length == 0) {
      assertThat(stats).isEqualTo(WindowStats.EMPTY);
      assertThat(series.mean(s.from(), s.to())).isEmpty();
      assertThat(series.percentile(s.from(), s.to(), 50)).isEmpty();
    } else {
      double sum = 0;
      double min = xs[0];
      double max = xs[0];
      for (double x : xs) {
        sum += x;
        min = Math.min(min, x);
        max = Math.max(max, x);
      }
      double mean = sum / xs.length;
      double ss = 0;
      for (double x : xs) {
        ss += (x - mean) * (x - mean);
      }
      assertThat(stats.sum()).isCloseTo(sum, within(1e-9));
      assertThat(stats.mean()).isCloseTo(mean, within(1e-9));
      assertThat(series.mean(s.from(), s.to()).getAsDouble()).isCloseTo(mean, within(1e-9));
      assertThat(stats.min()).isEqualTo(min);
      assertThat(stats.max()).isEqualTo(max);
      if (xs.length > 1) {
        assertThat(stats.stddev()).isCloseTo(Math.sqrt(ss / (xs.length - 1)), within(1e-9));
      } else {
        assertThat(stats.stddev()).isNaN();
      }
      assertThat(series.percentile(s.from(), s.to(), 90).getAsDouble())
          .isEqualTo(new Percentile().evaluate(xs, 90));
    }

    Double tw = naive.timeWeightedMean(s.from(), s.to());
    OptionalDouble got = series.timeWeightedMean(s.from(), s.to());
    if (tw == null) {
      assertThat(got).isEmpty();
    } else {
      assertThat(got.getAsDouble()).isCloseTo(tw, within(1e-9));
    }

    for (Side side : Side.values()) {
      Optional<Run> run = series.currentRun(side, 0.0, s.to());
      int i = naive.indexAt(s.to());
      if (i < 0 || !side.test(naive.samples.get(i).value(), 0.0)) {
        assertThat(run).isEmpty();
      } else {
        int j = i;
        while (j > 0 && side.test(naive.samples.get(j - 1).value(), 0.0)) {
          j--;
        }
        assertThat(run).hasValue(new Run(naive.samples.get(j).time(), s.to(), i - j + 1));
      }
    }

    if (xs.length >= 2 && w.get(0).time() != w.get(w.size() - 1).time()) {
      double mt = 0;
      double mv = 0;
      for (NaiveSeries.Sample x : w) {
        mt += x.time();
        mv += x.value();
      }
      mt /= w.size();
      mv /= w.size();
      double sxy = 0;
      double sxx = 0;
      for (NaiveSeries.Sample x : w) {
        sxy += (x.time() - mt) * (x.value() - mv);
        sxx += (x.time() - mt) * (x.time() - mt);
      }
      assertThat(series.trend(s.from(), s.to()).orElseThrow().slopePerMilli())
          .isCloseTo(sxy / sxx, within(1e-9));
    } else {
      assertThat(series.trend(s.from(), s.to())).isEmpty();
    }

    if (xs.length >= 2 && stats.stddev() > 0) {
      double last = xs[xs.length - 1];
      assertThat(series.zScore(s.from(), s.to()).getAsDouble())
          .isCloseTo((last - stats.mean()) / stats.stddev(), within(1e-9));
    } else {
      assertThat(series.zScore(s.from(), s.to())).isEmpty();
    }
  }
}
