package dev.twins.query.internal;

import dev.twins.core.graph.Twin;
import dev.twins.core.series.BooleanSeries;
import dev.twins.core.series.DoubleSeries;
import dev.twins.core.series.GeoPoint;
import dev.twins.core.series.GeoSeries;
import dev.twins.core.series.Run;
import dev.twins.core.series.Series;
import dev.twins.core.series.SeriesStore;
import dev.twins.core.series.Side;
import dev.twins.core.series.StringSeries;
import dev.twins.core.series.WindowStats;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The series functions of the query language, over a {@link SeriesStore}: each takes a twin (an
 * alias, or an id) and a telemetry name, and most an ISO-8601 window ({@code 'PT1H'}, {@code 'P7D'})
 * that ends at {@code NOW()}. A twin without that series, or a window without samples, gives no
 * value.
 */
public final class SeriesFunctions {
  private SeriesFunctions() {}

  /** The names of the series functions, with their argument lists, for documentation and errors. */
  public static final Map<String, String> SIGNATURES = Map.ofEntries(
      Map.entry("SERIES_LAST", "(twin, name): the newest value"),
      Map.entry("SERIES_AGE", "(twin, name): time since the newest sample, a duration"),
      Map.entry("SERIES_VALUE_AT", "(twin, name, time): the value in effect at a past time"),
      Map.entry("SERIES_COUNT", "(twin, name, window): samples in the window"),
      Map.entry("SERIES_MEAN", "(twin, name, window)"),
      Map.entry("SERIES_MIN", "(twin, name, window)"),
      Map.entry("SERIES_MAX", "(twin, name, window)"),
      Map.entry("SERIES_STDDEV", "(twin, name, window): sample standard deviation"),
      Map.entry("SERIES_PERCENTILE", "(twin, name, window, percent)"),
      Map.entry("SERIES_TWMEAN", "(twin, name, window): time-weighted mean; for booleans the share of time true"),
      Map.entry("SERIES_RUN", "(twin, name, 'ABOVE'|'BELOW', threshold): how long the value has been beyond the "
          + "threshold, a duration; for booleans (twin, name, true|false)"),
      Map.entry("SERIES_TREND", "(twin, name, window): least-squares slope per hour"),
      Map.entry("SERIES_TIME_TO", "(twin, name, threshold, window): time until the trend of the window reaches the "
          + "threshold, a duration"),
      Map.entry("SERIES_ZSCORE", "(twin, name, window): z-score of the newest sample against the window"),
      Map.entry("SERIES_STAY", "(twin, name, radiusMetres): how long a point series has stayed within the radius"));

  /**
   * Adds the series functions to a function table.
   *
   * @param table the functions by upper-case name
   * @param store the series
   */
  public static void register(Map<String, Functions.Function> table, SeriesStore store) {
    add(table, "SERIES_LAST", 2, 2, (a, run) -> series(store, a).map(s -> last(s)).orElse(Values.UNDEFINED));
    add(table, "SERIES_AGE", 2, 2, (a, run) -> series(store, a).map(s -> {
      OptionalLong age = s.ageMillis(run.now.toEpochMilli());
      return age.isPresent() ? (Object) Duration.ofMillis(age.getAsLong()) : Values.UNDEFINED;
    }).orElse(Values.UNDEFINED));
    add(table, "SERIES_VALUE_AT", 3, 3, (a, run) -> {
      Instant at = Values.instant(a[2]);
      if (at == null) return Values.UNDEFINED;
      return series(store, a).map(s -> valueAt(s, at.toEpochMilli())).orElse(Values.UNDEFINED);
    });
    add(table, "SERIES_COUNT", 3, 3, (a, run) -> window(a[2], run).map(w -> series(store, a)
        .map(s -> (Object) s.count(w[0], w[1])).orElse(0L)).orElse(Values.UNDEFINED));
    for (String stat : new String[] {"MEAN", "MIN", "MAX", "STDDEV"}) {
      add(table, "SERIES_" + stat, 3, 3, (a, run) -> doubles(store, a, run, 2, (s, w) -> {
        WindowStats st = s.stats(w[0], w[1]);
        double v = stat.equals("MEAN") ? st.mean() : stat.equals("MIN") ? st.min() : stat.equals("MAX") ? st.max() : st.stddev();
        return number(v);
      }));
    }
    add(table, "SERIES_PERCENTILE", 4, 4, (a, run) -> {
      if (!Values.isNumber(a[3])) return Values.UNDEFINED;
      double p = ((Number) a[3]).doubleValue();
      if (!(p >= 0 && p <= 100)) return Values.UNDEFINED;
      return doubles(store, a, run, 2, (s, w) -> optional(s.percentile(w[0], w[1], p)));
    });
    add(table, "SERIES_TWMEAN", 3, 3, (a, run) -> {
      Optional<Series> s = series(store, a);
      Optional<long[]> w = window(a[2], run);
      if (s.isEmpty() || w.isEmpty()) return Values.UNDEFINED;
      if (s.get() instanceof DoubleSeries) return optional(((DoubleSeries) s.get()).timeWeightedMean(w.get()[0], w.get()[1]));
      if (s.get() instanceof BooleanSeries) return optional(((BooleanSeries) s.get()).trueShare(w.get()[0], w.get()[1]));
      return Values.UNDEFINED;
    });
    add(table, "SERIES_RUN", 3, 4, (a, run) -> {
      Optional<Series> s = series(store, a);
      if (s.isEmpty()) return Values.UNDEFINED;
      long asOf = run.now.toEpochMilli();
      Optional<Run> r = Optional.empty();
      if (s.get() instanceof DoubleSeries && a.length == 4 && a[2] instanceof String && Values.isNumber(a[3])) {
        Side side;
        try {
          side = Side.valueOf(((String) a[2]).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          return Values.UNDEFINED;
        }
        r = ((DoubleSeries) s.get()).currentRun(side, ((Number) a[3]).doubleValue(), asOf);
      } else if (s.get() instanceof BooleanSeries && a.length == 3 && a[2] instanceof Boolean) {
        r = ((BooleanSeries) s.get()).currentRun((Boolean) a[2], asOf);
      } else if (s.get() instanceof StringSeries && a.length == 3 && a[2] instanceof String) {
        Optional<String> now = ((StringSeries) s.get()).valueAt(asOf);
        if (now.isPresent() && now.get().equals(a[2])) r = ((StringSeries) s.get()).currentRun(asOf);
      }
      return r.isPresent() ? (Object) Duration.ofMillis(r.get().durationMillis()) : Values.UNDEFINED;
    });
    add(table, "SERIES_TREND", 3, 3, (a, run) -> doubles(store, a, run, 2, (s, w) ->
        s.trend(w[0], w[1]).map(t -> number(t.slopePerHour())).orElse(Values.UNDEFINED)));
    add(table, "SERIES_TIME_TO", 4, 4, (a, run) -> {
      if (!Values.isNumber(a[2])) return Values.UNDEFINED;
      double threshold = ((Number) a[2]).doubleValue();
      return doubles(store, a, run, 3, (s, w) -> {
        OptionalLong ms = s.millisUntil(threshold, w[0], w[1]);
        return ms.isPresent() ? (Object) Duration.ofMillis(ms.getAsLong()) : Values.UNDEFINED;
      });
    });
    add(table, "SERIES_ZSCORE", 3, 3, (a, run) -> doubles(store, a, run, 2, (s, w) -> optional(s.zScore(w[0], w[1]))));
    add(table, "SERIES_STAY", 3, 3, (a, run) -> {
      Optional<Series> s = series(store, a);
      if (s.isEmpty() || !(s.get() instanceof GeoSeries) || !Values.isNumber(a[2])) return Values.UNDEFINED;
      return ((GeoSeries) s.get()).stayWithin(((Number) a[2]).doubleValue(), run.now.toEpochMilli())
          .map(r -> (Object) Duration.ofMillis(r.durationMillis())).orElse(Values.UNDEFINED);
    });
  }

  private interface DoubleBody {
    Object apply(DoubleSeries s, long[] window);
  }

  private static Object doubles(SeriesStore store, Object[] a, dev.twins.query.internal.Run run, int windowArg, DoubleBody body) {
    Optional<Series> s = series(store, a);
    if (s.isEmpty() || !(s.get() instanceof DoubleSeries)) return Values.UNDEFINED;
    Optional<long[]> w = window(a[windowArg], run);
    if (w.isEmpty()) return Values.UNDEFINED;
    return body.apply((DoubleSeries) s.get(), w.get());
  }

  private static void add(Map<String, Functions.Function> table, String name, int min, int max, Functions.Body body) {
    table.put(name, new Functions.Function(name, min, max, body));
  }

  private static Optional<Series> series(SeriesStore store, Object[] a) {
    String id = a[0] instanceof Twin ? ((Twin) a[0]).id() : a[0] instanceof String ? (String) a[0] : null;
    if (id == null || !(a[1] instanceof String)) return Optional.empty();
    return store.find(id, (String) a[1]);
  }

  /** The window {@code [now - d, now]} as half-open epoch-millisecond bounds. */
  private static Optional<long[]> window(Object d, dev.twins.query.internal.Run run) {
    Duration w = Values.duration(d);
    if (w == null || w.isNegative()) return Optional.empty();
    long to = run.now.toEpochMilli() + 1;
    return Optional.of(new long[] {to - w.toMillis(), to});
  }

  private static Object number(double v) {
    return Double.isFinite(v) ? (Object) v : Values.UNDEFINED;
  }

  private static Object optional(OptionalDouble v) {
    return v.isPresent() && Double.isFinite(v.getAsDouble()) ? (Object) v.getAsDouble() : Values.UNDEFINED;
  }

  private static Object last(Series s) {
    if (s instanceof DoubleSeries) return optional(((DoubleSeries) s).last());
    if (s instanceof BooleanSeries) return ((BooleanSeries) s).last().map(v -> (Object) v).orElse(Values.UNDEFINED);
    if (s instanceof StringSeries) return ((StringSeries) s).last().map(v -> (Object) v).orElse(Values.UNDEFINED);
    return ((GeoSeries) s).last().map(SeriesFunctions::point).orElse(Values.UNDEFINED);
  }

  private static Object valueAt(Series s, long at) {
    if (s instanceof DoubleSeries) return optional(((DoubleSeries) s).valueAt(at));
    if (s instanceof BooleanSeries) return ((BooleanSeries) s).valueAt(at).map(v -> (Object) v).orElse(Values.UNDEFINED);
    if (s instanceof StringSeries) return ((StringSeries) s).valueAt(at).map(v -> (Object) v).orElse(Values.UNDEFINED);
    return ((GeoSeries) s).valueAt(at).map(SeriesFunctions::point).orElse(Values.UNDEFINED);
  }

  private static Object point(GeoPoint p) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("type", "Point");
    o.putArray("coordinates").add(p.lon()).add(p.lat());
    return o;
  }
}
