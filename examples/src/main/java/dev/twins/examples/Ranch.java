package dev.twins.examples;

import static dev.twins.core.model.Schemas.BOOLEAN;
import static dev.twins.core.model.Schemas.DOUBLE;
import static dev.twins.core.model.Schemas.POINT;
import static dev.twins.core.model.Schemas.POLYGON;
import static dev.twins.core.model.Schemas.STRING;

import dev.twins.core.graph.Condition;
import dev.twins.core.graph.Twins;
import dev.twins.core.model.ModelBuilder;
import dev.twins.core.model.Models;
import dev.twins.core.series.DoubleSeries;
import dev.twins.core.series.GeoPoint;
import dev.twins.core.series.GeoSeries;
import dev.twins.core.series.Polygon;
import dev.twins.core.series.Run;
import dev.twins.core.series.Side;
import dev.twins.core.telemetry.Derivation;
import dev.twins.core.telemetry.Outcome;
import dev.twins.core.telemetry.Rule;
import dev.twins.core.telemetry.TelemetryHub;
import dev.twins.core.telemetry.TelemetryMessage;
import dev.twins.examples.support.Csv;
import dev.twins.examples.support.DataDir;
import dev.twins.examples.support.Svg;
import dev.twins.examples.support.Table;
import dev.twins.query.QueryEngine;
import dev.twins.query.QueryResult;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The ranch: six collared African buffalo of Kruger National Park (Movebank, 24,653 hourly GPS
 * fixes with the collar's temperature, 2005–2006) as twins on a ranch of four pastures.
 *
 * <p>The fixes are replayed in time order into each animal's series (temperature and position)
 * and its twin (location, temperature, pasture). Two rules run on every fix: "collar temperature
 * above {@value #FEVER_CELSIUS} °C without a break for more than a day" (series {@code
 * currentRun}) and "stayed within a radius for more than a day" (series {@code stayWithin}).
 * Readings outside [{@value #MIN_PLAUSIBLE_CELSIUS}, {@value #MAX_PLAUSIBLE_CELSIUS}] °C are
 * collar faults (the file holds −55.6 °C and 105 °C): they are rejected and counted, the position of
 * the fix is kept.
 */
public final class Ranch {
  /** The "fever" threshold on the collar temperature, in °C. */
  public static final double FEVER_CELSIUS = 35.0;
  /** Readings below this are collar faults. */
  public static final double MIN_PLAUSIBLE_CELSIUS = -20.0;
  /** Readings above this are collar faults. */
  public static final double MAX_PLAUSIBLE_CELSIUS = 60.0;
  /** The radius of "has not moved", in metres. */
  public static final double STAY_RADIUS_METRES = 50.0;
  /** A wider radius, for comparison. */
  public static final double WIDE_RADIUS_METRES = 200.0;
  /** "More than a day". */
  public static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

  static final String ZIP = "movebank-kruger-buffalo/Kruger African Buffalo, GPS tracking, South Africa.zip";
  private static final String NS = "dtmi:twins:example:ranch:";
  private static final String RANCH = NS + "Ranch;1";
  private static final String PASTURE = NS + "Pasture;1";
  private static final String ANIMAL = NS + "Animal;1";
  private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  private Ranch() {}

  /** One GPS fix of the file. */
  record Fix(String animal, String tag, long time, double lon, double lat, double celsius) {}

  /**
   * Where an animal is.
   *
   * @param animal its name
   * @param time time of its newest fix (epoch milliseconds)
   * @param lon longitude
   * @param lat latitude
   * @param pasture the pasture holding that point
   */
  public record Position(String animal, long time, double lon, double lat, String pasture) {}

  /**
   * A stretch of time during which a rule held for more than a day.
   *
   * @param animal the animal
   * @param start first fix of the stretch
   * @param end last fix of the stretch
   * @param lon longitude at the last fix
   * @param lat latitude at the last fix
   * @param peak the highest temperature in the stretch (NaN for stays)
   */
  public record Episode(String animal, long start, long end, double lon, double lat, double peak) {
    /** @return the duration in hours */
    public double hours() {
      return (end - start) / 3_600_000.0;
    }
  }

  /**
   * The answers.
   *
   * @param twins the ranch's twin graph after the replay
   * @param hub its telemetry
   * @param fixes fixes replayed
   * @param rejectedReadings temperature readings rejected as collar faults
   * @param fevers stretches above {@link #FEVER_CELSIUS} for more than a day, by start
   * @param now each animal's newest position, by name
   * @param stays for each radius ({@link #STAY_RADIUS_METRES}, {@link #WIDE_RADIUS_METRES}), each
   *     animal's longest stay within it
   * @param whereNow the query answering where the animals with a fever are now, and its rows
   */
  public record Result(Twins twins, TelemetryHub hub, long fixes, long rejectedReadings, List<Episode> fevers,
      Map<String, Position> now, Map<Double, List<Episode>> stays, QueryResult whereNow) {
    /**
     * Returns the stays longer than a day within a radius.
     *
     * @param radius {@link #STAY_RADIUS_METRES} or {@link #WIDE_RADIUS_METRES}
     * @return those stays
     */
    public List<Episode> staysOverADay(double radius) {
      return stays.get(radius).stream().filter(e -> e.end() - e.start() > DAY_MILLIS).toList();
    }
  }

  /**
   * Runs the example on the data folder and prints its answers.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    Path data = DataDir.find();
    Result r = run(data);
    print(r);
    Path svg = picture(r, data).write(DataDir.output(data).resolve("ranch.svg"));
    System.out.println("Map of the tracks: " + svg);
  }

  /** The DTDL models of the ranch. */
  static Models models() {
    return ModelBuilder.create()
        .define(RANCH, i -> i.property("name", STRING).relationship("hasPasture", r -> r.target(PASTURE)))
        .define(PASTURE, i -> i.property("name", STRING).property("boundary", POLYGON))
        .define(ANIMAL, i -> i
            .property("name", STRING)
            .property("species", STRING)
            .property("collar", STRING)
            .property("location", POINT)
            .property("collarTemperature", DOUBLE, p -> p.quantity("Temperature", "degreeCelsius"))
            .property("fever", BOOLEAN)
            .property("stationary", BOOLEAN)
            .telemetry("temperature", DOUBLE)
            .telemetry("position", POINT)
            .relationship("grazesIn", r -> r.target(PASTURE).maxMultiplicity(1)))
        .build();
  }

  static List<Fix> read(Path data) {
    List<Fix> fixes = new ArrayList<>();
    Map<String, Integer> col = new LinkedHashMap<>();
    Csv.linesOfZip(data.resolve(ZIP), line -> {
      List<String> f = Csv.split(line);
      if (col.isEmpty()) {
        for (int i = 0; i < f.size(); i++) {
          col.put(f.get(i), i);
        }
        return;
      }
      long t = LocalDateTime.parse(f.get(col.get("timestamp")), FILE_TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
      fixes.add(new Fix(f.get(col.get("individual-local-identifier")), f.get(col.get("tag-local-identifier")), t,
          Double.parseDouble(f.get(col.get("location-long"))), Double.parseDouble(f.get(col.get("location-lat"))),
          Double.parseDouble(f.get(col.get("external-temperature")))));
    });
    fixes.sort(Comparator.comparingLong(Fix::time)); // stable: file order within a time
    return fixes;
  }

  /**
   * Builds the ranch, replays every fix and answers the questions.
   *
   * @param data the examples' data folder
   * @return the answers
   */
  public static Result run(Path data) {
    List<Fix> fixes = read(data);
    Twins twins = Twins.create(models());
    Map<String, Polygon> pastures = pastures(twins, fixes);

    // Telemetry goes through the hub; rules keep each animal's location, collar temperature and
    // the two alarms ("fever", "stationary") up to date from its own series.
    TelemetryHub hub = TelemetryHub.builder(twins).series(true).build();
    hub.rules().add(Rule.fromTelemetry(ANIMAL, "location", "position", Derivation.last()));
    hub.rules().add(Rule.fromTelemetry(ANIMAL, "collarTemperature", "temperature", Derivation.last()));
    hub.rules().add(Rule.fromTelemetry(ANIMAL, "fever", "temperature",
        Derivation.runLongerThan(Side.ABOVE, FEVER_CELSIUS, Duration.ofMillis(DAY_MILLIS))));
    hub.rules().add(Rule.fromTelemetry(ANIMAL, "stationary", "position",
        Derivation.stationaryLongerThan(STAY_RADIUS_METRES, Duration.ofMillis(DAY_MILLIS))));

    Map<String, Episode> openFever = new TreeMap<>();
    List<Episode> fevers = new ArrayList<>();
    Map<Double, Map<String, Episode>> longest = new TreeMap<>();
    longest.put(STAY_RADIUS_METRES, new TreeMap<>());
    longest.put(WIDE_RADIUS_METRES, new TreeMap<>());
    Map<String, String> pastureOf = new TreeMap<>();
    long rejected = 0;

    for (Fix fix : fixes) {
      String id = fix.animal();
      if (twins.twin(id).isEmpty()) {
        twins.createTwin(id, ANIMAL, Map.of("name", id, "species", "Syncerus caffer", "collar", fix.tag()));
      }
      boolean plausible = fix.celsius() >= MIN_PLAUSIBLE_CELSIUS && fix.celsius() <= MAX_PLAUSIBLE_CELSIUS;
      TelemetryMessage message = TelemetryMessage.of(id, Instant.ofEpochMilli(fix.time()))
          .with("position", point(fix.lon(), fix.lat()));
      if (plausible) {
        message = message.with("temperature", fix.celsius());
      } else {
        rejected++;
      }
      Outcome outcome = hub.ingest(message);
      if (!outcome.accepted()) {
        throw new IllegalStateException("fix of " + id + " at " + time(fix.time()) + " refused: " + outcome);
      }
      if (!fix.tag().equals(twins.twin(id).orElseThrow().property("collar").orElseThrow().asString())) {
        twins.set(id, "collar", fix.tag()); // re-collared
      }
      String pasture = pastureContaining(pastures, fix.lon(), fix.lat());
      if (!pasture.equals(pastureOf.get(id))) {
        if (pastureOf.containsKey(id)) {
          twins.deleteRelation(id, "grazesIn", Condition.none());
        }
        twins.relate(id, "grazesIn", "grazesIn", pasture);
        pastureOf.put(id, pasture);
      }

      // Fever episodes: from the rule's "fever" property; the run's start from the series.
      if (plausible) {
        boolean fever = twins.twin(id).orElseThrow().property("fever").map(v -> v.asBoolean()).orElse(false);
        Episode open = openFever.get(id);
        if (fever) {
          DoubleSeries temperature = (DoubleSeries) hub.series(id, "temperature").orElseThrow();
          Run hot = temperature.currentRun(Side.ABOVE, FEVER_CELSIUS, fix.time()).orElseThrow();
          double peak = open != null ? Math.max(open.peak(), fix.celsius())
              : temperature.stats(hot.start(), fix.time() + 1).max();
          openFever.put(id, new Episode(id, hot.start(), fix.time(), fix.lon(), fix.lat(), peak));
        } else if (open != null) {
          fevers.add(openFever.remove(id));
        }
      }
      // Longest stay within each radius of where it is now.
      GeoSeries position = (GeoSeries) hub.series(id, "position").orElseThrow();
      for (Map.Entry<Double, Map<String, Episode>> e : longest.entrySet()) {
        Run stay = position.stayWithin(e.getKey(), fix.time()).orElseThrow();
        Episode best = e.getValue().get(id);
        if (best == null || stay.durationMillis() > best.end() - best.start()) {
          e.getValue().put(id, new Episode(id, stay.start(), fix.time(), fix.lon(), fix.lat(), Double.NaN));
        }
      }
    }
    fevers.addAll(openFever.values());
    fevers.sort(Comparator.comparingLong(Episode::start));

    Map<String, Position> now = new TreeMap<>();
    for (String id : pastureOf.keySet()) {
      GeoSeries position = (GeoSeries) hub.series(id, "position").orElseThrow();
      GeoPoint p = position.last().orElseThrow();
      now.put(id, new Position(id, position.lastTime().orElseThrow(), p.lon(), p.lat(),
          pastureContaining(pastures, p.lon(), p.lat())));
    }
    Map<Double, List<Episode>> stays = new TreeMap<>();
    longest.forEach((radius, byAnimal) -> stays.put(radius, List.copyOf(byAnimal.values())));
    // "Where are they now": a query over the graph, for the animals that ran a temperature.
    QueryResult whereNow = QueryEngine.of(twins).query("SELECT A.$dtId AS animal, A.collar, P.$dtId AS pasture, "
        + "A.location.coordinates AS lonLat FROM DIGITALTWINS A JOIN P RELATED A.grazesIn WHERE A.$dtId IN @animals ORDER BY A.$dtId",
        Map.of("animals", fevers.stream().map(Episode::animal).distinct().toList()));
    return new Result(twins, hub, fixes.size(), rejected, List.copyOf(fevers), now, stays, whereNow);
  }

  /** Four pastures: the box around every fix, cut in quarters; the ranch twin holds them. */
  private static Map<String, Polygon> pastures(Twins twins, List<Fix> fixes) {
    double minLon = fixes.stream().mapToDouble(Fix::lon).min().orElseThrow() - 0.001;
    double maxLon = fixes.stream().mapToDouble(Fix::lon).max().orElseThrow() + 0.001;
    double minLat = fixes.stream().mapToDouble(Fix::lat).min().orElseThrow() - 0.001;
    double maxLat = fixes.stream().mapToDouble(Fix::lat).max().orElseThrow() + 0.001;
    double midLon = (minLon + maxLon) / 2;
    double midLat = (minLat + maxLat) / 2;
    twins.createTwin("kruger-ranch", RANCH, Map.of("name", "Kruger ranch"));
    Map<String, Polygon> out = new LinkedHashMap<>();
    String[] names = {"north-west", "north-east", "south-west", "south-east"};
    double[][] boxes = {
      {minLon, midLat, midLon, maxLat}, {midLon, midLat, maxLon, maxLat},
      {minLon, minLat, midLon, midLat}, {midLon, minLat, maxLon, midLat}
    };
    for (int i = 0; i < names.length; i++) {
      double[] b = boxes[i];
      List<GeoPoint> ring = List.of(new GeoPoint(b[0], b[1]), new GeoPoint(b[2], b[1]), new GeoPoint(b[2], b[3]),
          new GeoPoint(b[0], b[3]), new GeoPoint(b[0], b[1]));
      Polygon polygon = Polygon.of(ring);
      ObjectNode geo = JSON.objectNode().put("type", "Polygon");
      ArrayNode coords = geo.putArray("coordinates").addArray();
      for (GeoPoint p : ring) {
        coords.addArray().add(p.lon()).add(p.lat());
      }
      twins.createTwin(names[i], PASTURE, Map.of("name", names[i] + " pasture", "boundary", geo));
      twins.relate("kruger-ranch", names[i], "hasPasture", names[i]);
      out.put(names[i], polygon);
    }
    return out;
  }

  private static String pastureContaining(Map<String, Polygon> pastures, double lon, double lat) {
    return pastures.entrySet().stream().filter(e -> e.getValue().contains(lon, lat)).map(Map.Entry::getKey)
        .findFirst().orElseThrow(() -> new IllegalStateException("no pasture holds " + lon + ", " + lat));
  }

  private static JsonNode point(double lon, double lat) {
    ObjectNode p = JSON.objectNode().put("type", "Point");
    p.putArray("coordinates").add(lon).add(lat);
    return p;
  }

  static String time(long millis) {
    return MINUTES.format(Instant.ofEpochMilli(millis));
  }

  /**
   * Prints the answers as tables.
   *
   * @param r the answers
   */
  static void print(Result r) {
    System.out.println("Ranch: " + r.twins() + "; " + r.hub().counts() + ";\n" + r.fixes() + " fixes replayed, " + r.rejectedReadings()
        + " temperature readings rejected as collar faults (outside " + MIN_PLAUSIBLE_CELSIUS + " .. "
        + MAX_PLAUSIBLE_CELSIUS + " °C)\n");
    Table fever = Table.of("Which animals ran a temperature (collar above " + FEVER_CELSIUS
        + " °C) for more than a day, and where are they now?", "animal", "from (UTC)", "to", "hours",
        "peak °C", "where then (lon, lat)", "now (UTC)", "now (lon, lat)", "pasture now");
    for (Episode e : r.fevers()) {
      Position p = r.now().get(e.animal());
      fever.row(e.animal(), time(e.start()), time(e.end()), Table.fmt(e.hours(), 1), Table.fmt(e.peak(), 1),
          lonLat(e.lon(), e.lat()), time(p.time()), lonLat(p.lon(), p.lat()), p.pasture());
    }
    System.out.println(fever);
    System.out.println("Where are they now (a query):\n" + r.whereNow() + "\n");
    for (double radius : r.stays().keySet()) {
      List<Episode> over = r.staysOverADay(radius);
      Table t = Table.of("Longest stay within " + (int) radius + " m of one spot, per animal ("
          + (over.isEmpty() ? "none lasted more than a day" : over.size() + " lasted more than a day: "
          + over.stream().map(Episode::animal).toList()) + ")",
          "animal", "from (UTC)", "to", "hours", "where (lon, lat)", "> 1 day");
      for (Episode e : r.stays().get(radius)) {
        t.row(e.animal(), time(e.start()), time(e.end()), Table.fmt(e.hours(), 0), lonLat(e.lon(), e.lat()),
            e.end() - e.start() > DAY_MILLIS ? "yes" : "no");
      }
      System.out.println(t);
    }
    Table now = Table.of("Where every animal is now (its newest fix)", "animal", "time (UTC)", "lon, lat", "pasture");
    r.now().values().forEach(p -> now.row(p.animal(), time(p.time()), lonLat(p.lon(), p.lat()), p.pasture()));
    System.out.println(now);
  }

  private static String lonLat(double lon, double lat) {
    return Table.fmt(lon, 5) + ", " + Table.fmt(lat, 5);
  }

  /** A map: pastures, every 6th fix of each track, fever places (red) and positions now. */
  static Svg picture(Result r, Path data) {
    List<Fix> fixes = read(data);
    double minLon = fixes.stream().mapToDouble(Fix::lon).min().orElseThrow();
    double maxLon = fixes.stream().mapToDouble(Fix::lon).max().orElseThrow();
    double minLat = fixes.stream().mapToDouble(Fix::lat).min().orElseThrow();
    double maxLat = fixes.stream().mapToDouble(Fix::lat).max().orElseThrow();
    double kx = Math.cos(Math.toRadians((minLat + maxLat) / 2));
    double scale = 760 / Math.max((maxLon - minLon) * kx, maxLat - minLat);
    int w = (int) ((maxLon - minLon) * kx * scale) + 40;
    int h = (int) ((maxLat - minLat) * scale) + 70;
    Svg svg = new Svg(w, h);
    java.util.function.DoubleUnaryOperator x = lon -> 20 + (lon - minLon) * kx * scale;
    java.util.function.DoubleUnaryOperator y = lat -> 40 + (maxLat - lat) * scale;
    svg.line(x.applyAsDouble((minLon + maxLon) / 2), 40, x.applyAsDouble((minLon + maxLon) / 2), h - 30, "#888", 1);
    svg.line(20, y.applyAsDouble((minLat + maxLat) / 2), w - 20, y.applyAsDouble((minLat + maxLat) / 2), "#888", 1);
    svg.text(w / 2.0, 22, 14, "middle", "Kruger buffalo: tracks, fever places (red) and positions now");
    Map<String, List<Double>> tracks = new TreeMap<>();
    Map<String, Integer> seen = new TreeMap<>();
    for (Fix f : fixes) {
      int n = seen.merge(f.animal(), 1, Integer::sum);
      if (n % 6 == 0) {
        List<Double> t = tracks.computeIfAbsent(f.animal(), k -> new ArrayList<>());
        t.add(x.applyAsDouble(f.lon()));
        t.add(y.applyAsDouble(f.lat()));
      }
    }
    int c = 0;
    for (Map.Entry<String, List<Double>> t : tracks.entrySet()) {
      String colour = Svg.PALETTE[c++ % Svg.PALETTE.length];
      svg.polyline(t.getValue().stream().mapToDouble(Double::doubleValue).toArray(), colour, 0.6, 0.6);
      Position p = r.now().get(t.getKey());
      svg.circle(x.applyAsDouble(p.lon()), y.applyAsDouble(p.lat()), 5, colour);
      svg.text(x.applyAsDouble(p.lon()) + 7, y.applyAsDouble(p.lat()) + 4, 12, "start", t.getKey());
    }
    for (Episode e : r.fevers()) {
      svg.circle(x.applyAsDouble(e.lon()), y.applyAsDouble(e.lat()), 4, "red");
    }
    svg.text(20, h - 10, 11, "start", String.format(java.util.Locale.ROOT,
        "lon %.3f .. %.3f, lat %.3f .. %.3f; grey lines split the four pastures", minLon, maxLon, minLat, maxLat));
    return svg;
  }
}
