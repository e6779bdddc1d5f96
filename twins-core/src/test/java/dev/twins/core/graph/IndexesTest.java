package dev.twins.core.graph;

import static dev.twins.core.graph.IndexModels.FLOOR;
import static dev.twins.core.graph.IndexModels.MEETING_ROOM;
import static dev.twins.core.graph.IndexModels.ROOM;
import static dev.twins.core.graph.IndexModels.SPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class IndexesTest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private static Twins graph() {
    return Twins.create(IndexModels.models());
  }

  /** A room's properties: pairs of name and value, plus the required thermostat component. */
  private static Map<String, Object> room(Object... pairs) {
    Map<String, Object> m = new HashMap<>();
    Map<String, Object> thermostat = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      String name = (String) pairs[i];
      if (name.startsWith("thermostat/")) {
        thermostat.put(name.substring("thermostat/".length()), pairs[i + 1]);
      } else {
        m.put(name, pairs[i + 1]);
      }
    }
    m.put("thermostat", thermostat);
    return m;
  }

  @Test
  void numbersAreEqualWhateverTheirForm() {
    Twins g = graph();
    g.createTwin("r-int", ROOM, room("temperature", 21));
    g.createTwin("r-double", ROOM, room("temperature", 21.0));
    g.createTwin("r-json", ROOM, room("temperature", JSON.numberNode(new BigDecimal("21.000"))));
    g.createTwin("r-other", ROOM, room("temperature", 21.5));
    Indexes ix = g.indexes();

    List<String> expected = List.of("r-double", "r-int", "r-json");
    assertThat(ix.equal(ROOM, "temperature", 21)).isEqualTo(expected);
    assertThat(ix.equal(ROOM, "temperature", 21.0)).isEqualTo(expected);
    assertThat(ix.equal(ROOM, "temperature", 21L)).isEqualTo(expected);
    assertThat(ix.equal(ROOM, "temperature", 21.0f)).isEqualTo(expected);
    assertThat(ix.equal(ROOM, "temperature", new BigDecimal("21.00"))).isEqualTo(expected);
    assertThat(ix.equal(ROOM, "temperature", BigInteger.valueOf(21))).isEqualTo(expected);
    assertThat(ix.equal(ROOM, "temperature", JSON.numberNode(21))).isEqualTo(expected);
    assertThat(ix.equal(ROOM, "temperature", 21.5)).containsExactly("r-other");
    assertThat(ix.equal(ROOM, "temperature", 21.25)).isEmpty();
    assertThat(ix.info(ROOM, "temperature")).hasValueSatisfying(info -> {
      assertThat(info.twins()).isEqualTo(4);
      assertThat(info.values()).isEqualTo(2);
      assertThat(info.kind()).isEqualTo(Indexes.Kind.NUMBER);
    });
  }

  @Test
  void longsCompareExactlyBeyondTheDoublePrecision() {
    Twins g = graph();
    long big = (1L << 53) + 1; // not a double
    g.createTwin("a", ROOM, room("counter", big));
    g.createTwin("b", ROOM, room("counter", big - 1));
    g.createTwin("c", ROOM, room("counter", Long.MAX_VALUE));
    Indexes ix = g.indexes();

    assertThat(ix.equal(ROOM, "counter", big)).containsExactly("a");
    assertThat(ix.equal(ROOM, "counter", (double) (1L << 53))).containsExactly("b");
    assertThat(ix.range(ROOM, "counter", big - 1, false, Long.MAX_VALUE, false)).containsExactly("a");
    assertThat(ix.ids(ROOM, "counter", ValueRange.greaterThan(9.2e18))).containsExactly("c");
    assertThat(ix.ids(ROOM, "counter", ValueRange.greaterThan(new BigDecimal("9223372036854775806.5"))))
        .containsExactly("c");
    assertThat(ix.ids(ROOM, "counter", ValueRange.atLeast(0x1p63))).isEmpty();
  }

  @Test
  void numericRangesHonourInclusiveAndOpenEnds() {
    Twins g = graph();
    double[] temps = {18, 19.5, 20, 21, 22.5, 25};
    for (int i = 0; i < temps.length; i++) g.createTwin("r" + i, ROOM, room("temperature", temps[i]));
    Indexes ix = g.indexes();

    assertThat(ix.range(ROOM, "temperature", 19.5, true, 22.5, true)).containsExactly("r1", "r2", "r3", "r4");
    assertThat(ix.range(ROOM, "temperature", 19.5, false, 22.5, false)).containsExactly("r2", "r3");
    assertThat(ix.range(ROOM, "temperature", 20, true, 20, true)).containsExactly("r2");
    assertThat(ix.range(ROOM, "temperature", 20, true, 20, false)).isEmpty();
    assertThat(ix.range(ROOM, "temperature", 25, true, 18, true)).as("inverted").isEmpty();
    assertThat(ix.ids(ROOM, "temperature", ValueRange.atLeast(22.5))).containsExactly("r4", "r5");
    assertThat(ix.ids(ROOM, "temperature", ValueRange.greaterThan(22.5))).containsExactly("r5");
    assertThat(ix.ids(ROOM, "temperature", ValueRange.atMost(19.5))).containsExactly("r0", "r1");
    assertThat(ix.ids(ROOM, "temperature", ValueRange.lessThan(19.5))).containsExactly("r0");
    assertThat(ix.ids(ROOM, "temperature", ValueRange.any())).hasSize(6);
    assertThat(ix.ids(ROOM, "temperature", ValueRange.lessThan(-100))).isEmpty();
  }

  @Test
  void stringsCompareByCodeUnits() {
    Twins g = graph();
    g.createTwin("a", ROOM, room("name", "Atrium"));
    g.createTwin("b", ROOM, room("name", "boardroom"));
    g.createTwin("c", ROOM, room("name", "Canteen"));
    g.createTwin("d", ROOM, room("name", "Canteen"));
    g.createTwin("e", ROOM, room());
    Indexes ix = g.indexes();

    assertThat(ix.equal(ROOM, "name", "Canteen")).containsExactly("c", "d");
    assertThat(ix.equal(ROOM, "name", "canteen")).isEmpty();
    assertThat(ix.range(ROOM, "name", "B", true, "D", false)).containsExactly("c", "d");
    assertThat(ix.ids(ROOM, "name", ValueRange.atLeast("a"))).containsExactly("b");
    assertThat(ix.ids(ROOM, "name", ValueRange.any())).as("a twin without the property is not indexed")
        .containsExactly("a", "c", "d", "b");
  }

  @Test
  void enumsOfStringsAndDatesAreStrings() {
    Twins g = graph();
    g.createTwin("r1", ROOM, room("mode", "eco"));
    g.createTwin("r2", ROOM, room("mode", "comfort"));
    g.createTwin("b1", IndexModels.BUILDING, Map.of("opened", "1999-12-31"));
    g.createTwin("b2", IndexModels.BUILDING, Map.of("opened", "2005-06-01"));

    assertThat(g.indexes().equal(ROOM, "mode", "eco")).containsExactly("r1");
    assertThat(g.indexes().info(ROOM, "mode").orElseThrow().kind()).isEqualTo(Indexes.Kind.STRING);
    assertThat(g.indexes().ids(IndexModels.BUILDING, "opened", ValueRange.atLeast("2000-01-01")))
        .containsExactly("b2");
  }

  @Test
  void booleans() {
    Twins g = graph();
    g.createTwin("a", ROOM, room("occupied", true));
    g.createTwin("b", ROOM, room("occupied", false));
    g.createTwin("c", ROOM, room("occupied", true));
    Indexes ix = g.indexes();

    assertThat(ix.equal(ROOM, "occupied", true)).containsExactly("a", "c");
    assertThat(ix.equal(ROOM, "occupied", Boolean.FALSE)).containsExactly("b");
    assertThat(ix.equal(ROOM, "occupied", JSON.booleanNode(true))).containsExactly("a", "c");
    assertThat(ix.ids(ROOM, "occupied", ValueRange.any())).as("false before true").containsExactly("b", "a", "c");
    assertThatThrownBy(() -> ix.equal(ROOM, "occupied", "true"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Boolean");
  }

  @Test
  void dateTimesCompareAsInstants() {
    Twins g = graph();
    g.createTwin("utc", ROOM, room("lastSeen", "2024-05-01T09:00:00Z"));
    g.createTwin("paris", ROOM, room("lastSeen", "2024-05-01T11:00:00+02:00")); // the same instant
    g.createTwin("late", ROOM, room("lastSeen", "2024-05-01T09:00:00.5z"));
    g.createTwin("ny", ROOM, room("lastSeen", "2024-05-01T06:00:00-04:00")); // 10:00Z
    Indexes ix = g.indexes();

    assertThat(ix.equal(ROOM, "lastSeen", Instant.parse("2024-05-01T09:00:00Z"))).containsExactly("paris", "utc");
    assertThat(ix.equal(ROOM, "lastSeen", "2024-05-01T10:00:00+01:00")).containsExactly("paris", "utc");
    assertThat(ix.equal(ROOM, "lastSeen", OffsetDateTime.of(2024, 5, 1, 10, 0, 0, 0, ZoneOffset.UTC)))
        .containsExactly("ny");
    assertThat(ix.range(ROOM, "lastSeen", "2024-05-01T09:00:00Z", false, Instant.parse("2024-05-01T10:00:00Z"), true))
        .containsExactly("late", "ny");
    assertThat(ix.ids(ROOM, "lastSeen", ValueRange.lessThan(Instant.parse("2024-05-01T09:00:00.4Z"))))
        .containsExactly("paris", "utc");
    assertThat(ix.info(ROOM, "lastSeen").orElseThrow().kind()).isEqualTo(Indexes.Kind.DATE_TIME);
    assertThatThrownBy(() -> ix.equal(ROOM, "lastSeen", "yesterday"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("date-time");
    assertThatThrownBy(() -> ix.equal(ROOM, "lastSeen", 5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dateTime");
  }

  @Test
  void anIndexCoversSubtypesAndASubtypeIndexOnlyItsOwn() {
    Twins g = graph();
    g.createTwin("room", ROOM, room("temperature", 20.0));
    g.createTwin("meeting", MEETING_ROOM, room("temperature", 20.0, "seats", 8));
    g.createTwin("floor", FLOOR, Map.of("name", "ground"));
    Indexes ix = g.indexes();

    assertThat(ix.declare(ROOM, "temperature").twins()).isEqualTo(2);
    assertThat(ix.equal(ROOM, "temperature", 20)).containsExactly("meeting", "room");
    assertThat(ix.equal(MEETING_ROOM, "temperature", 20)).containsExactly("meeting");
    assertThat(ix.ids(SPACE, "name", ValueRange.any())).containsExactly("floor");
    // a twin that changes model moves between the indexes
    g.putTwin("room", roomJson("room", MEETING_ROOM, 20.0), Condition.none());
    assertThat(ix.equal(MEETING_ROOM, "temperature", 20)).containsExactly("meeting", "room");
    g.putTwin("room", roomJson("room", ROOM, 20.0), Condition.none());
    assertThat(ix.equal(MEETING_ROOM, "temperature", 20)).containsExactly("meeting");
    assertThat(ix.equal(ROOM, "temperature", 20)).containsExactly("meeting", "room");
    // and by a patch of its model
    g.patch("room", JsonPatch.builder().replace("/$metadata/$model", MEETING_ROOM).replace("/temperature", 21).build());
    assertThat(ix.equal(MEETING_ROOM, "temperature", 21)).containsExactly("room");
    assertThat(ix.equal(ROOM, "temperature", 21.0)).containsExactly("room");
    assertThat(ix.equal(ROOM, "temperature", 20)).containsExactly("meeting");
  }

  private static ObjectNode roomJson(String id, String model, double temperature) {
    ObjectNode o = JSON.objectNode();
    o.put("$dtId", id);
    o.putObject("$metadata").put("$model", model);
    o.put("temperature", temperature);
    o.putObject("thermostat").putObject("$metadata");
    return o;
  }

  @Test
  void componentProperties() {
    Twins g = graph();
    g.createTwin("a", ROOM, room("thermostat/setPoint", 21.0, "thermostat/label", "north"));
    g.createTwin("b", ROOM, room("thermostat/setPoint", 23));
    g.createTwin("c", ROOM, room());
    Indexes ix = g.indexes();

    assertThat(ix.declare(ROOM, "thermostat/setPoint").twins()).isEqualTo(2);
    assertThat(ix.range(ROOM, "thermostat/setPoint", 20, true, 22, true)).containsExactly("a");
    assertThat(ix.equal(ROOM, "thermostat/label", "north")).containsExactly("a");
    assertThat(ix.twins(ROOM, "thermostat/setPoint", ValueRange.atLeast(23)))
        .extracting(Twin::id).containsExactly("b");
    g.set("c", "thermostat/setPoint", 23.0);
    g.patch("a", JsonPatch.builder().remove("/thermostat/setPoint").build());
    assertThat(ix.ids(ROOM, "thermostat/setPoint", ValueRange.any())).containsExactly("b", "c");
    assertThatThrownBy(() -> ix.declare(ROOM, "thermostat/mode"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dtmi:ix:Thermostat;1");
    assertThatThrownBy(() -> ix.declare(ROOM, "temperature/x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a Component");
  }

  @Test
  void aLookupBuildsAnUndeclaredIndexWhichIsThenMaintained() {
    Twins g = graph();
    g.createTwin("a", ROOM, room("temperature", 20.0));
    Indexes ix = g.indexes();
    assertThat(ix.info(ROOM, "temperature")).isEmpty();
    assertThat(ix.list()).isEmpty();

    assertThat(ix.equal(ROOM, "temperature", 20)).containsExactly("a");
    Indexes.Info info = ix.info(ROOM, "temperature").orElseThrow();
    assertThat(info.declared()).isFalse();
    assertThat(info.twins()).isEqualTo(1);

    g.createTwin("b", ROOM, room("temperature", 20.0));
    g.putTwin("a", roomJson("a", ROOM, 30.0), Condition.none());
    assertThat(ix.equal(ROOM, "temperature", 20)).containsExactly("b");
    assertThat(ix.equal(ROOM, "temperature", 30)).containsExactly("a");
    g.set("b", "temperature", 22.5);
    assertThat(ix.range(ROOM, "temperature", 20, true, 30, false)).containsExactly("b");
    g.delete("b");
    assertThat(ix.equal(ROOM, "temperature", 22.5)).isEmpty();
    assertThat(ix.info(ROOM, "temperature").orElseThrow().values()).isEqualTo(1);

    assertThat(ix.declare(ROOM, "temperature").declared()).isTrue();
    assertThat(ix.list()).hasSize(1);
    assertThat(ix.list().get(0).toString())
        .isEqualTo("Index[dtmi:ix:Room;1 temperature, NUMBER, twins=1, values=1]");
    assertThat(ix.drop(ROOM, "temperature")).isTrue();
    assertThat(ix.drop(ROOM, "temperature")).isFalse();
    assertThat(ix.list()).isEmpty();
    g.putTwin("a", roomJson("a", ROOM, 31.0), Condition.none());
    assertThat(ix.equal(ROOM, "temperature", 31)).as("rebuilt after the drop").containsExactly("a");
  }

  @Test
  void twinsAreTheLatestSnapshots() {
    Twins g = graph();
    g.createTwin("a", ROOM, room("temperature", 20.0));
    Twin latest = g.putTwin("a", roomJson("a", ROOM, 20.0), Condition.none());
    assertThat(g.indexes().twins(ROOM, "temperature", ValueRange.equalTo(20))).containsExactly(latest);
    assertThat(latest.version()).isEqualTo(2);
  }

  @Test
  void whatCannotBeIndexedIsRejectedWithTheReason() {
    Indexes ix = graph().indexes();
    assertThatThrownBy(() -> ix.declare("dtmi:ix:Nothing;1", "x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not in the graph's models");
    assertThatThrownBy(() -> ix.declare("room", "x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a DTMI");
    assertThatThrownBy(() -> ix.declare(ROOM, "humidity"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'humidity' is not a Property");
    assertThatThrownBy(() -> ix.declare(ROOM, "hasSensor"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("it is a Relationship");
    assertThatThrownBy(() -> ix.declare(ROOM, "address"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scalar");
    assertThatThrownBy(() -> ix.declare(SPACE, "temperature"))
        .as("declared on a subtype only").isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ix.equal(ROOM, "temperature", "warm"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is a double").hasMessageContaining("'warm'");
    assertThatThrownBy(() -> ValueRange.equalTo(new java.util.concurrent.atomic.AtomicLong()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ValueRange.atLeast(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThat(ix.list()).isEmpty();
  }

  @Test
  void valueRangesPrintAsIntervals() {
    assertThat(ValueRange.between(20, true, 25, false)).hasToString("[20, 25)");
    assertThat(ValueRange.atMost(30)).hasToString("(-∞, 30]");
    assertThat(ValueRange.equalTo("on")).hasToString("= on");
    assertThat(ValueRange.any()).hasToString("(-∞, ∞)");
    assertThat(new ValueRange(java.util.Optional.empty(), true, java.util.Optional.of(1), true).lowerInclusive())
        .isFalse();
  }
}
