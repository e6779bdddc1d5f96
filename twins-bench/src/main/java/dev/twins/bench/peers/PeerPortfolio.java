package dev.twins.bench.peers;

import static dev.twins.core.model.Schemas.STRING;

import dev.twins.bench.BuildingPortfolio;
import dev.twins.core.model.Interface;
import dev.twins.core.model.ModelBuilder;
import dev.twins.core.model.Models;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The engine-neutral description of a seeded building portfolio that every engine of the
 * side-by-side benchmarks loads: twins (id, kind, property values) and relationships (source,
 * name, id, target), with the answers the queries must give computed from it directly.
 *
 * <p>It is a {@link BuildingPortfolio} (sites, buildings, floors, air handlers, rooms, sensors;
 * {@code hasPart}, {@code isPartOf}, {@code contains}, {@code feeds}, {@code isPointOf}) plus
 * people: one twin in 25 is a person, {@code assignedTo} a room drawn uniformly. Two changes to the
 * portfolio's values make the threshold query selective and stable: one temperature sensor in ten
 * reads above 30 °C (30.5–36.5), the others at most 29.5 °C, so that updates that move a value by
 * less than 0.5 (see {@link #nudge}) never change a query's answer.
 */
public final class PeerPortfolio {
  /** The model of people. */
  public static final String PERSON = BuildingPortfolio.PREFIX + "Person;1";
  /** The relationship from a person to the room they are assigned to. */
  public static final String ASSIGNED_TO = "assignedTo";

  /** The relationship names, indexed by {@link #relationshipKind(int)}. */
  static final String[] REL_NAMES = {
    BuildingPortfolio.HAS_PART, BuildingPortfolio.IS_PART_OF, BuildingPortfolio.CONTAINS, BuildingPortfolio.FEEDS,
    BuildingPortfolio.IS_POINT_OF, ASSIGNED_TO
  };

  /** The kinds of twin: the portfolio's and people. */
  public enum Kind {
    /** A site. */
    SITE("Site", BuildingPortfolio.Kind.SITE, "area", "name", "city", "area"),
    /** A building. */
    BUILDING("Building", BuildingPortfolio.Kind.BUILDING, "area", "name", "area", "yearBuilt"),
    /** A floor. */
    FLOOR("Floor", BuildingPortfolio.Kind.FLOOR, "area", "name", "level", "area"),
    /** An air handler. */
    AIR_HANDLER("AirHandler", BuildingPortfolio.Kind.AIR_HANDLER, "supplyAirTemperature", "name",
        "supplyAirTemperature", "fanSpeed", "enabled"),
    /** A room. */
    ROOM("Room", BuildingPortfolio.Kind.ROOM, "temperature", "name", "area", "capacity", "temperature", "setpoint"),
    /** A sensor. */
    SENSOR("Sensor", BuildingPortfolio.Kind.SENSOR, "value", "name", "kind", "unit", "value"),
    /** A person. */
    PERSON("Person", null, null, "name", "role");

    final String label;
    final String model;
    final String hotProperty;
    final String[] properties;

    Kind(String label, BuildingPortfolio.Kind kind, String hotProperty, String... properties) {
      this.label = label;
      this.model = kind == null ? PeerPortfolio.PERSON : kind.model();
      this.hotProperty = hotProperty;
      this.properties = properties;
    }

    /** @return the label of this kind, e.g. {@code Sensor} */
    public String label() {
      return label;
    }

    /** @return the model DTMI */
    public String model() {
      return model;
    }
  }

  private static final Kind[] KINDS = Kind.values();
  private static final String[] ROLES = {"occupant", "facility manager", "technician", "cleaner", "visitor"};

  private final long seed;
  private final int n;
  private final String[] ids;
  private final byte[] kinds;
  private final Object[][] values;
  private final int m;
  private final int[] relSource;
  private final int[] relTarget;
  private final byte[] relKind;
  private final String[] relIds;
  // outgoing relationships by source, in relationship order (compressed rows)
  private final int[] outStart;
  private final int[] outRel;

  private PeerPortfolio(long seed, String[] ids, byte[] kinds, Object[][] values, int[] relSource, int[] relTarget,
      byte[] relKind, String[] relIds) {
    this.seed = seed;
    this.n = ids.length;
    this.ids = ids;
    this.kinds = kinds;
    this.values = values;
    this.m = relSource.length;
    this.relSource = relSource;
    this.relTarget = relTarget;
    this.relKind = relKind;
    this.relIds = relIds;
    this.outStart = new int[n + 1];
    for (int r = 0; r < m; r++) outStart[relSource[r] + 1]++;
    for (int i = 0; i < n; i++) outStart[i + 1] += outStart[i];
    this.outRel = new int[m];
    int[] fill = Arrays.copyOf(outStart, n);
    for (int r = 0; r < m; r++) outRel[fill[relSource[r]]++] = r;
  }

  /**
   * Generates a portfolio of exactly {@code twins} twins.
   *
   * @param twins the number of twins, at least 25
   * @param seed the seed; the same count and seed give the same portfolio
   * @return the portfolio
   * @throws IllegalArgumentException if {@code twins} is less than 25
   */
  public static PeerPortfolio generate(int twins, long seed) {
    if (twins < 25) throw new IllegalArgumentException("twins must be at least 25, got " + twins);
    int people = twins / 25;
    BuildingPortfolio b = BuildingPortfolio.generate(twins - people, seed);
    SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    int nb = b.twinCount();
    String[] ids = new String[twins];
    byte[] kinds = new byte[twins];
    Object[][] values = new Object[twins][];
    List<Integer> rooms = new ArrayList<>();
    for (int i = 0; i < nb; i++) {
      Kind k = KINDS[b.kind(i).ordinal()];
      Map<String, Object> props = b.properties(i);
      if (!List.copyOf(props.keySet()).equals(List.of(k.properties))) {
        throw new IllegalStateException("portfolio twin " + b.id(i) + " has properties " + props.keySet()
            + ", expected " + List.of(k.properties));
      }
      Object[] v = props.values().toArray();
      if (k == Kind.SENSOR && "temperature".equals(v[1])) {
        v[3] = random.nextInt(10) == 0
            ? Math.round(random.nextDouble(30.5, 36.5) * 10) / 10.0
            : Math.min((Double) v[3], 29.5);
      }
      if (k == Kind.ROOM) rooms.add(i);
      ids[i] = b.id(i);
      kinds[i] = (byte) k.ordinal();
      values[i] = v;
    }
    int br = b.relationshipCount();
    int mr = br + people;
    int[] src = new int[mr];
    int[] dst = new int[mr];
    byte[] rk = new byte[mr];
    String[] rid = new String[mr];
    List<String> names = List.of(REL_NAMES);
    for (int r = 0; r < br; r++) {
      src[r] = b.source(r);
      dst[r] = b.target(r);
      rk[r] = (byte) names.indexOf(b.relationshipName(r));
      rid[r] = b.relationshipId(r);
    }
    for (int p = 0; p < people; p++) {
      int i = nb + p;
      ids[i] = "P" + (p + 1);
      kinds[i] = (byte) Kind.PERSON.ordinal();
      values[i] = new Object[] {"Person " + (p + 1), ROLES[random.nextInt(ROLES.length)]};
      if (!rooms.isEmpty()) {
        int room = rooms.get(random.nextInt(rooms.size()));
        int r = br + p;
        src[r] = i;
        dst[r] = room;
        rk[r] = (byte) names.indexOf(ASSIGNED_TO);
        rid[r] = ASSIGNED_TO + "-" + ids[room];
      }
    }
    if (rooms.isEmpty()) mr = br;
    return new PeerPortfolio(seed, ids, kinds, values, Arrays.copyOf(src, mr), Arrays.copyOf(dst, mr),
        Arrays.copyOf(rk, mr), Arrays.copyOf(rid, mr));
  }

  /**
   * The models: {@link BuildingPortfolio#models()} and {@code Person} ({@code name}, {@code role},
   * relationship {@code assignedTo}).
   *
   * @return the model set
   */
  public static Models models() {
    List<Interface> all = new ArrayList<>(BuildingPortfolio.models().interfaces());
    all.addAll(ModelBuilder.create()
        .define(PERSON, p -> p.displayName("Person")
            .property("name", STRING, x -> x.writable())
            .property("role", STRING, x -> x.writable())
            .relationship(ASSIGNED_TO, r -> r.maxMultiplicity(1)))
        .build().interfaces());
    return Models.of(all);
  }

  /** @return the seed */
  public long seed() {
    return seed;
  }

  /** @return the number of twins */
  public int twinCount() {
    return n;
  }

  /** @return the number of relationships */
  public int relationshipCount() {
    return m;
  }

  /**
   * @param i a twin index, from 0 to {@link #twinCount()} − 1
   * @return its id
   */
  public String id(int i) {
    return ids[i];
  }

  /**
   * @param i a twin index
   * @return its kind
   */
  public Kind kind(int i) {
    return KINDS[kinds[i]];
  }

  /**
   * @param i a twin index
   * @return its property names, in order, shared by every twin of its kind
   */
  public String[] propertyNames(int i) {
    return KINDS[kinds[i]].properties;
  }

  /**
   * @param i a twin index
   * @return its property values, in the order of {@link #propertyNames(int)} ({@code String},
   *     {@code Double}, {@code Integer}, {@code Boolean}); do not modify
   */
  public Object[] propertyValues(int i) {
    return values[i];
  }

  /**
   * @param i a twin index
   * @return the numeric property that updates change, or {@code null} for people
   */
  public String hotProperty(int i) {
    return KINDS[kinds[i]].hotProperty;
  }

  /**
   * @param i a twin index
   * @return the generated value of its hot property
   */
  public double hotValue(int i) {
    Kind k = KINDS[kinds[i]];
    return ((Number) values[i][Arrays.asList(k.properties).indexOf(k.hotProperty)]).doubleValue();
  }

  /**
   * A new value for an update of a twin's hot property: the generated value moved by less than
   * 0.5, so that no temperature crosses the query threshold of 30 °C.
   *
   * @param i a twin index (not a person)
   * @param random the random source
   * @return the value, rounded to 0.01
   */
  public double nudge(int i, SplittableRandom random) {
    return Math.round((hotValue(i) + random.nextDouble(-0.45, 0.45)) * 100) / 100.0;
  }

  /** @param r a relationship index @return its source twin index */
  public int source(int r) {
    return relSource[r];
  }

  /** @param r a relationship index @return its target twin index */
  public int target(int r) {
    return relTarget[r];
  }

  /** @param r a relationship index @return its name */
  public String relationshipName(int r) {
    return REL_NAMES[relKind[r]];
  }

  /** @param r a relationship index @return the index of its name in the relationship names */
  int relationshipKind(int r) {
    return relKind[r];
  }

  /** @param r a relationship index @return its id, unique for its source */
  public String relationshipId(int r) {
    return relIds[r];
  }

  /**
   * @param kind a kind
   * @return the indexes of the twins of that kind, in generation order
   */
  public int[] indexesOf(Kind kind) {
    int c = 0;
    for (int i = 0; i < n; i++) if (kinds[i] == kind.ordinal()) c++;
    int[] out = new int[c];
    c = 0;
    for (int i = 0; i < n; i++) if (kinds[i] == kind.ordinal()) out[c++] = i;
    return out;
  }

  /**
   * The answer of the scoped threshold query, computed from the description: the temperature
   * sensors reached from the twin along the scope's path whose value is above the threshold.
   *
   * @param start the index of the scope's twin (a building, floor or air handler)
   * @param scope the scope
   * @param threshold the threshold in °C
   * @return the sensor ids, sorted
   */
  public List<String> hotSensors(int start, Scope scope, double threshold) {
    int[] frontier = {start};
    int size = 1;
    for (String step : scope.path()) {
      int kind = Arrays.asList(REL_NAMES).indexOf(step);
      int[] next = new int[16];
      int k = 0;
      for (int f = 0; f < size; f++) {
        int t = frontier[f];
        for (int e = outStart[t]; e < outStart[t + 1]; e++) {
          int r = outRel[e];
          if (relKind[r] != kind) continue;
          if (k == next.length) next = Arrays.copyOf(next, k * 2);
          next[k++] = relTarget[r];
        }
      }
      frontier = next;
      size = k;
    }
    List<String> out = new ArrayList<>();
    for (int f = 0; f < size; f++) {
      int t = frontier[f];
      if (kinds[t] == Kind.SENSOR.ordinal() && "temperature".equals(values[t][1])
          && ((Double) values[t][3]) > threshold) {
        out.add(ids[t]);
      }
    }
    out.sort(null);
    return out;
  }

  /** Renders the counts. */
  @Override
  public String toString() {
    return "PeerPortfolio[twins=" + n + ", relationships=" + m + ", seed=" + seed + "]";
  }
}
