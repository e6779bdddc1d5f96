package dev.twins.examples;

import dev.twins.core.graph.JsonPatch;
import dev.twins.core.graph.Twins;
import dev.twins.core.model.ModelParser;
import dev.twins.core.model.Models;
import dev.twins.core.series.BooleanSeries;
import dev.twins.core.series.DoubleCursor;
import dev.twins.core.series.DoubleSeries;
import dev.twins.core.telemetry.Aggregate;
import dev.twins.core.telemetry.Derivation;
import dev.twins.core.telemetry.Rule;
import dev.twins.core.telemetry.TelemetryHub;
import dev.twins.core.telemetry.TelemetryMessage;
import dev.twins.examples.support.Csv;
import dev.twins.examples.support.DataDir;
import dev.twins.examples.support.Svg;
import dev.twins.examples.support.Table;
import dev.twins.query.QueryEngine;
import dev.twins.query.QueryResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Smart-building space usage on two real data sets: the UCI occupancy-detection office (Mons,
 * February 2015, one room, a reading a minute) and three offices of the Brains4Buildings data set
 * (Windesheim, Zwolle, October 2022, a reading every 15 minutes).
 *
 * <p>The graph is typed by DTDL models shipped as JSON ({@code building → floors → rooms →
 * sensors}). Occupancy is derived by rules: each occupancy sensor's {@code occupied} follows its
 * own telemetry (motion from a PIR sensor; at least one registered phone in range of a Bluetooth
 * counter; more than {@value #LUX_OCCUPIED} lux on a desk light sensor), and a room is occupied when
 * any of its sensors says so. The room's occupancy is kept as a telemetry series of the room, from
 * which the usage shares come; the final selections are queries.
 */
public final class Building {
  /** Light above this many lux means someone is at the desk (UCI room). */
  public static final double LUX_OCCUPIED = 365;
  /** CO2 limit, ppm. */
  public static final double CO2_LIMIT = 1000;
  /** Rooms used less than this share of working hours are reported. */
  public static final double LOW_USAGE = 0.20;
  /** Working hours: from 08:00 ... */
  public static final int FIRST_HOUR = 8;
  /** ... to 18:00, Monday to Friday. */
  public static final int END_HOUR = 18;
  /** A CO2 reading counts for at most this long (the B4B sampling interval). */
  public static final long MAX_HOLD_MILLIS = 15 * 60_000L;

  static final String NS = "dtmi:twins:example:building:";
  /** The share of all hours of the last seven days each Windesheim office was occupied, as a query. */
  public static final String LAST_WEEK = "SELECT R.$dtId AS room, ROUND(SERIES_TWMEAN(R, 'occupancy', 'P7D') * 1000) / 10 "
      + "AS percent FROM DIGITALTWINS MATCH (B)-[:hasFloor]->(F)-[:hasRoom]->(R) WHERE B.$dtId = 'windesheim' "
      + "ORDER BY percent";
  static final String ROOM = NS + "Room;1";
  static final String UCI = "uci-occupancy-detection/datatraining.txt";
  static final String B4B = "brains4buildings-windesheim-2022/preprocessed_data/b4b_preprocess_properties.zip";
  static final String B4B_ROOMS = "brains4buildings-windesheim-2022/metadata/b4b-room-metadata.zip";
  static final ZoneId MONS = ZoneId.of("Europe/Brussels");
  static final ZoneId ZWOLLE = ZoneId.of("Europe/Amsterdam");
  private static final DateTimeFormatter B4B_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssXXX");
  private static final DateTimeFormatter UCI_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private Building() {}

  /**
   * A room's answers.
   *
   * @param room twin id
   * @param byHour share of time occupied in each working hour (index 0 = 08:00), averaged over the
   *     working days the data covers
   * @param usage share of all covered working hours occupied
   * @param workingHours working hours the data covers
   * @param co2HighMinutes minutes with CO2 above {@link #CO2_LIMIT} while occupied
   * @param co2Peak highest CO2 reading while occupied
   * @param byWeek occupied share of each ISO week's covered working hours, by week ("2022-W42")
   * @param hoursByWeek working hours covered in each week
   */
  public record RoomUsage(String room, double[] byHour, double usage, int workingHours, double co2HighMinutes,
      double co2Peak, Map<String, Double> byWeek, Map<String, Integer> hoursByWeek) {}

  /**
   * The answers.
   *
   * @param twins the graph
   * @param hub its telemetry
   * @param rooms each room's usage, by twin id
   * @param lowUsage the query for rooms used less than {@link #LOW_USAGE} of working hours, and its rows
   * @param co2High the query for rooms whose CO2 exceeded {@link #CO2_LIMIT} while occupied, and its rows
   * @param uciRuleAccuracy share of UCI rows where the light rule agrees with the recorded occupancy
   * @param end the newest Brains4Buildings reading, the "now" of {@link #LAST_WEEK}
   * @param lastWeek the rows of {@link #LAST_WEEK}
   */
  public record Result(Twins twins, TelemetryHub hub, Map<String, RoomUsage> rooms, QueryResult lowUsage,
      QueryResult co2High, double uciRuleAccuracy, Instant end, QueryResult lastWeek) {}

  /**
   * Runs the example and prints its answers.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    Path data = DataDir.find();
    Result r = run(data);
    print(r);
    Path svg = picture(r).write(DataDir.output(data).resolve("building.svg"));
    System.out.println("Usage by hour, as a heat map: " + svg);
  }

  /** Reads the DTDL models shipped with the example. */
  static Models models() {
    List<String> texts = new ArrayList<>();
    for (String f : new String[] {"Building.json", "Floor.json", "Room.json", "Sensor.json", "UsageReport.json"}) {
      try (InputStream in = Building.class.getResourceAsStream("building/" + f)) {
        texts.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return ModelParser.parseJson(texts.toArray(new String[0]));
  }

  /**
   * Builds the graph, replays both data sets and answers.
   *
   * @param data the examples' data folder
   * @return the answers
   */
  public static Result run(Path data) {
    Twins twins = Twins.create(models());
    Map<String, ZoneId> zoneOf = new LinkedHashMap<>();
    twins.createTwin("windesheim", NS + "Building;1", Map.of("name", "Windesheim University of Applied Sciences",
        "city", "Zwolle", "timeZone", ZWOLLE.getId()));
    twins.createTwin("windesheim-offices", NS + "Floor;1", Map.of("name", "Office floor (level not in the data)"));
    twins.relate("windesheim", "windesheim-offices", "hasFloor", "windesheim-offices");
    twins.createTwin("umons", NS + "Building;1", Map.of("name", "Office building of the UCI occupancy data",
        "city", "Mons", "timeZone", MONS.getId()));
    twins.createTwin("umons-offices", NS + "Floor;1", Map.of("name", "Office floor (level not in the data)"));
    twins.relate("umons", "umons-offices", "hasFloor", "umons-offices");

    Map<String, Double> volume = new HashMap<>();
    Csv.linesOfZip(data.resolve(B4B_ROOMS), line -> {
      List<String> f = Csv.split(line);
      if (!f.get(0).equals("id")) {
        volume.put(f.get(0), Double.parseDouble(f.get(1)));
      }
    });
    for (String id : new String[] {"917810", "925038", "999169"}) {
      String room = "room-" + id;
      twins.createTwin(room, ROOM, Map.of("name", "Office " + id, "volume", volume.get(id)));
      twins.relate("windesheim-offices", room, "hasRoom", room);
      zoneOf.put(room, ZWOLLE);
      if (id.equals("925038")) { // no PIR sensor in this room: the Bluetooth counter tells presence
        sensor(twins, room, "ble-" + id, "PresenceCounter", "B4B CO2-meter-SCD4x_occupancy__p");
      } else {
        sensor(twins, room, "pir-" + id, "MotionSensor", "B4B bms_occupancy__bool");
      }
      sensor(twins, room, "co2-" + id, "Co2Sensor", "B4B bms_co2__ppm");
    }
    twins.createTwin("room-uci", ROOM, Map.of("name", "UCI office"));
    twins.relate("umons-offices", "room-uci", "hasRoom", "room-uci");
    zoneOf.put("room-uci", MONS);
    sensor(twins, "room-uci", "light-uci", "LightSensor", "UCI Light");
    sensor(twins, "room-uci", "co2-uci", "Co2Sensor", "UCI CO2");

    TelemetryHub hub = TelemetryHub.builder(twins).series(true).build();
    hub.rules().add(Rule.fromTelemetry(NS + "MotionSensor;1", "occupied", "motion", Derivation.last()));
    hub.rules().add(Rule.fromTelemetry(NS + "PresenceCounter;1", "occupied", "devices",
        Derivation.lastMatches(n -> n >= 1)));
    hub.rules().add(Rule.fromTelemetry(NS + "LightSensor;1", "occupied", "illuminance",
        Derivation.lastMatches(lux -> lux > LUX_OCCUPIED)));
    hub.rules().add(Rule.fromRelated(ROOM, "occupied", "hasSensor", Rule.Source.property("occupied"), Aggregate.ANY));
    hub.rules().add(Rule.fromRelated(ROOM, "co2", "hasSensor", Rule.Source.telemetry("co2"), Aggregate.MEAN));

    // Brains4Buildings: one row per room and quarter hour.
    Map<String, Integer> col = new HashMap<>();
    Csv.linesOfZip(data.resolve(B4B), line -> {
      List<String> f = Csv.split(line);
      if (col.isEmpty()) {
        for (int i = 0; i < f.size(); i++) {
          col.put(f.get(i), i);
        }
        return;
      }
      String id = f.get(col.get("id"));
      long t = OffsetDateTime.parse(f.get(col.get("timestamp")), B4B_TIME).toInstant().toEpochMilli();
      String pir = f.get(col.get("bms_occupancy__bool"));
      String ble = f.get(col.get("CO2-meter-SCD4x_occupancy__p"));
      String co2 = f.get(col.get("bms_co2__ppm"));
      if (id.equals("925038")) {
        if (!ble.isEmpty()) {
          hub.ingest("ble-" + id, "devices", t, Double.parseDouble(ble));
        }
      } else if (!pir.isEmpty()) {
        hub.ingest(TelemetryMessage.of("pir-" + id, Instant.ofEpochMilli(t)).with("motion", Double.parseDouble(pir) > 0));
      }
      if (!co2.isEmpty()) {
        hub.ingest("co2-" + id, "co2", t, Double.parseDouble(co2));
      }
      recordOccupancy(twins, hub, "room-" + id, t);
    });

    // UCI: one row a minute; the header has 7 names, the rows 8 fields (a row number first).
    double[] agree = new double[2];
    try {
      List<String> lines = Files.readAllLines(data.resolve(UCI));
      for (String line : lines.subList(1, lines.size())) {
        List<String> f = Csv.split(line);
        long t = LocalDateTime.parse(f.get(1), UCI_TIME).atZone(MONS).toInstant().toEpochMilli();
        double lux = Double.parseDouble(f.get(4));
        hub.ingest("light-uci", "illuminance", t, lux);
        hub.ingest("co2-uci", "co2", t, Double.parseDouble(f.get(5)));
        recordOccupancy(twins, hub, "room-uci", t);
        agree[0] += (lux > LUX_OCCUPIED) == f.get(7).equals("1") ? 1 : 0;
        agree[1]++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }

    Map<String, RoomUsage> rooms = new LinkedHashMap<>();
    for (Map.Entry<String, ZoneId> e : zoneOf.entrySet()) {
      RoomUsage u = usage(hub, twins, e.getKey(), e.getValue());
      rooms.put(e.getKey(), u);
      twins.patch(e.getKey(), JsonPatch.builder().add("/usageShare", u.usage())
          .add("/co2HighOccupiedMinutes", u.co2HighMinutes()).build());
      for (Map.Entry<String, Double> w : u.byWeek().entrySet()) {
        String report = e.getKey() + "-" + w.getKey();
        twins.createTwin(report, NS + "UsageReport;1", Map.of("week", w.getKey(), "share", w.getValue(),
            "hours", u.hoursByWeek().get(w.getKey())));
        twins.relate(e.getKey(), report, "hasUsage", report);
      }
    }
    QueryEngine q = QueryEngine.of(twins);
    QueryResult low = q.query("SELECT U.week, B.$dtId AS building, R.$dtId AS room, ROUND(U.share * 1000) / 10 AS percent, U.hours "
        + "FROM DIGITALTWINS MATCH (B)-[:hasFloor]->(F)-[:hasRoom]->(R)-[:hasUsage]->(U) "
        + "WHERE U.share < @low ORDER BY U.week, R.$dtId", Map.of("low", LOW_USAGE));
    QueryResult co2 = q.query("SELECT R.$dtId AS room, R.co2HighOccupiedMinutes AS minutes FROM DIGITALTWINS R "
        + "WHERE IS_OF_MODEL(R, '" + ROOM + "') AND R.co2HighOccupiedMinutes > 0 ORDER BY R.co2HighOccupiedMinutes DESC");
    // All hours of the data's last seven days, straight from the occupancy series in a query.
    long end = zoneOf.keySet().stream().filter(room -> zoneOf.get(room) == ZWOLLE)
        .mapToLong(room -> hub.series(room, "occupancy").orElseThrow().lastTime().orElseThrow()).max().orElseThrow();
    QueryEngine asOfEnd = QueryEngine.builder(twins).series(hub.seriesStore().orElseThrow())
        .clock(java.time.Clock.fixed(Instant.ofEpochMilli(end), ZWOLLE)).build();
    QueryResult lastWeek = asOfEnd.query(LAST_WEEK);
    return new Result(twins, hub, rooms, low, co2, agree[0] / agree[1], Instant.ofEpochMilli(end), lastWeek);
  }

  private static void sensor(Twins twins, String room, String id, String type, String source) {
    twins.createTwin(id, NS + type + ";1", Map.of("name", id, "source", source));
    twins.relate(room, id, "hasSensor", id);
  }

  /**
   * Appends the room's derived occupancy to its own series, once one of its occupancy sensors has
   * said anything (before that, the room's occupancy is unknown, not "empty").
   */
  private static void recordOccupancy(Twins twins, TelemetryHub hub, String room, long t) {
    boolean known = twins.outgoing(room, "hasSensor").stream()
        .anyMatch(r -> twins.twin(r.targetId()).flatMap(s -> s.property("occupied")).isPresent());
    if (!known) {
      return;
    }
    Optional<Boolean> occupied = twins.twin(room).orElseThrow().property("occupied").map(v -> v.asBoolean());
    occupied.ifPresent(o -> hub.ingest(TelemetryMessage.of(room, Instant.ofEpochMilli(t)).with("occupancy", o)));
  }

  /** Working-hour windows [from, to) the room's occupancy series covers completely. */
  static List<long[]> workingHours(long first, long last, ZoneId zone) {
    List<long[]> out = new ArrayList<>();
    LocalDate day = Instant.ofEpochMilli(first).atZone(zone).toLocalDate();
    LocalDate end = Instant.ofEpochMilli(last).atZone(zone).toLocalDate();
    for (; !day.isAfter(end); day = day.plusDays(1)) {
      if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
        continue;
      }
      for (int h = FIRST_HOUR; h < END_HOUR; h++) {
        long from = day.atTime(h, 0).atZone(zone).toInstant().toEpochMilli();
        long to = day.atTime(h + 1, 0).atZone(zone).toInstant().toEpochMilli();
        if (from >= first && to <= last) {
          out.add(new long[] {from, to, h});
        }
      }
    }
    return out;
  }

  static RoomUsage usage(TelemetryHub hub, Twins twins, String room, ZoneId zone) {
    BooleanSeries occ = (BooleanSeries) hub.series(room, "occupancy").orElseThrow();
    List<long[]> hours = workingHours(occ.firstTime().orElseThrow(), occ.lastTime().orElseThrow(), zone);
    double[] sum = new double[END_HOUR - FIRST_HOUR];
    int[] n = new int[END_HOUR - FIRST_HOUR];
    double total = 0;
    Map<String, Double> weekSum = new java.util.TreeMap<>();
    Map<String, Integer> weekHours = new java.util.TreeMap<>();
    for (long[] w : hours) {
      double share = occ.trueShare(w[0], w[1]).orElseThrow();
      sum[(int) w[2] - FIRST_HOUR] += share;
      n[(int) w[2] - FIRST_HOUR]++;
      total += share;
      String week = isoWeek(w[0], zone);
      weekSum.merge(week, share, Double::sum);
      weekHours.merge(week, 1, Integer::sum);
    }
    Map<String, Double> byWeek = new java.util.TreeMap<>();
    weekSum.forEach((week, s) -> byWeek.put(week, s / weekHours.get(week)));
    double[] byHour = new double[sum.length];
    for (int i = 0; i < sum.length; i++) {
      byHour[i] = n[i] == 0 ? Double.NaN : sum[i] / n[i];
    }
    // CO2 above the limit while occupied: each reading holds until the next (at most 15 minutes).
    String co2Sensor = twins.outgoing(room, "hasSensor").stream().map(r -> r.targetId())
        .filter(s -> s.startsWith("co2-")).findFirst().orElseThrow();
    DoubleSeries co2 = (DoubleSeries) hub.series(co2Sensor, "co2").orElseThrow();
    DoubleCursor c = co2.scan(Long.MIN_VALUE, Long.MAX_VALUE);
    double minutes = 0;
    double peak = Double.NaN;
    long prevT = 0;
    double prevV = Double.NaN;
    boolean prevHigh = false;
    while (c.next()) {
      if (prevHigh) {
        minutes += Math.min(c.time() - prevT, MAX_HOLD_MILLIS) / 60_000.0;
      }
      prevT = c.time();
      prevV = c.value();
      prevHigh = prevV > CO2_LIMIT && occ.valueAt(prevT).orElse(false);
      if (prevHigh) {
        peak = Double.isNaN(peak) ? prevV : Math.max(peak, prevV);
      }
    }
    return new RoomUsage(room, byHour, hours.isEmpty() ? Double.NaN : total / hours.size(), hours.size(), minutes,
        peak, byWeek, weekHours);
  }

  static String isoWeek(long millis, ZoneId zone) {
    LocalDate d = Instant.ofEpochMilli(millis).atZone(zone).toLocalDate();
    return String.format("%d-W%02d", d.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR),
        d.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  static String pct(double share) {
    return Double.isNaN(share) ? "" : Table.fmt(100 * share, 0) + " %";
  }

  static void print(Result r) {
    System.out.println("Buildings: " + r.twins() + "; " + r.hub().counts() + "\n");
    System.out.println("The UCI room's light rule (> " + (int) LUX_OCCUPIED + " lux) agrees with its recorded "
        + "occupancy on " + Table.fmt(100 * r.uciRuleAccuracy(), 1) + " % of the minutes.\n");
    String[] cols = new String[2 + END_HOUR - FIRST_HOUR];
    cols[0] = "room";
    for (int h = FIRST_HOUR; h < END_HOUR; h++) {
      cols[h - FIRST_HOUR + 1] = String.format("%02d", h);
    }
    cols[cols.length - 1] = "all";
    Table t = Table.of("Usage share per room per hour of the working week (Mon-Fri, local time; mean over the days "
        + "covered)", cols);
    for (RoomUsage u : r.rooms().values()) {
      Object[] row = new Object[cols.length];
      row[0] = u.room();
      for (int i = 0; i < u.byHour().length; i++) {
        row[i + 1] = pct(u.byHour()[i]);
      }
      row[cols.length - 1] = pct(u.usage());
      t.row(row);
    }
    System.out.println(t);
    Table cover = Table.of("", "room", "working hours covered", "CO2 > 1000 ppm while occupied (minutes)",
        "peak ppm then");
    r.rooms().values().forEach(u -> cover.row(u.room(), u.workingHours(), Table.fmt(u.co2HighMinutes(), 0),
        Double.isNaN(u.co2Peak()) ? "" : Table.fmt(u.co2Peak(), 0)));
    System.out.println(cover);
    java.util.TreeSet<String> weeks = new java.util.TreeSet<>();
    r.rooms().values().forEach(u -> weeks.addAll(u.byWeek().keySet()));
    List<String> wcols = new ArrayList<>(List.of("room"));
    wcols.addAll(weeks);
    Table weekly = Table.of("Usage share of each week's working hours (hours covered in brackets)",
        wcols.toArray(new String[0]));
    for (RoomUsage u : r.rooms().values()) {
      List<Object> row = new ArrayList<>(List.of(u.room()));
      weeks.forEach(w -> row.add(u.byWeek().containsKey(w)
          ? pct(u.byWeek().get(w)) + " (" + u.hoursByWeek().get(w) + ")" : ""));
      weekly.row(row.toArray());
    }
    System.out.println(weekly);
    System.out.println("Rooms used less than " + (int) (100 * LOW_USAGE) + " % of a week's working hours (a query):\n"
        + r.lowUsage() + "\n");
    System.out.println("Share of all hours of the 7 days up to " + r.end().atZone(ZWOLLE).toLocalDateTime()
        + " each Windesheim office was occupied (a query with SERIES_TWMEAN):\n  " + LAST_WEEK + "\n" + r.lastWeek()
        + "\n");
    System.out.println("Rooms whose CO2 exceeded " + (int) CO2_LIMIT + " ppm while occupied (a query):\n"
        + r.co2High() + "\n");
  }

  /** A heat map: one row per room, one cell per working hour, darker = more used. */
  static Svg picture(Result r) {
    int cell = 44;
    int left = 110;
    int hours = END_HOUR - FIRST_HOUR;
    Svg svg = new Svg(left + cell * hours + 20, 70 + cell * r.rooms().size() + 30);
    svg.text(10, 22, 14, "start", "Share of each working hour a room was occupied (Mon-Fri)");
    for (int h = 0; h < hours; h++) {
      svg.text(left + h * cell + cell / 2.0, 56, 12, "middle", String.format("%02d:00", FIRST_HOUR + h));
    }
    int row = 0;
    for (RoomUsage u : r.rooms().values()) {
      double y = 64 + row * cell;
      svg.text(left - 8, y + cell / 2.0 + 4, 12, "end", u.room());
      for (int h = 0; h < hours; h++) {
        double s = u.byHour()[h];
        int shade = Double.isNaN(s) ? 255 : (int) Math.round(255 - 200 * s);
        String fill = Double.isNaN(s) ? "#eeeeee" : String.format("#%02x%02xff", shade, shade);
        svg.rect(left + h * cell, y, cell - 2, cell - 2, fill, "none");
        svg.text(left + h * cell + cell / 2.0, y + cell / 2.0 + 4, 11, "middle", pct(s));
      }
      row++;
    }
    return svg;
  }
}
