package dev.twins.core.internal.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.twins.core.series.BooleanCursor;
import dev.twins.core.series.GeoCursor;
import dev.twins.core.series.GeoPoint;
import dev.twins.core.series.Retention;
import dev.twins.core.series.Run;
import dev.twins.core.series.StringCursor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Boolean, string and point series, with small blocks and samples in any order, hold what a
 * sorted list holds, and their functions agree with a naive computation over that list.
 */
class OtherKindsProperties {
  record Sample(long time, int code, double lon, double lat) {}

  @Provide
  Arbitrary<List<Sample>> samples() {
    Arbitrary<Sample> s = Combinators.combine(Arbitraries.longs().between(0, 2_000),
        Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 40),
        Arbitraries.integers().between(0, 40))
        .as((t, c, x, y) -> new Sample(t, c, 31 + x * 0.0001, -24 + y * 0.0001));
    return s.list().ofMaxSize(300);
  }

  private static List<Sample> sorted(List<Sample> in) {
    List<Sample> out = new ArrayList<>(in);
    out.sort(Comparator.comparingLong(Sample::time));
    return out;
  }

  /** Share of time of the samples meeting {@code code == want}, as timeWeightedMean defines it. */
  private static Double share(List<Sample> s, long from, long to, int want) {
    double integral = 0;
    long covered = 0;
    for (int i = 0; i < s.size(); i++) {
      long start = Math.max(s.get(i).time(), from);
      long end = i + 1 < s.size() ? Math.min(s.get(i + 1).time(), to) : to;
      if (end > start) {
        integral += (s.get(i).code() == want ? 1 : 0) * (double) (end - start);
        covered += end - start;
      }
    }
    return covered == 0 ? null : integral / covered;
  }

  private static int lastAtOrBefore(List<Sample> s, long asOf) {
    int found = -1;
    for (int i = 0; i < s.size(); i++) {
      if (s.get(i).time() <= asOf) {
        found = i;
      }
    }
    return found;
  }

  @Property(tries = 100)
  void booleansAndStrings(@ForAll("samples") List<Sample> in,
      @ForAll @net.jqwik.api.constraints.LongRange(min = 0, max = 2_100) long from,
      @ForAll @net.jqwik.api.constraints.LongRange(min = 1, max = 900) long length) {
    long to = from + length;
    BooleanSeriesImpl b = SeriesFactory.booleans(Retention.UNBOUNDED, 8);
    StringSeriesImpl s = SeriesFactory.strings(Retention.UNBOUNDED, 16);
    String[] names = {"idle", "heating", "cooling", "off"};
    for (Sample x : in) {
      b.append(x.time(), x.code() % 2 == 1);
      s.append(x.time(), names[x.code()]);
    }
    List<Sample> ref = sorted(in);
    BooleanCursor bc = b.scan(Long.MIN_VALUE, Long.MAX_VALUE);
    StringCursor sc = s.scan(Long.MIN_VALUE, Long.MAX_VALUE);
    for (Sample x : ref) {
      assertThat(bc.next()).isTrue();
      assertThat(sc.next()).isTrue();
      assertThat(bc.time()).isEqualTo(x.time());
      assertThat(bc.value()).isEqualTo(x.code() % 2 == 1);
      assertThat(sc.value()).isEqualTo(names[x.code()]);
    }
    assertThat(bc.next()).isFalse();
    List<Sample> odd = new ArrayList<>();
    for (Sample x : ref) {
      odd.add(new Sample(x.time(), x.code() % 2, 0, 0));
    }
    Double expected = share(odd, from, to, 1);
    if (expected == null) {
      assertThat(b.trueShare(from, to)).isEmpty();
      assertThat(s.share("idle", from, to)).isEmpty();
    } else {
      assertThat(b.trueShare(from, to).getAsDouble()).isCloseTo(expected, within(1e-12));
      assertThat(s.share("heating", from, to).getAsDouble())
          .isCloseTo(share(ref, from, to, 1), within(1e-12));
    }
    assertThat(b.countTrue(from, to))
        .isEqualTo(ref.stream().filter(x -> x.time() >= from && x.time() < to)
            .filter(x -> x.code() % 2 == 1).count());
    int i = lastAtOrBefore(ref, to);
    Optional<Run> run = s.currentRun(to);
    if (i < 0) {
      assertThat(run).isEmpty();
    } else {
      int j = i;
      while (j > 0 && ref.get(j - 1).code() == ref.get(i).code()) {
        j--;
      }
      assertThat(run).hasValue(new Run(ref.get(j).time(), to, i - j + 1));
    }
  }

  @Property(tries = 100)
  void points(@ForAll("samples") List<Sample> in,
      @ForAll @net.jqwik.api.constraints.LongRange(min = 0, max = 2_100) long asOf,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 600) int radius) {
    GeoSeriesImpl g = SeriesFactory.geoPoints(Retention.UNBOUNDED, 8);
    for (Sample x : in) {
      g.append(x.time(), x.lon(), x.lat());
    }
    List<Sample> ref = sorted(in);
    GeoCursor c = g.scan(Long.MIN_VALUE, Long.MAX_VALUE);
    for (Sample x : ref) {
      assertThat(c.next()).isTrue();
      assertThat(c.point()).isEqualTo(new GeoPoint(x.lon(), x.lat()));
    }
    int i = lastAtOrBefore(ref, asOf);
    Optional<Run> stay = g.stayWithin(radius, asOf);
    if (i < 0) {
      assertThat(stay).isEmpty();
      return;
    }
    Sample now = ref.get(i);
    int j = i;
    while (j > 0 && GeoPoint.distanceMetres(now.lon(), now.lat(), ref.get(j - 1).lon(),
        ref.get(j - 1).lat()) <= radius) {
      j--;
    }
    assertThat(stay).hasValue(new Run(ref.get(j).time(), asOf, i - j + 1));
    double travelled = 0;
    for (int k = 1; k <= i; k++) {
      travelled += GeoPoint.distanceMetres(ref.get(k - 1).lon(), ref.get(k - 1).lat(),
          ref.get(k).lon(), ref.get(k).lat());
    }
    assertThat(g.distanceMetres(Long.MIN_VALUE, asOf + 1).getAsDouble())
        .isCloseTo(travelled, within(1e-6));
  }
}
