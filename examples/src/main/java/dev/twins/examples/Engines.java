package dev.twins.examples;

import static dev.twins.core.model.Schemas.DOUBLE;
import static dev.twins.core.model.Schemas.INTEGER;
import static dev.twins.core.model.Schemas.STRING;

import dev.twins.core.graph.JsonPatch;
import dev.twins.core.graph.Twins;
import dev.twins.core.model.ModelBuilder;
import dev.twins.core.model.Models;
import dev.twins.core.series.DoubleSeries;
import dev.twins.core.series.Trend;
import dev.twins.core.telemetry.Derivation;
import dev.twins.core.telemetry.Rule;
import dev.twins.core.telemetry.TelemetryHub;
import dev.twins.examples.support.DataDir;
import dev.twins.examples.support.Svg;
import dev.twins.examples.support.Table;
import dev.twins.query.QueryEngine;
import dev.twins.query.QueryResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * Predictive maintenance on NASA C-MAPSS FD001: 100 turbofan engines flown to failure (the
 * "retired" fleet, {@code train_FD001.txt}) and 100 engines in service whose records stop some
 * time before failure ({@code test_FD001.txt}), each with its sensors as twins.
 *
 * <p>A linear <em>health index</em> of ten sensors is fitted on the retired engines (first 30
 * cycles = 1, last 30 cycles = 0). Replaying the in-service engines cycle by cycle fills each
 * engine's health-index series. Two estimates of the remaining useful life (RUL) follow:
 * <ul>
 *   <li><b>trend</b>: the least-squares trend of the health index over the last {@value #TREND_CYCLES}
 *       cycles, extrapolated to the failure threshold (health index 0) — the series functions
 *       {@code trend} and {@code millisUntil}; this answers "which engines reach the failure
 *       threshold within {@value #HORIZON} cycles";
 *   <li><b>similarity</b>: the engine's smoothed health-index curve is matched against every
 *       retired engine's curve at every offset; the RUL is the median of what was left to the
 *       {@value #NEIGHBOURS} closest retired engines.
 * </ul>
 * Both are scored against {@code RUL_FD001.txt} (RMSE and the PHM08 score).
 */
public final class Engines {
  /** The sensors of the health index (numbers 1 to 21 of the file); the others are flat in FD001. */
  public static final int[] SENSORS = {2, 3, 4, 7, 11, 12, 15, 17, 20, 21};
  /** Names of the sensors (Saxena et al. 2008), by number. */
  static final Map<Integer, String> SENSOR_NAMES = Map.of(2, "T24 LPC outlet temperature", 3,
      "T30 HPC outlet temperature", 4, "T50 LPT outlet temperature", 7, "P30 HPC outlet pressure", 11,
      "Ps30 HPC outlet static pressure", 12, "phi fuel flow / Ps30", 15, "BPR bypass ratio", 17,
      "htBleed bleed enthalpy", 20, "W31 HPT coolant bleed", 21, "W32 LPT coolant bleed");
  /** One cycle (one flight) on the series' time axis. */
  public static final long CYCLE_MILLIS = 3_600_000L;
  /** Cycles of the trend window. */
  public static final int TREND_CYCLES = 30;
  /** "Within this many cycles". */
  public static final int HORIZON = 30;
  /** The health index at which an engine is taken to have failed. */
  public static final double FAILURE_THRESHOLD = 0.0;
  /** Cycles of the trailing mean that smooths the health index for matching. */
  public static final int SMOOTHING = 5;
  /** Retired engines whose remaining life is the median of. */
  public static final int NEIGHBOURS = 10;
  /** Largest RUL the trend estimate gives (also when the index does not fall). */
  public static final double TREND_CAP = 125;
  /** The moment every engine in service has just flown its last recorded cycle. */
  public static final Instant NOW = Instant.parse("2026-11-26T00:00:00Z");
  /** The query that answers "which engines reach the failure threshold within 30 cycles". */
  public static final String FAILING_SOON = "SELECT E.$dtId AS engine, E.cycles, E.healthIndex, "
      + "SERIES_TREND(E, 'health', 'PT30H') AS trendPerCycle, SERIES_TIME_TO(E, 'health', @threshold, 'PT30H') AS due "
      + "FROM DIGITALTWINS E WHERE IS_OF_MODEL(E, 'dtmi:twins:example:engines:Engine;1') AND E.status = 'in service' "
      + "AND (SERIES_TIME_TO(E, 'health', @threshold, 'PT30H') <= 'PT30H' "
      + "OR (E.healthIndex <= @threshold AND SERIES_TREND(E, 'health', 'PT30H') < 0)) ORDER BY E.healthIndex";

  static final String DIR = "nasa-cmapss-fd001/";
  private static final String NS = "dtmi:twins:example:engines:";
  private static final String FLEET = NS + "Fleet;1";
  private static final String ENGINE = NS + "Engine;1";
  private static final String SENSOR = NS + "Sensor;1";

  private Engines() {}

  /**
   * The estimate for one engine in service.
   *
   * @param engine twin id
   * @param cycles cycles flown (its last cycle in the file)
   * @param healthIndex the trend's value at the last cycle
   * @param slopePerCycle the trend's change per cycle
   * @param forecast cycles until the trend reaches the failure threshold; 0 if the index is
   *     already at or below it; -1 if the trend never reaches it
   * @param trendRul the trend estimate of the RUL: {@code forecast} bounded by {@link #TREND_CAP}
   * @param similarityRul the similarity estimate of the RUL
   * @param trueRul the truth, from {@code RUL_FD001.txt}
   */
  public record Estimate(String engine, int cycles, double healthIndex, double slopePerCycle, double forecast,
      double trendRul, double similarityRul, int trueRul) {}

  /**
   * Accuracy of one estimate over the 100 engines.
   *
   * @param rmse root mean square error, cycles
   * @param score the PHM08 score (late predictions cost more)
   */
  public record Accuracy(double rmse, double score) {}

  /**
   * The answers.
   *
   * @param twins the fleet graph
   * @param hub its telemetry
   * @param weights intercept then one weight per sensor of {@link #SENSORS}
   * @param estimates one per engine in service, by engine
   * @param similarity accuracy of the similarity estimate
   * @param trend accuracy of the trend estimate
   * @param failingSoonQuery the rows of {@link #FAILING_SOON}
   */
  public record Result(Twins twins, TelemetryHub hub, double[] weights, List<Estimate> estimates,
      Accuracy similarity, Accuracy trend, QueryResult failingSoonQuery) {
    /**
     * Returns the engines the {@link #FAILING_SOON} query found, in its order.
     *
     * @return their estimates
     */
    public List<Estimate> failingSoon() {
      Map<String, Estimate> byId = new TreeMap<>();
      estimates.forEach(e -> byId.put(e.engine(), e));
      return failingSoonQuery.stream().map(r -> byId.get(r.string("engine").orElseThrow())).toList();
    }
  }

  /**
   * Runs the example and prints its answers.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    Path data = DataDir.find();
    Result r = run(data);
    print(r);
    Path svg = picture(r).write(DataDir.output(data).resolve("engines.svg"));
    System.out.println("Estimated against true remaining life: " + svg);
  }

  static Models models() {
    return ModelBuilder.create()
        .define(FLEET, i -> i.property("name", STRING).relationship("hasEngine", r -> r.target(ENGINE)))
        .define(ENGINE, i -> i
            .property("unit", INTEGER)
            .property("status", STRING)
            .property("cycles", INTEGER)
            .property("healthIndex", DOUBLE)
            .property("remainingCycles", DOUBLE)
            .telemetry("health", DOUBLE)
            .relationship("hasSensor", r -> r.target(SENSOR)))
        .define(SENSOR, i -> i.property("number", INTEGER).property("measures", STRING).property("value", DOUBLE)
            .telemetry("reading", DOUBLE))
        .build();
  }

  /** Reads a file of the set: unit → rows of 26 numbers (unit, cycle, 3 settings, 21 sensors). */
  static Map<Integer, List<double[]>> read(Path file) {
    Map<Integer, List<double[]>> units = new TreeMap<>();
    try {
      for (String line : Files.readAllLines(file)) {
        if (line.isBlank()) {
          continue;
        }
        double[] row = Arrays.stream(line.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
        if (row.length != 26) {
          throw new IllegalArgumentException(file + ": expected 26 numbers, got " + row.length + ": " + line);
        }
        units.computeIfAbsent((int) row[0], k -> new ArrayList<>()).add(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return units;
  }

  static int[] readRul(Path file) {
    try {
      return Files.readAllLines(file).stream().filter(s -> !s.isBlank()).mapToInt(s -> Integer.parseInt(s.trim()))
          .toArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Fits the health index on the retired engines: first 30 cycles = 1, last 30 = 0. */
  static double[] fitHealthIndex(Map<Integer, List<double[]>> retired) {
    List<double[]> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    for (List<double[]> rows : retired.values()) {
      for (int i = 0; i < 30; i++) {
        x.add(sensors(rows.get(i)));
        y.add(1.0);
      }
      for (int i = rows.size() - 30; i < rows.size(); i++) {
        x.add(sensors(rows.get(i)));
        y.add(0.0);
      }
    }
    OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
    ols.newSampleData(y.stream().mapToDouble(Double::doubleValue).toArray(), x.toArray(new double[0][]));
    return ols.estimateRegressionParameters();
  }

  private static double[] sensors(double[] row) {
    double[] s = new double[SENSORS.length];
    for (int i = 0; i < SENSORS.length; i++) {
      s[i] = row[4 + SENSORS[i]];
    }
    return s;
  }

  static double healthIndex(double[] weights, double[] row) {
    double h = weights[0];
    for (int i = 0; i < SENSORS.length; i++) {
      h += weights[i + 1] * row[4 + SENSORS[i]];
    }
    return h;
  }

  /**
   * Builds the fleet, replays both files and scores the estimates.
   *
   * @param data the examples' data folder
   * @return the answers
   */
  public static Result run(Path data) {
    Map<Integer, List<double[]>> retired = read(data.resolve(DIR + "train_FD001.txt"));
    Map<Integer, List<double[]>> inService = read(data.resolve(DIR + "test_FD001.txt"));
    int[] truth = readRul(data.resolve(DIR + "RUL_FD001.txt"));
    double[] w = fitHealthIndex(retired);

    Twins twins = Twins.create(models());
    twins.createTwin("fleet", FLEET, Map.of("name", "FD001 fleet"));
    TelemetryHub hub = TelemetryHub.builder(twins).series(true).build();
    hub.rules().add(Rule.fromTelemetry(SENSOR, "value", "reading", Derivation.last()));
    hub.rules().add(Rule.fromTelemetry(ENGINE, "healthIndex", "health",
        Derivation.mean(Duration.ofMillis((SMOOTHING - 1) * CYCLE_MILLIS))));

    // The retired engines: their whole lives, as the fleet's memory of failures.
    List<double[]> retiredCurves = new ArrayList<>();
    for (Map.Entry<Integer, List<double[]>> u : retired.entrySet()) {
      String id = String.format("retired-%03d", u.getKey());
      twins.createTwin(id, ENGINE, Map.of("unit", u.getKey(), "status", "failed", "cycles", u.getValue().size()));
      twins.relate("fleet", id, "hasEngine", id);
      retiredCurves.add(replay(hub, id, w, u.getValue(), 0, false));
    }

    // The engines in service, every sensor a twin with its own series; each engine's record is
    // replayed so that its last cycle is NOW.
    List<Estimate> estimates = new ArrayList<>();
    long now = NOW.toEpochMilli();
    for (Map.Entry<Integer, List<double[]>> u : inService.entrySet()) {
      String id = String.format("engine-%03d", u.getKey());
      twins.createTwin(id, ENGINE, Map.of("unit", u.getKey(), "status", "in service", "cycles", 0));
      twins.relate("fleet", id, "hasEngine", id);
      for (int s : SENSORS) {
        String sensor = id + "-s" + s;
        twins.createTwin(sensor, SENSOR, Map.of("number", s, "measures", SENSOR_NAMES.get(s)));
        twins.relate(id, sensor, "hasSensor", sensor);
      }
      int n = u.getValue().size();
      double[] curve = replay(hub, id, w, u.getValue(), now - (long) u.getValue().get(n - 1)[1] * CYCLE_MILLIS, true);
      DoubleSeries health = (DoubleSeries) hub.series(id, "health").orElseThrow();
      long from = now - (TREND_CYCLES - 1) * CYCLE_MILLIS;
      Trend trend = health.trend(from, now + 1).orElseThrow();
      OptionalLong until = health.millisUntil(FAILURE_THRESHOLD, from, now + 1);
      // Already at or past the threshold: due now. Never reaching it: -1.
      double forecast = until.isPresent() ? until.getAsLong() / (double) CYCLE_MILLIS
          : trend.value() <= FAILURE_THRESHOLD ? 0 : -1;
      double trendRul = forecast < 0 ? TREND_CAP : Math.min(forecast, TREND_CAP);
      double similarityRul = similarity(curve, retiredCurves);
      twins.patch(id, JsonPatch.builder().add("/remainingCycles", similarityRul).build());
      estimates.add(new Estimate(id, n, trend.value(), trend.slopePerMilli() * CYCLE_MILLIS, forecast, trendRul,
          similarityRul, truth[u.getKey() - 1]));
    }

    // "Which engines will reach the failure threshold within 30 cycles?" as a query: the trend of
    // the health index over the last 30 cycles (hours), and the engines already at the threshold
    // with the index still falling.
    QueryEngine engine = QueryEngine.builder(twins).series(hub.seriesStore().orElseThrow())
        .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    QueryResult soon = engine.query(FAILING_SOON, Map.of("threshold", FAILURE_THRESHOLD));
    return new Result(twins, hub, w, List.copyOf(estimates),
        accuracy(estimates.stream().mapToDouble(Estimate::similarityRul).toArray(), truth),
        accuracy(estimates.stream().mapToDouble(Estimate::trendRul).toArray(), truth), soon);
  }

  /**
   * Ingests an engine's health index cycle by cycle (and, for engines in service, each sensor's
   * reading) through the hub, cycle {@code c} at {@code origin + c} hours; returns the curve
   * smoothed by a trailing mean of {@link #SMOOTHING} cycles, as the rule keeps it in the
   * engine's {@code healthIndex}.
   */
  private static double[] replay(TelemetryHub hub, String id, double[] w, List<double[]> rows, long origin,
      boolean sensors) {
    Twins twins = hub.twins();
    double[] smooth = new double[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      double[] row = rows.get(i);
      long t = origin + (long) row[1] * CYCLE_MILLIS;
      if (sensors) {
        for (int s : SENSORS) {
          hub.ingest(id + "-s" + s, "reading", t, row[4 + s]);
        }
        twins.patch(id, JsonPatch.builder().replace("/cycles", (int) row[1]).build());
      }
      hub.ingest(id, "health", t, healthIndex(w, row));
      smooth[i] = twins.twin(id).orElseThrow().number("healthIndex").orElseThrow();
    }
    return smooth;
  }

  /** Median remaining life of the closest retired curves, each matched at its best offset. */
  static double similarity(double[] curve, List<double[]> retired) {
    int n = curve.length;
    List<double[]> candidates = new ArrayList<>(); // distance, remaining life
    for (double[] past : retired) {
      int life = past.length;
      if (life < n) {
        continue;
      }
      double best = Double.POSITIVE_INFINITY;
      int bestOffset = 0;
      for (int offset = 0; offset + n <= life; offset++) {
        double d = 0;
        for (int i = 0; i < n && d < best * n; i++) {
          double e = past[offset + i] - curve[i];
          d += e * e;
        }
        d /= n;
        if (d < best) {
          best = d;
          bestOffset = offset;
        }
      }
      candidates.add(new double[] {best, life - (bestOffset + n)});
    }
    candidates.sort(Comparator.comparingDouble(c -> c[0]));
    double[] remaining = candidates.stream().limit(NEIGHBOURS).mapToDouble(c -> c[1]).sorted().toArray();
    int k = remaining.length;
    return k % 2 == 1 ? remaining[k / 2] : (remaining[k / 2 - 1] + remaining[k / 2]) / 2;
  }

  static Accuracy accuracy(double[] predicted, int[] truth) {
    double sq = 0;
    double score = 0;
    for (int i = 0; i < truth.length; i++) {
      double d = predicted[i] - truth[i];
      sq += d * d;
      score += d < 0 ? Math.exp(-d / 13) - 1 : Math.exp(d / 10) - 1;
    }
    return new Accuracy(Math.sqrt(sq / truth.length), score);
  }

  static void print(Result r) {
    System.out.println("Engines: " + r.twins() + "; 100 retired engines flown to failure, 100 in service replayed\n");
    System.out.println("Which engines will reach the failure threshold within " + HORIZON + " cycles? (a query; "
        + "one cycle is an hour on the series' time axis)\n  " + FAILING_SOON.replace("@threshold", "0.0") + "\n"
        + r.failingSoonQuery() + "\n");
    List<Estimate> soon = r.failingSoon();
    Table t = Table.of("The same engines with the trend of the last " + TREND_CYCLES + " cycles, the similarity estimate and the truth",
        "engine", "cycles flown", "health index", "trend / cycle", "cycles to threshold", "similarity RUL",
        "true RUL");
    for (Estimate e : soon) {
      t.row(e.engine(), e.cycles(), Table.fmt(e.healthIndex(), 3), Table.fmt(e.slopePerCycle(), 4),
          Table.fmt(e.forecast(), 1), Table.fmt(e.similarityRul(), 1), e.trueRul());
    }
    System.out.println(t);
    long trulySoon = r.estimates().stream().filter(e -> e.trueRul() <= HORIZON).count();
    long hits = soon.stream().filter(e -> e.trueRul() <= HORIZON).count();
    System.out.println(soon.size() + " engines flagged; " + hits + " of them truly fail within " + HORIZON
        + " cycles; " + trulySoon + " engines truly do (so " + (trulySoon - hits) + " missed).\n");

    Table acc = Table.of("Remaining-useful-life estimate against RUL_FD001.txt (100 engines; lower is better)",
        "method", "RMSE", "PHM08 score");
    acc.row("Twins: health-index similarity (median of " + NEIGHBOURS + " closest failures)",
        Table.fmt(r.similarity().rmse(), 2), Table.fmt(r.similarity().score(), 0));
    acc.row("Twins: health-index trend, last " + TREND_CYCLES + " cycles (capped at " + (int) TREND_CAP + ")",
        Table.fmt(r.trend().rmse(), 2), Table.fmt(r.trend().score(), 0));
    acc.row("published: MLP (Babu et al. 2016)", "37.56", "18000");
    acc.row("published: SVR (Babu et al. 2016)", "20.96", "1380");
    acc.row("published: RVR (Babu et al. 2016)", "23.80", "1500");
    acc.row("published: CNN (Babu, Zhao, Li 2016)", "18.45", "1287");
    acc.row("published: Deep LSTM (Zheng et al. 2017)", "16.14", "338");
    acc.row("published: MODBNE (Zhang et al. 2017)", "15.04", "334");
    acc.row("published: DCNN (Li, Ding, Sun 2018)", "12.61", "274");
    acc.row("published: AGCNN (Liu et al. 2020)", "12.42", "226");
    acc.row("floor: always the mean true RUL (75.52)", "41.56", "12229");
    System.out.println(acc);
  }

  /** Estimated against true RUL, one dot per engine, with the diagonal. */
  static Svg picture(Result r) {
    int size = 420;
    int m = 50;
    double max = 200;
    Svg svg = new Svg(size + m + 20, size + m + 40);
    java.util.function.DoubleUnaryOperator x = v -> m + v / max * size;
    java.util.function.DoubleUnaryOperator y = v -> 30 + size - v / max * size;
    svg.rect(m, 30, size, size, "white", "#444");
    svg.line(x.applyAsDouble(0), y.applyAsDouble(0), x.applyAsDouble(max), y.applyAsDouble(max), "#999", 1);
    for (int v = 0; v <= max; v += 50) {
      svg.text(x.applyAsDouble(v), 30 + size + 16, 11, "middle", String.valueOf(v));
      svg.text(m - 6, y.applyAsDouble(v) + 4, 11, "end", String.valueOf(v));
    }
    for (Estimate e : r.estimates()) {
      svg.circle(x.applyAsDouble(e.trueRul()), y.applyAsDouble(e.similarityRul()), 3, Svg.PALETTE[0]);
    }
    svg.text(m + size / 2.0, 20, 13, "middle", String.format(java.util.Locale.ROOT,
        "FD001: similarity RUL estimate vs truth (RMSE %.2f)", r.similarity().rmse()));
    svg.text(m + size / 2.0, size + m + 30, 12, "middle", "true remaining cycles");
    svg.text(12, 30 + size / 2.0, 12, "start", "est.");
    return svg;
  }
}
