package dev.twins.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.twins.core.graph.JsonPatch;
import dev.twins.core.graph.Twins;
import dev.twins.core.model.Dtmi;
import dev.twins.core.series.Retention;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

class PropertyHistoryTest {
  private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
  private static final JsonNodeFactory N = JsonNodeFactory.instance;

  private final HistoryModels.SetClock clock = new HistoryModels.SetClock(T0);
  private final Twins twins = Twins.builder(HistoryModels.models()).clock(clock).build();

  private Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  private void moveTo(long seconds) {
    clock.now = at(seconds);
  }

  @Test
  void valuesRemovalsDeletionAndRecreation() {
    PropertyHistory h = PropertyHistory.builder().track(HistoryModels.ROOM, "temperature", "mode").attach(twins);
    twins.createTwin("r1", HistoryModels.ROOM, room("temperature", 20.5, "mode", "eco", "label", "a"));
    moveTo(10);
    twins.set("r1", "temperature", 22.0);
    moveTo(20);
    twins.patch("r1", JsonPatch.of(new JsonPatch.Operation(JsonPatch.Op.REMOVE, "/temperature", Optional.empty())));
    moveTo(30);
    twins.delete("r1");
    moveTo(40);
    twins.createTwin("r1", HistoryModels.ROOM, room("temperature", 19.0));

    assertThat(h.valueAt("r1", "temperature", at(-1))).isEmpty();
    assertThat(h.valueAt("r1", "temperature", at(0))).contains(N.numberNode(20.5));
    assertThat(h.valueAt("r1", "temperature", at(9))).contains(N.numberNode(20.5));
    assertThat(h.valueAt("r1", "temperature", at(10))).contains(N.numberNode(22.0));
    assertThat(h.valueAt("r1", "temperature", at(25))).isEmpty();
    assertThat(h.valueAt("r1", "mode", at(29))).contains(N.stringNode("eco"));
    assertThat(h.valueAt("r1", "mode", at(30))).isEmpty();   // deleted
    assertThat(h.valueAt("r1", "mode", at(45))).isEmpty();   // re-created without it
    assertThat(h.valueAt("r1", "temperature", at(45))).contains(N.numberNode(19.0));
    assertThat(h.valueAt("r1", "label", at(5))).isEmpty();   // not selected
    assertThat(h.changes("r1", "temperature", at(0), at(100))).extracting(PropertyChange::toString).containsExactly(
        "2026-11-20T08:00:00Z=20.5", "2026-11-20T08:00:10Z=22.0", "2026-11-20T08:00:20Z=(absent)",
        "2026-11-20T08:00:40Z=19.0");
    assertThat(h.changes("r1", "temperature", at(10), at(40))).hasSize(2);
    assertThat(h.coveredFrom("r1", "temperature")).contains(at(0));
    assertThat(h.historyCount()).isEqualTo(2);
    assertThat(h.toString()).isEqualTo("PropertyHistory[models=1, twins=1, histories=2]");
  }

  @Test
  void aWriteOfTheSameValueIsNotAChange() {
    PropertyHistory h = PropertyHistory.builder().trackAll().attach(twins);
    twins.createTwin("r1", HistoryModels.ROOM, room("on", true));
    moveTo(5);
    twins.set("r1", "on", true);
    moveTo(6);
    twins.set("r1", "on", false);
    assertThat(h.changes("r1", "on", at(0), at(10))).extracting(c -> c.value().orElseThrow().booleanValue())
        .containsExactly(true, false);
  }

  @Test
  void objectsAndComponentsAreRecordedWholeAndReadByPath() {
    PropertyHistory h = PropertyHistory.builder().trackAll().attach(twins);
    twins.createTwin("r1", HistoryModels.ROOM, room("address", Map.of("street", "Main", "number", 1),
        "thermostat", Map.of("setPoint", 21.0)));
    moveTo(10);
    twins.set("r1", "address", Map.of("street", "Main", "number", 2));
    twins.set("r1", "thermostat/setPoint", 23.5);
    assertThat(h.valueAt("r1", List.of("address", "number"), at(5))).contains(N.numberNode(1));
    assertThat(h.valueAt("r1", List.of("address", "number"), at(10))).contains(N.numberNode(2));
    assertThat(h.valueAt("r1", "thermostat/setPoint", at(5))).contains(N.numberNode(21.0));
    assertThat(h.valueAt("r1", "thermostat/setPoint", at(10))).contains(N.numberNode(23.5));
    // the street never changed: one change in the window
    assertThat(h.changes("r1", List.of("address", "street"), at(0), at(20))).hasSize(1);
    assertThat(h.changes("r1", List.of("address", "number"), at(0), at(20))).hasSize(2);
  }

  @Test
  void numbersKeepTheirJsonKindAndFallBackToTextForOtherValues() {
    PropertyHistory h = PropertyHistory.builder().trackAll().attach(twins);
    twins.createTwin("r1", HistoryModels.ROOM, room("count", 3, "total", 3));
    moveTo(1);
    twins.set("r1", "count", 4);
    twins.set("r1", "total", 1L << 60);   // beyond what a double holds exactly: the history turns to text
    assertThat(h.valueAt("r1", "count", at(0))).contains(N.numberNode(3));
    assertThat(h.valueAt("r1", "count", at(1))).contains(N.numberNode(4));
    assertThat(h.valueAt("r1", "total", at(0))).contains(N.numberNode(3));
    assertThat(h.valueAt("r1", "total", at(1))).contains(N.numberNode(1L << 60));
    twins.createTwin("d1", HistoryModels.DESK, Map.of("label", "x"));
    moveTo(2);
    twins.set("d1", "label", "y");
    assertThat(h.valueAt("d1", "label", at(1))).contains(N.stringNode("x"));
    assertThat(h.valueAt("d1", "label", at(2))).contains(N.stringNode("y"));
  }

  @Test
  void selectionFollowsInheritanceAndSurvivesMigration() {
    PropertyHistory h = PropertyHistory.builder().track(HistoryModels.ROOM, "label").attach(twins);
    assertThat(h.tracks(Dtmi.of(HistoryModels.LAB), "label")).isTrue();
    assertThat(h.tracks(Dtmi.of(HistoryModels.DESK), "label")).isFalse();
    assertThat(h.tracks(Dtmi.of(HistoryModels.ROOM), "temperature")).isFalse();
    twins.createTwin("lab", HistoryModels.LAB, room("label", "l1", "hazard", "none"));
    twins.createTwin("desk", HistoryModels.DESK, Map.of("label", "d1"));
    moveTo(10);
    // migrate the lab to Desk: its label history goes on; the desk never had one
    twins.putTwin("lab", (tools.jackson.databind.node.ObjectNode) json(
        "{\"$dtId\":\"lab\",\"$metadata\":{\"$model\":\"" + HistoryModels.DESK + "\"},\"label\":\"l2\"}"),
        dev.twins.core.graph.Condition.none());
    assertThat(h.valueAt("lab", "label", at(0))).contains(N.stringNode("l1"));
    assertThat(h.valueAt("lab", "label", at(10))).contains(N.stringNode("l2"));
    assertThat(h.valueAt("lab", "hazard", at(0))).isEmpty();
    assertThat(h.valueAt("desk", "label", at(0))).isEmpty();
    assertThat(h.coveredFrom("desk", "label")).isEmpty();
  }

  @Test
  void twinsPresentAtAttachStartAtTheirLastUpdateTime() {
    twins.createTwin("r1", HistoryModels.ROOM, room("temperature", 20.0));
    moveTo(60);
    twins.set("r1", "mode", "comfort");
    moveTo(120);
    PropertyHistory h = PropertyHistory.builder().trackAll().attach(twins);
    assertThat(h.valueAt("r1", "temperature", at(0))).contains(N.numberNode(20.0));
    assertThat(h.valueAt("r1", "mode", at(30))).isEmpty();
    assertThat(h.valueAt("r1", "mode", at(60))).contains(N.stringNode("comfort"));
    twins.set("r1", "temperature", 21.0);
    assertThat(h.valueAt("r1", "temperature", at(120))).contains(N.numberNode(21.0));
    h.close();
    moveTo(130);
    twins.set("r1", "temperature", 25.0);
    assertThat(h.valueAt("r1", "temperature", at(130))).contains(N.numberNode(21.0));
  }

  @Test
  void retentionBoundsEachHistory() {
    PropertyHistory h = PropertyHistory.builder().trackAll().retention(Retention.ofCount(2)).attach(twins);
    twins.createTwin("r1", HistoryModels.ROOM, room("temperature", 1.0));
    for (int i = 1; i <= 5; i++) {
      moveTo(i);
      twins.set("r1", "temperature", 1.0 + i);
    }
    assertThat(h.changes("r1", "temperature", at(0), at(10))).hasSize(2);
    assertThat(h.coveredFrom("r1", "temperature")).contains(at(4));
    assertThat(h.valueAt("r1", "temperature", at(4))).contains(N.numberNode(5.0));
    assertThat(h.storedBytes()).isPositive();
    assertThat(h.forget("r1")).isTrue();
    assertThat(h.valueAt("r1", "temperature", at(5))).isEmpty();
  }

  @Test
  void badSelectionsAreClearErrors() {
    assertThatThrownBy(() -> PropertyHistory.builder().attach(twins))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trackAll()");
    assertThatThrownBy(() -> PropertyHistory.builder().track("dtmi:ex:history:Nope;1").attach(twins))
        .hasMessageContaining("dtmi:ex:history:Nope;1, which is not in the graph's models");
    assertThatThrownBy(() -> PropertyHistory.builder().track(HistoryModels.ROOM, "temprature").attach(twins))
        .hasMessageContaining("`temprature`, which is not a property or component of dtmi:ex:history:Room;1")
        .hasMessageContaining("temperature");
    assertThatThrownBy(() -> PropertyHistory.builder().track("room")).hasMessageContaining("'room' is not a model DTMI");
    PropertyHistory h = PropertyHistory.builder().trackAll().attach(twins);
    assertThatThrownBy(() -> h.valueAt("r1", List.of(), T0)).isInstanceOf(IllegalArgumentException.class);
  }

  /** A room's properties, with the thermostat component initialised unless given. */
  private static Map<String, Object> room(Object... keyValues) {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) m.put((String) keyValues[i], keyValues[i + 1]);
    m.putIfAbsent("thermostat", Map.of("$metadata", Map.of()));
    return m;
  }

  private static JsonNode json(String text) {
    return tools.jackson.databind.json.JsonMapper.builder().build().readTree(text);
  }
}
