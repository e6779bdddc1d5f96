package dev.twins.core.graph;

import static dev.twins.core.graph.DemoModels.ROOM;
import static dev.twins.core.graph.DemoModels.SENSOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.twins.core.graph.GraphException.Code;
import dev.twins.core.model.ModelParser;
import dev.twins.core.model.Models;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The patch of top-level primitive properties (checked against a plan of the twin's shape and
 * model, its snapshot and ETag made in the commit section) keeps every guarantee of the general
 * path: ETags never repeat, whichever path made them; the model of each twin decides what may be
 * written and what fits; times are the clock's, one per write.
 */
class FastPatchTest {
  /** A clock that moves one millisecond on every read. */
  private static final class Ticking extends Clock {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public synchronized Instant instant() {
      now = now.plusMillis(1);
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void etagsNeverRepeatAcrossFastAndGeneralWritesAndReverts() {
    List<ChangeEvent> events = new ArrayList<>();
    List<Optional<?>> befores = new ArrayList<>();
    Twins[] graph = new Twins[1];
    Twins g = Twins.builder(DemoModels.models()).commitHook(e -> {
      events.add(e);
      befores.add(e instanceof ChangeEvent.TwinUpdated ? graph[0].twin(e.twinId()) : Optional.empty());
      return CommitHook.Completion.none();
    }).build();
    graph[0] = g;
    Set<String> seen = new HashSet<>();
    g.createTwin("r", ROOM, Map.of("temperature", 20.0, "area", 10.0, "thermostat", Map.of("setPoint", 21.0)));
    g.createTwin("s", SENSOR, Map.of("value", 1.0));
    assertThat(seen.add(g.twin("r").orElseThrow().etag())).isTrue();
    assertThat(seen.add(g.twin("s").orElseThrow().etag())).isTrue();
    assertThat(seen.add(g.relate("r", "h1", "hasSensor", "s").etag())).isTrue();
    for (int i = 0; i < 50; i++) {
      // fast: a top-level double; general: a component property, a removal, a relationship
      assertThat(seen.add(g.patch("r", JsonPatch.builder().replace("/temperature", 20.0 + i).build()).etag())).isTrue();
      assertThat(seen.add(g.patch("s", JsonPatch.builder().replace("/value", (double) i).build()).etag())).isTrue();
      assertThat(seen.add(g.patch("r", JsonPatch.builder().replace("/thermostat/setPoint", 18.0 + i).build()).etag()))
          .isTrue();
      assertThat(seen.add(g.patch("r", JsonPatch.builder().remove("/area").build()).etag())).isTrue();
      assertThat(seen.add(g.patch("r", JsonPatch.builder().add("/area", 10.0 + i).build()).etag())).isTrue();
      assertThat(seen.add(g.setNumber("s", "value", i + 0.5).etag())).isTrue();
      assertThat(((ChangeEvent.TwinUpdated) events.get(events.size() - 1)).patch())
          .isEqualTo(JsonPatch.builder().add("/value", i + 0.5).build());
      assertThat(seen.add(g.relate("r", "h" + (i + 2), "hasSensor", "s").etag())).isTrue();
      g.deleteRelation("r", "h" + (i + 2), Condition.none());
    }
    // a reverted fast patch gives its sequence number back; the next one still gets a new ETag
    Twin before = g.twin("r").orElseThrow();
    String reverted = g.patch("r", JsonPatch.builder().replace("/temperature", 99.0).build()).etag();
    g.revert(events.get(events.size() - 1), befores.get(befores.size() - 1));
    assertThat(g.twin("r").orElseThrow().etag()).isEqualTo(before.etag());
    Twin again = g.patch("r", JsonPatch.builder().replace("/temperature", 98.0).build());
    assertThat(again.etag()).isNotEqualTo(reverted).isNotEqualTo(before.etag());
    assertThat(seen).doesNotContain(again.etag(), reverted);
    // an old ETag no longer matches
    assertThatThrownBy(() -> g.patch("r", JsonPatch.builder().replace("/temperature", 1.0).build(),
        Condition.ifMatch(reverted))).isInstanceOf(PreconditionFailedException.class);
    assertThat(g.patch("r", JsonPatch.builder().replace("/temperature", 1.0).build(), Condition.ifMatch(again.etag()))
        .number("temperature")).hasValue(1.0);
  }

  @Test
  void theModelOfEachTwinDecidesWhatAFastPatchMayWrite() {
    // two models whose twins have the same shape: "level" is a double in one, an integer in the other
    Models models = ModelParser.parseJson("""
        {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:ex:A;1", "@type": "Interface",
         "contents": [{"@type": "Property", "name": "level", "schema": "double", "writable": true},
                      {"@type": "Property", "name": "note", "schema": "string", "writable": true}]}""", """
        {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:ex:B;1", "@type": "Interface",
         "contents": [{"@type": "Property", "name": "level", "schema": "integer", "writable": true},
                      {"@type": "Property", "name": "note", "schema": "string"}]}""");
    for (boolean writableOnly : new boolean[] {false, true}) {
      Twins g = Twins.builder(models).enforceWritable(writableOnly).build();
      g.createTwin("a", "dtmi:ex:A;1", Map.of("level", 1.0));
      g.createTwin("b", "dtmi:ex:B;1", Map.of("level", 1));
      // one after the other, so that a plan made for one twin's shape is at hand for the other's
      for (int i = 0; i < 3; i++) {
        assertThat(g.patch("a", JsonPatch.builder().replace("/level", 2.5 + i).build()).number("level"))
            .hasValue(2.5 + i);
        assertThat(codeOf(() -> g.patch("b", JsonPatch.builder().replace("/level", 2.5).build())))
            .isEqualTo(Code.VALIDATION_FAILED);
        assertThat(g.patch("b", JsonPatch.builder().replace("/level", 3 + i).build()).number("level"))
            .hasValue(3.0 + i);
        assertThat(codeOf(() -> g.patch("a", JsonPatch.builder().replace("/level", "high").build())))
            .isEqualTo(Code.VALIDATION_FAILED);
      }
      assertThat(g.twin("a").orElseThrow().version()).isEqualTo(4);
      assertThat(g.twin("b").orElseThrow().version()).isEqualTo(4);
      // "note" is writable in A only: a graph that enforces it refuses it on B, else takes it
      assertThat(g.patch("a", JsonPatch.builder().add("/note", "x").build()).property("note")).isPresent();
      if (writableOnly) {
        assertThat(codeOf(() -> g.patch("b", JsonPatch.builder().add("/note", "x").build())))
            .isEqualTo(Code.NOT_WRITABLE);
      } else {
        assertThat(g.patch("b", JsonPatch.builder().add("/note", "x").build()).property("note")).isPresent();
      }
      // now both have the same shape again (level, note): the plans still follow the model
      assertThat(codeOf(() -> g.patch("b", JsonPatch.builder().replace("/level", 0.5).build())))
          .isEqualTo(Code.VALIDATION_FAILED);
      if (writableOnly) {
        assertThat(g.patch("a", JsonPatch.builder().replace("/note", "y").build()).property("note")).isPresent();
      } else {
        assertThat(g.patch("b", JsonPatch.builder().replace("/note", "y").build()).property("note")).isPresent();
      }
    }
  }

  @Test
  void aFastPatchTakesOneTimeAndTouchesOnlyWhatItWrites() {
    Twins g = Twins.builder(DemoModels.models()).clock(new Ticking()).build();
    Twin created = g.createTwin("r", ROOM, Map.of("temperature", 20.0, "area", 10.0, "name", "lab", "thermostat",
        Map.of("setPoint", 21.0)));
    Twin t = g.patch("r", JsonPatch.builder().replace("/temperature", 21.0).replace("/area", 11.0).build());
    assertThat(t.lastUpdateTime()).isEqualTo(created.lastUpdateTime().plusMillis(1));
    assertThat(t.metadata().get("temperature").lastUpdateTime()).isEqualTo(t.lastUpdateTime());
    assertThat(t.metadata().get("area").lastUpdateTime()).isEqualTo(t.lastUpdateTime());
    assertThat(t.metadata().get("name").lastUpdateTime()).isEqualTo(created.lastUpdateTime());
    assertThat(t.version()).isEqualTo(2);
    Twin u = g.patch("r", JsonPatch.builder().add("/name", "lab 2").build());
    assertThat(u.lastUpdateTime()).isEqualTo(t.lastUpdateTime().plusMillis(1));
    assertThat(u.metadata().get("name").lastUpdateTime()).isEqualTo(u.lastUpdateTime());
    assertThat(u.metadata().get("temperature").lastUpdateTime()).isEqualTo(t.lastUpdateTime());
    assertThat(u.etag()).isNotEqualTo(t.etag()).matches("W/\"[0-9a-f]+-[0-9a-f]+\"");
  }

  @Test
  void settingANumberIsTheSameWriteAsSettingItBoxed() {
    List<ChangeEvent> boxedEvents = new ArrayList<>();
    List<ChangeEvent> numberEvents = new ArrayList<>();
    List<Twin> written = new ArrayList<>();
    Twins boxed = Twins.builder(DemoModels.models()).clock(new Ticking()).build();
    Twins number = Twins.builder(DemoModels.models()).clock(new Ticking()).build();
    for (Twins g : List.of(boxed, number)) {
      g.createTwin("r", ROOM, Map.of("temperature", 20.0, "area", 10.0, "thermostat", Map.of("setPoint", 21.0)));
      g.createTwin("f", DemoModels.FLOOR, Map.of("level", 1));
      g.createTwin("s", SENSOR, Map.of());
    }
    Object[][] writes = {
        {"r", "temperature", 21.5}, {"r", "area", 0.0}, {"r", "area", -0.0}, {"r", "thermostat/setPoint", 19.0},
        {"f", "level", 3.0}, {"s", "value", 7.25}, {"s", "value", 8.0}, {"r", "temperature", 1e300}};
    for (int i = 0; i < writes.length; i++) {
      String id = (String) writes[i][0];
      String p = (String) writes[i][1];
      double v = (Double) writes[i][2];
      if (i == 3) {
        // from here on, both graphs have listeners: the events must be the same too
        boxed.subscribe(e -> true, boxedEvents::add);
        number.subscribe(e -> true, numberEvents::add);
      }
      String before = number.twin(id).orElseThrow().etag();
      Twin a = boxed.set(id, p, v);
      Twin b = number.setNumber(id, p, v);
      if (i >= 3) written.add(b);
      assertThat(b.toJson().without("$etag")).isEqualTo(a.toJson().without("$etag"));
      assertThat(b.metadata()).isEqualTo(a.metadata());
      assertThat(b.version()).isEqualTo(a.version());
      assertThat(b.etag()).isNotEqualTo(before);
    }
    assertThat(numberEvents).hasSameSizeAs(boxedEvents).hasSize(writes.length - 3);
    for (int i = 0; i < numberEvents.size(); i++) {
      ChangeEvent.TwinUpdated a = (ChangeEvent.TwinUpdated) boxedEvents.get(i);
      ChangeEvent.TwinUpdated b = (ChangeEvent.TwinUpdated) numberEvents.get(i);
      assertThat(b.patch()).isEqualTo(a.patch());
      assertThat(b.sequence()).isEqualTo(a.sequence());
      assertThat(b.time()).isEqualTo(a.time());
      assertThat(b.twin()).isSameAs(written.get(i));
    }
    // the same refusals, in the same order
    assertThat(codeOf(() -> number.setNumber("f", "level", 2.5))).isEqualTo(Code.VALIDATION_FAILED);
    assertThat(codeOf(() -> number.setNumber("nope", "level", 2.0))).isEqualTo(Code.TWIN_NOT_FOUND);
    assertThat(codeOf(() -> number.setNumber("f", "height", 2.0))).isEqualTo(Code.VALIDATION_FAILED);
    assertThatThrownBy(() -> number.setNumber("nope", "level", Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> boxed.set("nope", "level", Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(number.twin("f").orElseThrow().version()).isEqualTo(2);
  }

  private static Code codeOf(Runnable r) {
    try {
      r.run();
    } catch (GraphException e) {
      return e.code();
    }
    throw new AssertionError("no GraphException");
  }
}
