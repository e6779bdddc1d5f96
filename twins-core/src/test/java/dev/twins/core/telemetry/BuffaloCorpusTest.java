package dev.twins.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.core.SharedData;
import dev.twins.core.graph.Twins;
import dev.twins.core.model.ModelParser;
import dev.twins.core.series.GeoPoint;
import dev.twins.core.series.Side;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Replays the Kruger buffalo GPS collars (Cross et al., Movebank) through one twin per animal:
 * position and collar temperature in one message per fix. Rules keep two properties per animal,
 * "stationary" (stayed within 1 km for 12 hours) and "hot" (collar above 35 °C for 3 hours); after
 * every fix they must equal what an independent computation over the fixes so far gives, and the
 * periods they mark must be the ones computed here.
 */
@Tag("corpus")
class BuffaloCorpusTest {
  private static final String ANIMAL = "dtmi:corpus:Buffalo;1";
  private static final double RADIUS = 1_000;
  private static final long STILL = Duration.ofHours(12).toMillis();
  private static final double HOT = 35;
  private static final long HOT_FOR = Duration.ofHours(3).toMillis();
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

  /** One fix. */
  record Fix(long t, double lon, double lat, double temperature, String tag, String animal) {}

  @Test
  void stationaryPeriodsAndHotRunsAgreeWithAnIndependentComputation() throws IOException {
    Path zip = SharedData.dir().resolve("data/movebank-kruger-buffalo/Kruger African Buffalo, GPS tracking, South Africa.zip");
    List<Fix> fixes = read(zip);
    assertThat(fixes).hasSize(24_653);

    // tags and animals: 7 tags on 6 animals, and two tags were moved from one animal to another,
    // so the twin is the animal, not the tag
    Map<String, Set<String>> animalsOfTag = new TreeMap<>();
    for (Fix f : fixes) animalsOfTag.computeIfAbsent(f.tag(), k -> new TreeSet<>()).add(f.animal());
    assertThat(animalsOfTag).hasSize(7);
    assertThat(animalsOfTag.values().stream().flatMap(Set::stream).distinct()).hasSize(6);
    assertThat(animalsOfTag.get("T7")).containsExactly("Gabs", "Queen");
    assertThat(animalsOfTag.get("T17")).containsExactly("Pepper", "Toni");

    Twins twins = Twins.create(ModelParser.parseJson("""
        {"@context": ["dtmi:dtdl:context;3", "dtmi:dtdl:extension:quantitativeTypes;1"],
         "@id": "dtmi:corpus:Buffalo;1", "@type": "Interface",
         "contents": [
           {"@type": "Telemetry", "name": "position", "schema": "point"},
           {"@type": ["Telemetry", "Temperature"], "name": "temperature", "schema": "double", "unit": "degreeCelsius"},
           {"@type": "Property", "name": "stationary", "schema": "boolean"},
           {"@type": "Property", "name": "hot", "schema": "boolean"}
         ]}"""));
    Map<String, List<Fix>> seen = new LinkedHashMap<>();
    for (Fix f : fixes) {
      if (!seen.containsKey(f.animal())) {
        twins.createTwin(f.animal(), ANIMAL, Map.of());
        seen.put(f.animal(), new ArrayList<>());
      }
    }
    try (TelemetryHub hub = TelemetryHub.attach(twins)) {
      hub.rules().add(Rule.fromTelemetry(ANIMAL, "stationary", "position",
          Derivation.stationaryLongerThan(RADIUS, Duration.ofMillis(STILL))));
      hub.rules().add(Rule.fromTelemetry(ANIMAL, "hot", "temperature",
          Derivation.runLongerThan(Side.ABOVE, HOT, Duration.ofMillis(HOT_FOR))));
      Map<String, Integer> stillPeriods = new HashMap<>();
      Map<String, Integer> hotPeriods = new HashMap<>();
      Map<String, boolean[]> previous = new HashMap<>();
      int late = 0;
      int expectedLate = 0;
      Map<String, Long> newest = new HashMap<>();
      for (Fix f : fixes) {
        if (f.t() < newest.getOrDefault(f.animal(), Long.MIN_VALUE)) expectedLate++;
        newest.merge(f.animal(), f.t(), Math::max);
        ObjectNode point = JsonNodeFactory.instance.objectNode().put("type", "Point");
        point.putArray("coordinates").add(f.lon()).add(f.lat());
        Outcome o = hub.ingest(TelemetryMessage.of(f.animal(), java.time.Instant.ofEpochMilli(f.t()))
            .with("position", point).with("temperature", f.temperature()));
        assertThat(o.accepted()).isTrue();
        if (o == Outcome.ACCEPTED_LATE) late++;

        // the independent computation: the fixes so far in time order, looked at from the newest
        List<Fix> sofar = seen.get(f.animal());
        int at = sofar.size();
        while (at > 0 && sofar.get(at - 1).t() > f.t()) at--;
        sofar.add(at, f);
        boolean still = stillFor(sofar) >= STILL;
        boolean hot = hotFor(sofar) >= HOT_FOR;
        var twin = twins.twin(f.animal()).orElseThrow();
        assertThat(twin.property("stationary").orElseThrow().asBoolean()).as("%s stationary at %s", f.animal(), f.t())
            .isEqualTo(still);
        assertThat(twin.property("hot").orElseThrow().asBoolean()).as("%s hot at %s", f.animal(), f.t()).isEqualTo(hot);
        boolean[] prev = previous.computeIfAbsent(f.animal(), k -> new boolean[2]);
        if (still && !prev[0]) stillPeriods.merge(f.animal(), 1, Integer::sum);
        if (hot && !prev[1]) hotPeriods.merge(f.animal(), 1, Integer::sum);
        prev[0] = still;
        prev[1] = hot;
      }
      // Pepper's fixes jump back once in the file: the ones after the jump, older than the newest
      // fix so far, are late, and they are placed by time (the checks above saw them in place)
      assertThat(late).isEqualTo(expectedLate).isGreaterThan(0);
      assertThat(hub.counts().accepted()).isEqualTo(fixes.size());
      assertThat(hub.counts().ruleFailures()).isZero();
      // every animal rested and every collar ran hot: the periods are real, not an artefact of an empty rule
      assertThat(stillPeriods).hasSize(6).allSatisfy((a, n) -> assertThat(n).isGreaterThan(20));
      assertThat(hotPeriods).hasSize(6).allSatisfy((a, n) -> assertThat(n).isGreaterThan(20));

      // After the replay, the series hold every fix in time order: the periods over the whole
      // history, asked of the series at each fix's time, match the independent computation too
      // (and the counts a separate script computed from the file: 1 km for 12 h, above 35 °C for 3 h).
      Map<String, Integer> stillInOrder = new TreeMap<>();
      Map<String, Integer> hotInOrder = new TreeMap<>();
      for (Map.Entry<String, List<Fix>> e : seen.entrySet()) {
        var geo = (dev.twins.core.series.GeoSeries) hub.series(e.getKey(), "position").orElseThrow();
        var temp = (dev.twins.core.series.DoubleSeries) hub.series(e.getKey(), "temperature").orElseThrow();
        List<Fix> all = e.getValue();
        assertThat(geo.size()).isEqualTo(all.size());
        boolean wasStill = false;
        boolean wasHot = false;
        for (int i = 0; i < all.size(); i++) {
          long t = all.get(i).t();
          List<Fix> prefix = all.subList(0, i + 1);
          long stillMs = geo.stayWithin(RADIUS, t).orElseThrow().durationMillis();
          assertThat(stillMs).as("%s still at %s", e.getKey(), t).isEqualTo(stillFor(prefix));
          long hotMs = temp.currentRun(Side.ABOVE, HOT, t).map(dev.twins.core.series.Run::durationMillis).orElse(-1L);
          assertThat(hotMs).as("%s hot at %s", e.getKey(), t).isEqualTo(hotFor(prefix));
          boolean still = stillMs >= STILL;
          boolean hot = hotMs >= HOT_FOR;
          if (still && !wasStill) stillInOrder.merge(e.getKey(), 1, Integer::sum);
          if (hot && !wasHot) hotInOrder.merge(e.getKey(), 1, Integer::sum);
          wasStill = still;
          wasHot = hot;
        }
      }
      assertThat(stillInOrder).isEqualTo(Map.of("Queen", 135, "Gabs", 160, "Cilla", 118, "Mvubu", 97, "Toni", 240,
          "Pepper", 196));
      assertThat(hotInOrder).isEqualTo(Map.of("Queen", 142, "Gabs", 122, "Cilla", 113, "Mvubu", 64, "Toni", 196,
          "Pepper", 113));
    }
  }

  /** How long the newest fix's animal has stayed within the radius of where it is now. */
  private static long stillFor(List<Fix> sorted) {
    Fix now = sorted.get(sorted.size() - 1);
    int i = sorted.size() - 1;
    while (i > 0) {
      Fix f = sorted.get(i - 1);
      if (GeoPoint.distanceMetres(f.lon(), f.lat(), now.lon(), now.lat()) > RADIUS) break;
      i--;
    }
    return now.t() - sorted.get(i).t();
  }

  /** How long the collar has read above the threshold up to the newest fix; -1 if the newest is not above. */
  private static long hotFor(List<Fix> sorted) {
    Fix now = sorted.get(sorted.size() - 1);
    if (!(now.temperature() > HOT)) return -1;
    int i = sorted.size() - 1;
    while (i > 0 && sorted.get(i - 1).temperature() > HOT) i--;
    return now.t() - sorted.get(i).t();
  }

  private static List<Fix> read(Path zip) throws IOException {
    try (ZipFile z = new ZipFile(zip.toFile())) {
      ZipEntry entry = z.entries().nextElement();
      try (BufferedReader r = new BufferedReader(new InputStreamReader(z.getInputStream(entry), StandardCharsets.UTF_8))) {
        String header = r.readLine();
        assertThat(header).startsWith("event-id,visible,timestamp,location-long,location-lat,");
        List<Fix> out = new ArrayList<>();
        String line;
        while ((line = r.readLine()) != null) {
          if (line.isBlank()) continue;
          // the last field (the study name) is quoted and holds commas; the first twelve are plain or simply quoted
          String[] f = line.split(",", 13);
          long t = LocalDateTime.parse(f[2], STAMP).toInstant(ZoneOffset.UTC).toEpochMilli();
          out.add(new Fix(t, Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[6]),
              f[10].replace("\"", ""), f[11].replace("\"", "")));
        }
        return out;
      }
    }
  }
}
