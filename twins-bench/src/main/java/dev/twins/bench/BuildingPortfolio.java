package dev.twins.bench;

import static dev.twins.core.model.Schemas.BOOLEAN;
import static dev.twins.core.model.Schemas.DOUBLE;
import static dev.twins.core.model.Schemas.INTEGER;
import static dev.twins.core.model.Schemas.STRING;
import static dev.twins.core.model.Schemas.enumOf;

import dev.twins.core.graph.Twins;
import dev.twins.core.model.ModelBuilder;
import dev.twins.core.model.Models;
import dev.twins.core.model.PrimitiveSchema;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A seeded, synthetic portfolio of buildings as a twin graph, for benchmarks: sites, buildings,
 * floors, air handlers, rooms and sensors, with their DTDL models ({@link #models()}).
 *
 * <p>Shape (all counts drawn uniformly from the seeded random source):
 *
 * <ul>
 *   <li>a site has 1–6 buildings, a building 2–20 floors, a floor 8–32 rooms and one air handler
 *       per 12 rooms (rounded up), a room 2–6 sensors (temperature first, then humidity, CO2,
 *       occupancy, illuminance, VOC);
 *   <li>the spatial hierarchy is linked both ways, as RealEstateCore does: {@code hasPart} from a
 *       site to its buildings, a building to its floors and a floor to its rooms, and
 *       {@code isPartOf} back;
 *   <li>{@code contains} from a floor to its air handlers and from a room to its sensors;
 *   <li>{@code feeds} from an air handler to each room it serves (the rooms of its floor, split
 *       evenly);
 *   <li>{@code isPointOf} from each sensor to its room and to the air handler that feeds the room
 *       (a room sensor is a point of the control loop of its air handler).
 * </ul>
 *
 * <p>So a room with its four sensors is five twins and fifteen relationships: a large portfolio
 * has about 2.95 relationships per twin (1,000,000 twins give about 2.95 million relationships).
 * Generation stops at exactly the requested number of twins, possibly in the middle of a floor;
 * a relationship is generated only when both its twins are.
 *
 * <p>Every twin has a {@code name} and the properties of its kind, all set (areas, year built,
 * level, capacity, temperatures, setpoints, fan speed, sensor kind, unit and value); see
 * {@link Kind#hotProperty()} for the numeric property that changes most often. The same twin
 * count and seed always give the same ids, properties and relationships in the same order.
 *
 * <pre>{@code
 * Models models = BuildingPortfolio.models();
 * BuildingPortfolio p = BuildingPortfolio.generate(100_000, 42);
 * Twins twins = p.load(models);   // twins first, then relationships, like an import
 * }</pre>
 *
 * <p>The generated input is held compactly (ids, one small ordered map of property values per
 * twin, relationship endpoints as twin indexes) so that {@link #load} measures the graph, not the
 * making of its input.
 */
public final class BuildingPortfolio {
  /** The DTMI prefix of the portfolio's models. */
  public static final String PREFIX = "dtmi:twins:bench:";
  /** Base of everything: a {@code name}. */
  public static final String ASSET = PREFIX + "Asset;1";
  /** Base of sites, buildings, floors and rooms: {@code area}, {@code hasPart}, {@code isPartOf}, {@code contains}. */
  public static final String SPACE = PREFIX + "Space;1";
  /** Base of air handlers: {@code feeds}. */
  public static final String EQUIPMENT = PREFIX + "Equipment;1";

  /** The relationship from a space to its parts. */
  public static final String HAS_PART = "hasPart";
  /** The relationship from a part to its space. */
  public static final String IS_PART_OF = "isPartOf";
  /** The relationship from a space to the equipment and sensors in it. */
  public static final String CONTAINS = "contains";
  /** The relationship from an air handler to the rooms it serves. */
  public static final String FEEDS = "feeds";
  /** The relationship from a sensor to what it measures. */
  public static final String IS_POINT_OF = "isPointOf";

  private static final String[] REL_NAMES = {HAS_PART, IS_PART_OF, CONTAINS, FEEDS, IS_POINT_OF};

  /** The kinds of twin, each with its model. */
  public enum Kind {
    /** A campus or address: {@code name}, {@code city}, {@code area}. */
    SITE("Site", "area", "name", "city", "area"),
    /** A building: {@code name}, {@code area}, {@code yearBuilt}. */
    BUILDING("Building", "area", "name", "area", "yearBuilt"),
    /** A storey: {@code name}, {@code level}, {@code area}. */
    FLOOR("Floor", "area", "name", "level", "area"),
    /** An air handling unit: {@code name}, {@code supplyAirTemperature}, {@code fanSpeed}, {@code enabled}. */
    AIR_HANDLER("AirHandler", "supplyAirTemperature", "name", "supplyAirTemperature", "fanSpeed", "enabled"),
    /** A room: {@code name}, {@code area}, {@code capacity}, {@code temperature}, {@code setpoint}. */
    ROOM("Room", "temperature", "name", "area", "capacity", "temperature", "setpoint"),
    /** A sensor: {@code name}, {@code kind}, {@code unit}, {@code value}. */
    SENSOR("Sensor", "value", "name", "kind", "unit", "value");

    private final String model;
    private final String hotProperty;
    private final String[] properties;

    Kind(String name, String hotProperty, String... properties) {
      this.model = PREFIX + name + ";1";
      this.hotProperty = hotProperty;
      this.properties = properties;
    }

    /** @return the model DTMI of this kind */
    public String model() {
      return model;
    }

    /**
     * The numeric ({@code double}) property that updates of this kind of twin change: a sensor's
     * {@code value}, a room's {@code temperature}, an air handler's {@code supplyAirTemperature},
     * the {@code area} of the other spaces.
     *
     * @return the property name
     */
    public String hotProperty() {
      return hotProperty;
    }
  }

  private static final Kind[] KINDS = Kind.values();
  private static final String[] SENSOR_KINDS = {"temperature", "humidity", "co2", "occupancy", "illuminance", "voc"};
  private static final String[] SENSOR_CODES = {"TMP", "HUM", "CO2", "OCC", "LUX", "VOC"};
  private static final String[] SENSOR_NAMES = {"Temperature", "Humidity", "CO2", "Occupancy", "Illuminance", "VOC"};
  private static final String[] SENSOR_UNITS = {"degreeCelsius", "percent", "partsPerMillion", "unity", "lux",
      "partsPerBillion"};
  private static final String[] CITIES = {"Amsterdam", "Berlin", "Copenhagen", "Dublin", "Edinburgh", "Frankfurt",
      "Geneva", "Helsinki", "Lisbon", "Madrid", "Oslo", "Prague", "Stockholm", "Vienna", "Warsaw", "Zurich"};

  private final int size;
  private final long seed;
  private final String[] ids;
  private final byte[] kinds;
  private final Object[][] values;
  private final int relationships;
  private final int[] relSource;
  private final int[] relTarget;
  private final byte[] relName;
  private final String[] relIds;

  private BuildingPortfolio(Generator g, long seed) {
    this.size = g.n;
    this.seed = seed;
    this.ids = g.ids;
    this.kinds = g.kinds;
    this.values = g.values;
    this.relationships = g.r;
    this.relSource = Arrays.copyOf(g.relSource, g.r);
    this.relTarget = Arrays.copyOf(g.relTarget, g.r);
    this.relName = Arrays.copyOf(g.relName, g.r);
    this.relIds = Arrays.copyOf(g.relIds, g.r);
  }

  /**
   * Defines the portfolio's models: {@code Asset}, {@code Space} and {@code Equipment} as bases,
   * and one Interface per {@link Kind}, in DTDL v3 with semantic types and units.
   *
   * @return the parsed and resolved models
   */
  public static Models models() {
    return ModelBuilder.create()
        .define(ASSET, a -> a.displayName("Asset")
            .property("name", STRING, p -> p.writable()))
        .define(SPACE, s -> s.displayName("Space").extendsFrom(ASSET)
            .property("area", DOUBLE, p -> p.writable().quantity("Area", "squareMetre"))
            .relationship(HAS_PART, r -> r.target(SPACE))
            .relationship(IS_PART_OF, r -> r.target(SPACE).maxMultiplicity(1))
            .relationship(CONTAINS, r -> r.target(ASSET)))
        .define(EQUIPMENT, e -> e.displayName("Equipment").extendsFrom(ASSET)
            .relationship(FEEDS, r -> r.target(SPACE)))
        .define(Kind.SITE.model, s -> s.displayName("Site").extendsFrom(SPACE)
            .property("city", STRING, p -> p.writable()))
        .define(Kind.BUILDING.model, b -> b.displayName("Building").extendsFrom(SPACE)
            .property("yearBuilt", INTEGER, p -> p.writable()))
        .define(Kind.FLOOR.model, f -> f.displayName("Floor").extendsFrom(SPACE)
            .property("level", INTEGER, p -> p.writable()))
        .define(Kind.ROOM.model, r -> r.displayName("Room").extendsFrom(SPACE)
            .property("capacity", INTEGER, p -> p.writable())
            .property("temperature", DOUBLE, p -> p.writable().quantity("Temperature", "degreeCelsius"))
            .property("setpoint", DOUBLE, p -> p.writable().quantity("Temperature", "degreeCelsius")))
        .define(Kind.AIR_HANDLER.model, a -> a.displayName("Air handler").extendsFrom(EQUIPMENT)
            .property("supplyAirTemperature", DOUBLE, p -> p.writable().quantity("Temperature", "degreeCelsius"))
            .property("fanSpeed", DOUBLE, p -> p.writable())
            .property("enabled", BOOLEAN, p -> p.writable()))
        .define(Kind.SENSOR.model, s -> s.displayName("Sensor").extendsFrom(ASSET)
            .property("kind", enumOf(PrimitiveSchema.STRING, SENSOR_KINDS), p -> p.writable())
            .property("unit", STRING, p -> p.writable())
            .property("value", DOUBLE, p -> p.writable())
            .relationship(IS_POINT_OF, r -> r.target(ASSET)))
        .build();
  }

  /**
   * Generates a portfolio.
   *
   * @param twins the number of twins, at least 1
   * @param seed the seed; the same count and seed give the same portfolio
   * @return the portfolio
   * @throws IllegalArgumentException if {@code twins} is less than 1
   */
  public static BuildingPortfolio generate(int twins, long seed) {
    if (twins < 1) throw new IllegalArgumentException("twins must be at least 1, got " + twins);
    Generator g = new Generator(twins, seed);
    g.run();
    return new BuildingPortfolio(g, seed);
  }

  /** @return the number of twins */
  public int twinCount() {
    return size;
  }

  /** @return the number of relationships */
  public int relationshipCount() {
    return relationships;
  }

  /** @return the seed it was generated from */
  public long seed() {
    return seed;
  }

  /**
   * @param i a twin index, from 0 to {@link #twinCount()} − 1, in generation order
   * @return the twin's id, e.g. {@code S3-B2-F7-R12-TMP}
   */
  public String id(int i) {
    return ids[i];
  }

  /**
   * @param i a twin index
   * @return the twin's kind
   */
  public Kind kind(int i) {
    return KINDS[kinds[i]];
  }

  /**
   * @param i a twin index
   * @return the twin's property values, in the order of {@code Kind}'s properties; an unmodifiable
   *     map of {@code String}, {@code Double}, {@code Integer} and {@code Boolean} values
   */
  public Map<String, Object> properties(int i) {
    return new ArrayMap(KINDS[kinds[i]].properties, values[i]);
  }

  /**
   * @param kind a kind
   * @return how many twins are of it
   */
  public int count(Kind kind) {
    int n = 0;
    for (int i = 0; i < size; i++) if (kinds[i] == kind.ordinal()) n++;
    return n;
  }

  /**
   * @param r a relationship index, from 0 to {@link #relationshipCount()} − 1
   * @return the relationship's id, unique for its source twin, e.g. {@code isPointOf-S3-B2-F7-R12}
   */
  public String relationshipId(int r) {
    return relIds[r];
  }

  /**
   * @param r a relationship index
   * @return the relationship name, e.g. {@code hasPart}
   */
  public String relationshipName(int r) {
    return REL_NAMES[relName[r]];
  }

  /**
   * @param r a relationship index
   * @return the index of its source twin
   */
  public int source(int r) {
    return relSource[r];
  }

  /**
   * @param r a relationship index
   * @return the index of its target twin
   */
  public int target(int r) {
    return relTarget[r];
  }

  /**
   * Creates a graph with the portfolio: a new {@link Twins} over the models, then
   * {@link #loadInto}.
   *
   * @param models the models from {@link #models()}
   * @return the graph
   */
  public Twins load(Models models) {
    Twins twins = Twins.create(models);
    loadInto(twins);
    return twins;
  }

  /**
   * Creates every twin, in generation order, then every relationship, like a bulk import: each
   * through {@link Twins#createTwin(String, String, Map)} and {@link Twins#relate}.
   *
   * @param twins a graph over {@link #models()} that holds none of the portfolio's ids yet
   * @throws dev.twins.core.graph.GraphException if the graph refuses a twin or a relationship
   */
  public void loadInto(Twins twins) {
    for (int i = 0; i < size; i++) {
      Kind k = KINDS[kinds[i]];
      twins.createTwin(ids[i], k.model, new ArrayMap(k.properties, values[i]));
    }
    for (int r = 0; r < relationships; r++) {
      twins.relate(ids[relSource[r]], relIds[r], REL_NAMES[relName[r]], ids[relTarget[r]]);
    }
  }

  /** Renders the counts, e.g. {@code BuildingPortfolio[twins=100000, relationships=294870, seed=42]}. */
  @Override
  public String toString() {
    return "BuildingPortfolio[twins=" + size + ", relationships=" + relationships + ", seed=" + seed + "]";
  }

  /** One pass of generation, filling arrays up to the twin count. */
  private static final class Generator {
    final int limit;
    final SplittableRandom random;
    final String[] ids;
    final byte[] kinds;
    final Object[][] values;
    int n;
    int[] relSource = new int[1024];
    int[] relTarget = new int[1024];
    byte[] relName = new byte[1024];
    String[] relIds = new String[1024];
    int r;

    Generator(int limit, long seed) {
      this.limit = limit;
      this.random = new SplittableRandom(seed);
      this.ids = new String[limit];
      this.kinds = new byte[limit];
      this.values = new Object[limit][];
    }

    void run() {
      for (int site = 1; n < limit; site++) site(site);
    }

    private void site(int number) {
      String id = "S" + number;
      int s = add(id, Kind.SITE, "Site " + number, CITIES[random.nextInt(CITIES.length)],
          round(random.nextDouble(5_000, 200_000), 1));
      int buildings = random.nextInt(1, 7);
      for (int b = 1; b <= buildings && n < limit; b++) building(s, id + "-B" + b, b);
    }

    private void building(int site, String id, int number) {
      int b = add(id, Kind.BUILDING, "Building " + number, round(random.nextDouble(1_000, 60_000), 1),
          random.nextInt(1950, 2025));
      linkBothWays(site, b);
      int floors = random.nextInt(2, 21);
      for (int f = 0; f < floors && n < limit; f++) floor(b, id + "-F" + f, f);
    }

    private void floor(int building, String id, int level) {
      int f = add(id, Kind.FLOOR, "Floor " + level, level, round(random.nextDouble(400, 4_000), 1));
      linkBothWays(building, f);
      int rooms = random.nextInt(8, 33);
      int handlers = (rooms + 11) / 12;
      int[] ahu = new int[handlers];
      for (int a = 0; a < handlers; a++) {
        if (n >= limit) return;
        ahu[a] = add(id + "-AHU" + (a + 1), Kind.AIR_HANDLER, "AHU " + level + "." + (a + 1),
            round(random.nextDouble(12, 18), 1), round(random.nextDouble(20, 100), 0), random.nextInt(10) != 0);
        relate(f, CONTAINS, ahu[a]);
      }
      for (int k = 0; k < rooms && n < limit; k++) room(f, id + "-R" + (k + 1), level, k + 1, ahu[k * handlers / rooms]);
    }

    private void room(int floor, String id, int level, int number, int ahu) {
      double setpoint = 20 + 0.5 * random.nextInt(7);
      double temperature = round(setpoint + random.nextDouble(-2, 2), 2);
      int room = add(id, Kind.ROOM, "Room " + level + "." + number, round(random.nextDouble(8, 120), 1),
          random.nextInt(1, 41), temperature, setpoint);
      linkBothWays(floor, room);
      relate(ahu, FEEDS, room);
      int sensors = random.nextInt(2, 7);
      for (int k = 0; k < sensors && n < limit; k++) {
        int s = add(id + "-" + SENSOR_CODES[k], Kind.SENSOR, SENSOR_NAMES[k], SENSOR_KINDS[k], SENSOR_UNITS[k],
            reading(k, temperature));
        relate(room, CONTAINS, s);
        relate(s, IS_POINT_OF, room);
        relate(s, IS_POINT_OF, ahu);
      }
    }

    private double reading(int kind, double temperature) {
      switch (kind) {
        case 0: return temperature;
        case 1: return round(random.nextDouble(25, 65), 1);
        case 2: return round(random.nextDouble(400, 1_400), 0);
        case 3: return random.nextInt(0, 2);
        case 4: return round(random.nextDouble(0, 800), 0);
        default: return round(random.nextDouble(50, 600), 0);
      }
    }

    private int add(String id, Kind kind, Object... propertyValues) {
      int i = n++;
      ids[i] = id;
      kinds[i] = (byte) kind.ordinal();
      values[i] = propertyValues;
      return i;
    }

    private void linkBothWays(int whole, int part) {
      relate(whole, HAS_PART, part);
      relate(part, IS_PART_OF, whole);
    }

    private void relate(int source, String name, int target) {
      if (r == relSource.length) {
        int capacity = r + (r >> 1);
        relSource = Arrays.copyOf(relSource, capacity);
        relTarget = Arrays.copyOf(relTarget, capacity);
        relName = Arrays.copyOf(relName, capacity);
        relIds = Arrays.copyOf(relIds, capacity);
      }
      relSource[r] = source;
      relTarget[r] = target;
      relName[r] = (byte) Arrays.asList(REL_NAMES).indexOf(name);
      relIds[r] = name + "-" + ids[target];
      r++;
    }

    private static double round(double v, int decimals) {
      double scale = Math.pow(10, decimals);
      return Math.round(v * scale) / scale;
    }
  }

}
