package dev.twins.core.telemetry;

import dev.twins.core.series.BooleanSeries;
import dev.twins.core.series.DoubleSeries;
import dev.twins.core.series.GeoSeries;
import dev.twins.core.series.Run;
import dev.twins.core.series.Series;
import dev.twins.core.series.Side;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.DoublePredicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * How a property is computed from one twin's telemetry, for {@link Rule#fromTelemetry}. Evaluated
 * after every accepted reading of that telemetry, while the twin's telemetry is locked; an empty
 * result removes the property.
 *
 * <pre>{@code
 * Derivation.last()                                                   // the newest value
 * Derivation.lastMatches(v -> v > 39.5)                               // true while the newest value is above 39.5
 * Derivation.runLongerThan(Side.ABOVE, 39.5, Duration.ofDays(1))      // fever: above 39.5 for more than a day
 * Derivation.mean(Duration.ofHours(1))                                // mean of the last hour
 * Derivation.stationaryLongerThan(100, Duration.ofDays(1))            // has not moved 100 m in a day
 * r -> r.series().map(...)                                            // any series function
 * }</pre>
 *
 * <p>Functions over a window look back from the newest reading's source time: a window of one
 * hour covers the readings from one hour before the newest up to and including it. Functions over
 * series need series on (the default); without them they give nothing.
 */
@FunctionalInterface
public interface Derivation {
  /**
   * Computes the property value.
   *
   * @param readings the twin's telemetry
   * @return the value, or empty for none
   */
  Optional<JsonNode> derive(Readings readings);

  /**
   * Returns how to write this derivation down, for the derivations made by this interface's
   * factories (other than {@link #lastMatches}, which holds a lambda): for example {@code last()},
   * {@code mean(PT1H)} or {@code runLongerThan(ABOVE, 39.5, PT24H)}. {@link #parse} reads it back
   * into an equal derivation. A durable store records rules by it; a lambda has none.
   *
   * @return the spec, or empty for a derivation written as code
   */
  default Optional<String> spec() {
    return Optional.empty();
  }

  /**
   * Reads a {@link #spec() spec} back: {@code last()}, {@code mean(D)}, {@code timeWeightedMean(D)},
   * {@code runLongerThan(SIDE, X, D)}, {@code runSeconds(SIDE, X)}, {@code trendPerHour(D)},
   * {@code zScore(D)}, {@code stationaryLongerThan(X, D)}; D an ISO-8601 duration, X a number, SIDE
   * {@code ABOVE} or {@code BELOW}.
   *
   * @param spec the spec
   * @return the derivation, equal to the one the spec was taken from
   * @throws IllegalArgumentException if the spec cannot be read (the message says why)
   */
  static Derivation parse(String spec) {
    Objects.requireNonNull(spec, "spec");
    int open = spec.indexOf('(');
    if (open < 0 || !spec.endsWith(")")) {
      throw new IllegalArgumentException("a derivation spec is name(arguments), got '" + spec + "'");
    }
    String name = spec.substring(0, open).trim();
    String inner = spec.substring(open + 1, spec.length() - 1).trim();
    String[] a = inner.isEmpty() ? new String[0] : inner.split("\\s*,\\s*");
    try {
      switch (name) {
        case "last":
          args(spec, a, 0);
          return last();
        case "mean":
          args(spec, a, 1);
          return mean(Duration.parse(a[0]));
        case "timeWeightedMean":
          args(spec, a, 1);
          return timeWeightedMean(Duration.parse(a[0]));
        case "runLongerThan":
          args(spec, a, 3);
          return runLongerThan(Side.valueOf(a[0]), Double.parseDouble(a[1]), Duration.parse(a[2]));
        case "runSeconds":
          args(spec, a, 2);
          return runSeconds(Side.valueOf(a[0]), Double.parseDouble(a[1]));
        case "trendPerHour":
          args(spec, a, 1);
          return trendPerHour(Duration.parse(a[0]));
        case "zScore":
          args(spec, a, 1);
          return zScore(Duration.parse(a[0]));
        case "stationaryLongerThan":
          args(spec, a, 2);
          return stationaryLongerThan(Double.parseDouble(a[0]), Duration.parse(a[1]));
        default:
          throw new IllegalArgumentException("unknown derivation '" + name + "' in spec '" + spec + "'");
      }
    } catch (java.time.format.DateTimeParseException | NumberFormatException e) {
      throw new IllegalArgumentException("derivation spec '" + spec + "': " + e.getMessage(), e);
    }
  }

  private static void args(String spec, String[] a, int n) {
    if (a.length != n) {
      throw new IllegalArgumentException("derivation spec '" + spec + "' needs " + n + " argument(s), got " + a.length);
    }
  }

  /** A derivation of the factories: its spec, and equal to any other with the same spec. */
  private static Derivation described(String spec, Derivation body) {
    return new dev.twins.core.internal.telemetry.DescribedDerivation(spec, body);
  }

  /** @return the newest value of the telemetry, as received */
  static Derivation last() {
    return described("last()", Readings::last);
  }

  /**
   * A boolean: whether the newest value passes a test.
   *
   * @param test the test of the number
   * @return the derivation
   */
  static Derivation lastMatches(DoublePredicate test) {
    Objects.requireNonNull(test, "test");
    return r -> {
      var n = r.lastNumber();
      return n.isPresent() ? Optional.of(JsonNodeFactory.instance.booleanNode(test.test(n.getAsDouble())))
          : Optional.empty();
    };
  }

  /**
   * The mean of the readings in a window that ends with the newest reading.
   *
   * @param window how far back from the newest reading
   * @return the derivation (a number; nothing for a series of another kind)
   */
  static Derivation mean(Duration window) {
    long w = positive(window);
    return described("mean(" + window + ")", doubles((s, t) -> number(s.mean(t - w, t + 1))));
  }

  /**
   * The time-weighted mean in a window that ends with the newest reading, for irregular sampling;
   * over a boolean series, the share of the window's time it was {@code true}.
   *
   * @param window how far back from the newest reading
   * @return the derivation (a number)
   */
  static Derivation timeWeightedMean(Duration window) {
    long w = positive(window);
    return described("timeWeightedMean(" + window + ")", r -> at(r, (series, t) -> series instanceof DoubleSeries d
        ? number(d.timeWeightedMean(t - w, t + 1))
        : series instanceof BooleanSeries b ? number(b.trueShare(t - w, t + 1)) : Optional.empty()));
  }

  /**
   * Whether the telemetry has stayed on one side of a threshold for at least a duration, up to the
   * newest reading ("fever = above 39.5 for longer than a day").
   *
   * @param side above or below (strictly)
   * @param threshold the threshold
   * @param minimum how long the run must have lasted
   * @return the derivation (a boolean)
   */
  static Derivation runLongerThan(Side side, double threshold, Duration minimum) {
    Objects.requireNonNull(side, "side");
    long min = positive(minimum);
    return described("runLongerThan(" + side + ", " + threshold + ", " + minimum + ")",
        doubles((s, t) -> Optional.of(bool(s.currentRun(side, threshold, t).map(Run::durationMillis)
        .orElse(-1L) >= min))));
  }

  /**
   * How long, in seconds, the telemetry has stayed on one side of a threshold up to the newest
   * reading; 0 when the newest reading is on the other side.
   *
   * @param side above or below (strictly)
   * @param threshold the threshold
   * @return the derivation (a number of seconds)
   */
  static Derivation runSeconds(Side side, double threshold) {
    Objects.requireNonNull(side, "side");
    return described("runSeconds(" + side + ", " + threshold + ")", doubles((s, t) -> Optional.of(
        JsonNodeFactory.instance.numberNode(s.currentRun(side, threshold, t).map(Run::durationMillis).orElse(0L)
            / 1000.0))));
  }

  /**
   * The least-squares trend per hour over a window that ends with the newest reading.
   *
   * @param window how far back from the newest reading
   * @return the derivation (a number per hour; nothing below two readings)
   */
  static Derivation trendPerHour(Duration window) {
    long w = positive(window);
    return described("trendPerHour(" + window + ")", doubles((s, t) -> s.trend(t - w, t + 1)
        .map(tr -> JsonNodeFactory.instance.numberNode(tr.slopePerHour()))));
  }

  /**
   * The z-score of the newest reading against a window that ends with it.
   *
   * @param window how far back from the newest reading
   * @return the derivation (a number; nothing below two readings or without spread)
   */
  static Derivation zScore(Duration window) {
    long w = positive(window);
    return described("zScore(" + window + ")", doubles((s, t) -> number(s.zScore(t - w, t + 1))));
  }

  /**
   * Whether a position has stayed within a radius of where it is now for at least a duration ("the
   * animal has not moved for a day").
   *
   * @param radiusMetres the radius
   * @param minimum how long
   * @return the derivation (a boolean), for point telemetry
   */
  static Derivation stationaryLongerThan(double radiusMetres, Duration minimum) {
    long min = positive(minimum);
    return described("stationaryLongerThan(" + radiusMetres + ", " + minimum + ")", r -> at(r, (series, t) ->
        series instanceof GeoSeries g
        ? Optional.of(bool(g.stayWithin(radiusMetres, t).map(Run::durationMillis).orElse(-1L) >= min))
        : Optional.empty()));
  }

  private static long positive(Duration d) {
    if (d.isNegative()) throw new IllegalArgumentException("duration must not be negative, got " + d);
    return d.toMillis();
  }

  private static Optional<JsonNode> number(OptionalDouble d) {
    return d.isPresent() ? Optional.of(JsonNodeFactory.instance.numberNode(d.getAsDouble())) : Optional.empty();
  }

  private static JsonNode bool(boolean b) {
    return JsonNodeFactory.instance.booleanNode(b);
  }

  /**
   * A function of a series and the newest reading's time, the building block of the derivations
   * above.
   *
   * @param <S> the kind of series
   */
  @FunctionalInterface
  interface SeriesFunction<S> {
    /**
     * Computes a value.
     *
     * @param series the twin's series of the telemetry
     * @param newest the source time of the newest reading, in epoch milliseconds
     * @return the value, or empty for none
     */
    Optional<JsonNode> apply(S series, long newest);
  }

  private static Derivation doubles(SeriesFunction<DoubleSeries> f) {
    return r -> at(r, (series, t) -> series instanceof DoubleSeries d ? f.apply(d, t) : Optional.empty());
  }

  private static Optional<JsonNode> at(Readings r, SeriesFunction<Series> f) {
    var t = r.lastTime();
    Optional<Series> s = r.series();
    if (t.isEmpty() || s.isEmpty()) return Optional.empty();
    return f.apply(s.get(), t.getAsLong());
  }
}
