package dev.twins.bench.peers;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A seeded stream of sensor readings for a {@link PeerPortfolio}, in arrival order, as devices
 * deliver them: which sensor reports is Zipf-distributed (a few sensors report very often, most
 * rarely), about 5 % of the readings arrive late (after readings with later timestamps) and about
 * 1 % are exact duplicates of a reading delivered shortly before.
 *
 * <p>Readings are spaced evenly in time at the given rate, before the late ones are moved back by
 * 1–50 spacings. Values are each sensor's generated value moved by less than 0.5
 * ({@link PeerPortfolio#nudge}), so that no temperature crosses the 30 °C of the threshold query.
 * The same portfolio, size, rate and seed always give the same stream.
 */
public final class TelemetryStream {
  /** The Zipf exponent of the sensors' popularity. */
  public static final double ZIPF_EXPONENT = 1.0;
  /** The share of readings delayed past later ones. */
  public static final double LATE = 0.05;
  /** The share of readings that repeat an earlier one. */
  public static final double DUPLICATES = 0.01;

  private final PeerPortfolio portfolio;
  private final int[] sensor;
  private final long[] time;
  private final double[] value;
  private final int outOfOrder;
  private final int duplicates;

  private TelemetryStream(PeerPortfolio portfolio, int[] sensor, long[] time, double[] value, int outOfOrder,
      int duplicates) {
    this.portfolio = portfolio;
    this.sensor = sensor;
    this.time = time;
    this.value = value;
    this.outOfOrder = outOfOrder;
    this.duplicates = duplicates;
  }

  /**
   * Generates a stream.
   *
   * @param p the portfolio, with at least one sensor
   * @param readings the number of readings, at least 1
   * @param perSecond the readings per second of the whole portfolio, at least 1
   * @param startMicros the time of the first reading, in microseconds since the epoch
   * @param seed the seed
   * @return the stream
   * @throws IllegalArgumentException if an argument is out of range or the portfolio has no sensor
   */
  public static TelemetryStream generate(PeerPortfolio p, int readings, int perSecond, long startMicros, long seed) {
    if (readings < 1) throw new IllegalArgumentException("readings must be at least 1, got " + readings);
    if (perSecond < 1) throw new IllegalArgumentException("perSecond must be at least 1, got " + perSecond);
    int[] sensors = p.indexesOf(PeerPortfolio.Kind.SENSOR);
    if (sensors.length == 0) throw new IllegalArgumentException("the portfolio " + p + " has no sensor");
    SplittableRandom random = new SplittableRandom(seed);
    // popularity rank -> sensor: a seeded shuffle, so popular sensors are spread over the portfolio
    int[] byRank = sensors.clone();
    for (int k = byRank.length - 1; k > 0; k--) {
      int j = random.nextInt(k + 1);
      int t = byRank[k];
      byRank[k] = byRank[j];
      byRank[j] = t;
    }
    double[] cdf = new double[byRank.length];
    double sum = 0;
    for (int k = 0; k < cdf.length; k++) cdf[k] = sum += 1 / Math.pow(k + 1, ZIPF_EXPONENT);
    double step = 1e6 / perSecond;
    // originals in time order, each with its arrival key (its time, or later for the late ones)
    int originals = readings - (int) Math.round(readings * DUPLICATES);
    int[] os = new int[originals];
    long[] ot = new long[originals];
    double[] ov = new double[originals];
    double[] arrival = new double[originals];
    Integer[] order = new Integer[originals];
    for (int k = 0; k < originals; k++) {
      int rank = Arrays.binarySearch(cdf, random.nextDouble() * sum);
      os[k] = byRank[rank < 0 ? Math.min(-rank - 1, cdf.length - 1) : rank];
      ot[k] = startMicros + Math.round(k * step);
      ov[k] = p.nudge(os[k], random);
      arrival[k] = random.nextDouble() < LATE ? k + 1 + random.nextInt(50) + 0.5 : k;
      order[k] = k;
    }
    Arrays.sort(order, (a, b) -> Double.compare(arrival[a], arrival[b]));
    int[] s = new int[readings];
    long[] t = new long[readings];
    double[] v = new double[readings];
    int next = 0;
    int dups = 0;
    int late = 0;
    long latest = Long.MIN_VALUE;
    for (int k = 0; k < readings; k++) {
      boolean copy = next == originals || (k > 0 && dups < readings - originals && random.nextDouble() < DUPLICATES * 1.2);
      if (copy) {
        int from = k - 1 - random.nextInt(Math.min(k, 100));
        s[k] = s[from];
        t[k] = t[from];
        v[k] = v[from];
        dups++;
      } else {
        int o = order[next++];
        s[k] = os[o];
        t[k] = ot[o];
        v[k] = ov[o];
        if (t[k] < latest) late++;
        latest = Math.max(latest, t[k]);
      }
    }
    return new TelemetryStream(p, s, t, v, late, dups);
  }

  /** @return the portfolio */
  public PeerPortfolio portfolio() {
    return portfolio;
  }

  /** @return the number of readings */
  public int size() {
    return sensor.length;
  }

  /** @param k a reading, in arrival order @return the twin index of its sensor */
  public int sensor(int k) {
    return sensor[k];
  }

  /** @param k a reading @return its sensor's twin id */
  public String sensorId(int k) {
    return portfolio.id(sensor[k]);
  }

  /** @param k a reading @return its time, in microseconds since the epoch */
  public long timeMicros(int k) {
    return time[k];
  }

  /** @param k a reading @return its value */
  public double value(int k) {
    return value[k];
  }

  /** @return how many readings (not counting duplicates) arrive after one with a later time */
  public int outOfOrder() {
    return outOfOrder;
  }

  /** @return how many readings repeat an earlier one exactly (sensor, time and value) */
  public int duplicates() {
    return duplicates;
  }

  /** Renders the counts. */
  @Override
  public String toString() {
    return "TelemetryStream[readings=" + size() + ", outOfOrder=" + outOfOrder + ", duplicates=" + duplicates + "]";
  }
}
