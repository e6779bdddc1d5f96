package dev.twins.bench.peers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The time series of a {@link PeerPortfolio} that the analytics workloads ask about, seeded and
 * shared by every engine, with the answers computed from them directly:
 *
 * <ul>
 *   <li>every air handler's supply air temperature ({@value #SUPPLY}), one sample a minute for the
 *       {@value #SUPPLY_SAMPLES} minutes up to {@link #now()}: a drift upwards of 0.3–2.5 °C per
 *       hour from 12–15 °C (a fouling coil), plus noise, so that every trend reaches the
 *       {@value #SUPPLY_LIMIT} °C threshold in the future;</li>
 *   <li>every room's occupancy ({@value #OCCUPIED}), a boolean every 15 minutes for the week up to
 *       {@link #now()}: each room has a popularity; rooms are used mostly on working days from
 *       8:00 to 18:00.</li>
 * </ul>
 *
 * <p>The structure the answers need (buildings' floors and rooms, floors' air handlers, the rooms
 * an air handler {@code feeds}) is read from the portfolio's relationships.
 */
public final class PortfolioSeries {
  /** The name of the air handlers' supply temperature series. */
  public static final String SUPPLY = "supplyTemperature";
  /** The name of the rooms' occupancy series. */
  public static final String OCCUPIED = "occupied";
  /** Samples of supply temperature per air handler, one a minute. */
  public static final int SUPPLY_SAMPLES = 120;
  /** The spacing of supply temperature samples, in milliseconds. */
  public static final long SUPPLY_STEP = 60_000;
  /** The window of the maintenance query: 15 minutes, in milliseconds. */
  public static final long SUPPLY_WINDOW = 15 * 60_000;
  /** The supply temperature whose forecast time ranks the air handlers, in °C. */
  public static final double SUPPLY_LIMIT = 20.0;
  /** How far a room's temperature must be from its setpoint to count as deviating, in °C. */
  public static final double DEVIATION = 1.5;
  /** The spacing of occupancy samples: 15 minutes, in milliseconds. */
  public static final long OCCUPANCY_STEP = 15 * 60_000;
  /** The occupancy window: a week, in milliseconds. */
  public static final long WEEK = 7 * 24 * 3_600_000L;
  /** Occupancy samples per room: a week of them. */
  public static final int OCCUPANCY_SAMPLES = (int) (WEEK / OCCUPANCY_STEP);
  /** How many least-used rooms per building the space-usage answer lists. */
  public static final int LEAST_USED = 20;

  private final PeerPortfolio portfolio;
  private final long now;
  private final int[] airHandlers;
  private final double[][] supply;
  private final int[] rooms;
  private final boolean[][] occupied;
  private final int[] buildings;
  private final int[][] floorsOf;
  private final int[][] roomsOf;
  private final int[][] airHandlersOf;
  private final int[][] fedBy;

  private PortfolioSeries(PeerPortfolio p, long now, long seed) {
    this.portfolio = p;
    this.now = now;
    int n = p.twinCount();
    List<List<Integer>> hasPart = new ArrayList<>();
    List<List<Integer>> contains = new ArrayList<>();
    List<List<Integer>> feeds = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      hasPart.add(null);
      contains.add(null);
      feeds.add(null);
    }
    for (int r = 0; r < p.relationshipCount(); r++) {
      String name = p.relationshipName(r);
      List<List<Integer>> into = name.equals("hasPart") ? hasPart : name.equals("contains") ? contains
          : name.equals("feeds") ? feeds : null;
      if (into == null) continue;
      int s = p.source(r);
      if (into.get(s) == null) into.set(s, new ArrayList<>());
      into.get(s).add(p.target(r));
    }
    this.buildings = p.indexesOf(PeerPortfolio.Kind.BUILDING);
    this.floorsOf = new int[n][];
    this.roomsOf = new int[n][];
    this.airHandlersOf = new int[n][];
    this.fedBy = new int[n][];
    for (int i = 0; i < n; i++) {
      switch (p.kind(i)) {
        case BUILDING -> floorsOf[i] = of(p, hasPart.get(i), PeerPortfolio.Kind.FLOOR);
        case FLOOR -> {
          roomsOf[i] = of(p, hasPart.get(i), PeerPortfolio.Kind.ROOM);
          airHandlersOf[i] = of(p, contains.get(i), PeerPortfolio.Kind.AIR_HANDLER);
        }
        case AIR_HANDLER -> fedBy[i] = of(p, feeds.get(i), PeerPortfolio.Kind.ROOM);
        default -> { }
      }
    }
    SplittableRandom random = new SplittableRandom(seed ^ 0x2545F4914F6CDD1DL);
    this.airHandlers = p.indexesOf(PeerPortfolio.Kind.AIR_HANDLER);
    this.supply = new double[airHandlers.length][SUPPLY_SAMPLES];
    for (int a = 0; a < airHandlers.length; a++) {
      double base = random.nextDouble(12, 15);
      double perHour = random.nextDouble(0.3, 2.5);
      for (int k = 0; k < SUPPLY_SAMPLES; k++) {
        double hours = k / 60.0;
        supply[a][k] = Math.round((base + perHour * hours + random.nextDouble(-0.03, 0.03)) * 100) / 100.0;
      }
    }
    this.rooms = p.indexesOf(PeerPortfolio.Kind.ROOM);
    this.occupied = new boolean[rooms.length][OCCUPANCY_SAMPLES];
    long start = now + 1 - WEEK;
    for (int r = 0; r < rooms.length; r++) {
      double popularity = random.nextDouble(0.02, 0.95);
      for (int k = 0; k < OCCUPANCY_SAMPLES; k++) {
        long t = start + k * OCCUPANCY_STEP;
        long hour = Math.floorMod(t / 3_600_000L, 24);
        long day = Math.floorMod(Math.floorDiv(t, 86_400_000L) + 3, 7); // 1970-01-01 was a Thursday: 0 = Monday
        boolean working = day < 5 && hour >= 8 && hour < 18;
        occupied[r][k] = random.nextDouble() < (working ? popularity : popularity * 0.05);
      }
    }
  }

  private static int[] of(PeerPortfolio p, List<Integer> targets, PeerPortfolio.Kind kind) {
    if (targets == null) return new int[0];
    return targets.stream().mapToInt(Integer::intValue).filter(t -> p.kind(t) == kind).toArray();
  }

  /**
   * Generates the series of a portfolio.
   *
   * @param portfolio the portfolio
   * @param nowMillis the time the questions are asked, epoch milliseconds, a whole hour: the last
   *     supply sample is at that time
   * @param seed the seed
   * @return the series
   * @throws IllegalArgumentException if {@code nowMillis} is not a whole hour
   */
  public static PortfolioSeries generate(PeerPortfolio portfolio, long nowMillis, long seed) {
    if (nowMillis % 3_600_000L != 0) throw new IllegalArgumentException("now must be a whole hour, got " + nowMillis);
    return new PortfolioSeries(portfolio, nowMillis, seed);
  }

  /** @return the portfolio */
  public PeerPortfolio portfolio() {
    return portfolio;
  }

  /** @return the time the questions are asked, epoch milliseconds */
  public long now() {
    return now;
  }

  /** @return the twin indexes of the air handlers, in the order of {@link #supplyTime} */
  public int[] airHandlers() {
    return airHandlers.clone();
  }

  /**
   * @param a an air handler's position in {@link #airHandlers()}
   * @param k a sample, from 0 to {@value #SUPPLY_SAMPLES} − 1
   * @return its supply temperature, °C
   */
  public double supply(int a, int k) {
    return supply[a][k];
  }

  /** @param k a sample @return its time, epoch milliseconds */
  public long supplyTime(int k) {
    return now - (SUPPLY_SAMPLES - 1 - k) * SUPPLY_STEP;
  }

  /** @return the twin indexes of the rooms, in the order of {@link #occupied(int, int)} */
  public int[] rooms() {
    return rooms.clone();
  }

  /**
   * @param r a room's position in {@link #rooms()}
   * @param k a sample, from 0 to {@value #OCCUPANCY_SAMPLES} − 1
   * @return whether it was occupied then
   */
  public boolean occupied(int r, int k) {
    return occupied[r][k];
  }

  /**
   * @param k a sample
   * @return its time, epoch milliseconds: the samples start at the first millisecond of the
   *     queries' window, {@code [now + 1 - week, now + 1)}, so that each one holds exactly 15
   *     minutes of it
   */
  public long occupancyTime(int k) {
    return now + 1 - WEEK + k * OCCUPANCY_STEP;
  }

  /** @return the twin indexes of the buildings */
  public int[] buildings() {
    return buildings.clone();
  }

  /** @param building a building's twin index @return its floors' twin indexes */
  public int[] floorsOf(int building) {
    return floorsOf[building].clone();
  }

  /** @param floor a floor's twin index @return its rooms' twin indexes */
  public int[] roomsOf(int floor) {
    return roomsOf[floor].clone();
  }

  /**
   * The answer of the maintenance query for one building (workload 5), from the series directly.
   *
   * @param building the building's twin index
   * @return the rows, ranked
   */
  public List<MaintenanceRow> maintenance(int building) {
    List<MaintenanceRow> out = new ArrayList<>();
    long to = now + 1;
    long from = to - SUPPLY_WINDOW;
    int[] position = new int[portfolio.twinCount()];
    for (int a = 0; a < airHandlers.length; a++) position[airHandlers[a]] = a;
    for (int f : floorsOf[building]) {
      for (int ahu : airHandlersOf[f]) {
        Fit fit = new Fit();
        for (int k = 0; k < SUPPLY_SAMPLES; k++) {
          long t = supplyTime(k);
          if (t >= from && t < to) fit.add(t - from, supply[position[ahu]][k]);
        }
        for (int room : fedBy[ahu]) {
          double deviation = deviation(room);
          if (Math.abs(deviation) > DEVIATION) {
            out.add(new MaintenanceRow(portfolio.id(ahu), fit.mean(), fit.slopePerHour(),
                fit.millisUntil(SUPPLY_LIMIT, to - from), portfolio.id(room), deviation));
          }
        }
      }
    }
    out.sort(MaintenanceRow.RANKING);
    return out;
  }

  /** @param room a room's twin index @return its temperature minus its setpoint */
  double deviation(int room) {
    Object[] v = portfolio.propertyValues(room);
    List<String> names = Arrays.asList(portfolio.propertyNames(room));
    return (Double) v[names.indexOf("temperature")] - (Double) v[names.indexOf("setpoint")];
  }

  /**
   * The answer of the space usage roll-up (workload 6), from the series directly.
   *
   * @return the usage of every floor and building and the least-used rooms of every building
   */
  public SpaceUsage spaceUsage() {
    Map<String, Double> room = new LinkedHashMap<>();
    for (int r = 0; r < rooms.length; r++) {
      int n = 0;
      for (boolean o : occupied[r]) if (o) n++;
      room.put(portfolio.id(rooms[r]), n / (double) OCCUPANCY_SAMPLES);
    }
    List<String[]> triples = new ArrayList<>();
    for (int b : buildings) {
      for (int f : floorsOf[b]) {
        for (int r : roomsOf[f]) triples.add(new String[] {portfolio.id(b), portfolio.id(f), portfolio.id(r)});
      }
    }
    return SpaceUsage.rollUp(triples, room::get);
  }

  /** A least-squares line over (time since the window's start, value), as in a series' trend. */
  static final class Fit {
    private long n;
    private double sx;
    private double sy;
    private double sxx;
    private double sxy;

    void set(long n, double sx, double sy, double sxx, double sxy) {
      this.n = n;
      this.sx = sx;
      this.sy = sy;
      this.sxx = sxx;
      this.sxy = sxy;
    }

    void add(double x, double y) {
      n++;
      sx += x;
      sy += y;
      sxx += x * x;
      sxy += x * y;
    }

    double mean() {
      return sy / n;
    }

    /** @return the slope per millisecond */
    double slope() {
      return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }

    double slopePerHour() {
      return slope() * 3_600_000.0;
    }

    /**
     * @param threshold the value
     * @param at the time the forecast counts from, on the same axis as the samples
     * @return the milliseconds from {@code at} until the line reaches the threshold, -1 if never
     */
    long millisUntil(double threshold, double at) {
      double slope = slope();
      double value = sy / n + slope * (at - sx / n);
      double millis = (threshold - value) / slope;
      return millis >= 0 ? (long) Math.ceil(millis) : -1;
    }
  }

  /**
   * One row of the maintenance answer: an air handler of the building with the 15-minute mean and
   * slope of its supply temperature and the forecast time until it reaches
   * {@value PortfolioSeries#SUPPLY_LIMIT} °C, and one room it feeds whose temperature is more than
   * {@value PortfolioSeries#DEVIATION} °C from its setpoint.
   *
   * @param airHandler the air handler's id
   * @param mean the mean supply temperature of the last 15 minutes
   * @param slopePerHour its least-squares slope, °C per hour
   * @param millisToLimit the forecast milliseconds until the trend reaches the limit
   * @param room the deviating room's id
   * @param deviation the room's temperature minus its setpoint
   */
  public record MaintenanceRow(String airHandler, double mean, double slopePerHour, long millisToLimit, String room,
      double deviation) {
    /** Soonest forecast first, then by air handler and room. */
    public static final Comparator<MaintenanceRow> RANKING = Comparator.comparingLong(MaintenanceRow::millisToLimit)
        .thenComparing(MaintenanceRow::airHandler).thenComparing(MaintenanceRow::room);

    /**
     * Whether another row gives the same answer: same air handler and room, numbers equal within
     * rounding (1e-6 relative; the forecast within 2 ms, as engines round the fitted line
     * differently).
     *
     * @param o the other row
     * @return whether they agree
     */
    public boolean agrees(MaintenanceRow o) {
      return airHandler.equals(o.airHandler) && room.equals(o.room) && close(mean, o.mean)
          && close(slopePerHour, o.slopePerHour) && Math.abs(millisToLimit - o.millisToLimit) <= 2
          && close(deviation, o.deviation);
    }
  }

  static boolean close(double a, double b) {
    return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
  }

  /**
   * Checks an engine's maintenance answer against the expected one.
   *
   * @param engine the engine's name
   * @param building the building id
   * @param expected the expected rows
   * @param got the engine's rows
   * @throws IllegalStateException naming the first row that differs
   */
  static void checkMaintenance(String engine, String building, List<MaintenanceRow> expected, List<MaintenanceRow> got) {
    for (int k = 0; k < Math.max(expected.size(), got.size()); k++) {
      MaintenanceRow e = k < expected.size() ? expected.get(k) : null;
      MaintenanceRow g = k < got.size() ? got.get(k) : null;
      if (e == null || g == null || !e.agrees(g)) {
        throw new IllegalStateException(engine + " ranks the air handlers of " + building + " differently at row "
            + (k + 1) + ": got " + g + ", expected " + e + " (" + got.size() + " rows, expected " + expected.size() + ")");
      }
    }
  }
}
