package dev.twins.core.graph;

import static dev.twins.core.graph.DemoModels.BUILDING;
import static dev.twins.core.graph.DemoModels.FLOOR;
import static dev.twins.core.graph.DemoModels.ROOM;
import static dev.twins.core.graph.DemoModels.SENSOR;
import static dev.twins.core.graph.DemoModels.SPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class TwinsTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static Twins graph() {
    return Twins.builder(DemoModels.models()).clock(Clock.fixed(T0, ZoneOffset.UTC)).build();
  }

  private static ObjectNode json(String text) {
    return (ObjectNode) JSON.readTree(text);
  }

  private static Map<String, Object> room(double temperature) {
    return Map.of("temperature", temperature, "thermostat", Map.of("setPoint", 21.0));
  }

  @Test
  void createAndReadATwin() {
    Twins g = graph();
    Twin t = g.createTwin("room-1", ROOM, room(22.5));

    assertThat(t.id()).isEqualTo("room-1");
    assertThat(t.model().value()).isEqualTo(ROOM);
    assertThat(t.version()).isEqualTo(1);
    assertThat(t.number("temperature")).hasValue(22.5);
    assertThat(t.number("thermostat/setPoint")).hasValue(21.0);
    assertThat(t.metadata()).containsOnlyKeys("temperature", "thermostat/setPoint");
    assertThat(t.metadata().get("temperature").lastUpdateTime()).isEqualTo(T0);
    assertThat(g.twin("room-1")).contains(t);
    assertThat(g.twin("nobody")).isEmpty();
    assertThat(g.twinCount()).isEqualTo(1);
    assertThat(g.version()).isEqualTo(1);
    assertThat(g.toString()).isEqualTo("Twins[twins=1, relationships=0, models=6, version=1]");
  }

  @Test
  void twinJsonHasTheShapeOfAzureDigitalTwins() {
    Twins g = graph();
    Twin t = g.createTwin(json("""
        {"$dtId": "room-1", "$metadata": {"$model": "dtmi:ex:Room;1",
           "temperature": {"sourceTime": "2025-12-31T23:59:00Z"}},
         "temperature": 20.5,
         "thermostat": {"$metadata": {}, "setPoint": 19.0}}"""));

    ObjectNode out = t.toJson();
    assertThat(out.get("$dtId").asString()).isEqualTo("room-1");
    assertThat(out.get("$etag").asString()).isEqualTo(t.etag()).startsWith("W/\"");
    assertThat(out.get("$metadata").get("$model").asString()).isEqualTo(ROOM);
    assertThat(out.get("$metadata").get("$lastUpdateTime").asString()).isEqualTo(T0.toString());
    assertThat(out.get("$metadata").get("temperature").get("lastUpdateTime").asString()).isEqualTo(T0.toString());
    assertThat(out.get("$metadata").get("temperature").get("sourceTime").asString()).isEqualTo("2025-12-31T23:59:00Z");
    assertThat(out.get("temperature").asDouble()).isEqualTo(20.5);
    assertThat(out.get("thermostat").get("setPoint").asDouble()).isEqualTo(19.0);
    assertThat(out.get("thermostat").get("$metadata").get("setPoint").get("lastUpdateTime").asString())
        .isEqualTo(T0.toString());
    // and it reads back to an equal twin
    Twins other = graph();
    assertThat(other.createTwin(out).toJson().without("$etag")).isEqualTo(out.deepCopy().without("$etag"));
  }

  @Test
  void valuesThatDoNotFitTheModelAreRejectedWithTwinPathExpectedAndGiven() {
    Twins g = graph();
    assertThatThrownBy(() -> g.createTwin("room-1", ROOM, Map.of("temperature", "hot",
        "thermostat", Map.of("setPoint", 21.0))))
        .isInstanceOfSatisfying(GraphException.class, e -> {
          assertThat(e.code()).isEqualTo(GraphException.Code.VALIDATION_FAILED);
          assertThat(e.twinId()).isEqualTo("room-1");
          assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("/temperature");
            assertThat(p.expected()).isEqualTo("double");
            assertThat(p.given()).isEqualTo("\"hot\"");
          });
          assertThat(e.getMessage()).contains("room-1", "/temperature", "double", "\"hot\"");
        });
    assertThat(g.twin("room-1")).isEmpty();
    assertThat(g.twinCount()).isZero();
  }

  @Test
  void undeclaredPropertiesTelemetryAndMissingComponentsAreRejected() {
    Twins g = graph();
    assertThatThrownBy(() -> g.createTwin("r", ROOM, Map.of("colour", "red", "thermostat", Map.of())))
        .isInstanceOfSatisfying(GraphException.class, e -> assertThat(e.problems()).extracting(GraphException.Problem::path)
            .containsExactly("/colour"));
    assertThatThrownBy(() -> g.createTwin("s", SENSOR, Map.of("reading", 1.0)))
        .isInstanceOfSatisfying(GraphException.class, e -> assertThat(e.problems().get(0).message())
            .contains("Telemetry"));
    assertThatThrownBy(() -> g.createTwin("r", ROOM, Map.of("temperature", 1.0)))
        .isInstanceOfSatisfying(GraphException.class, e -> assertThat(e.problems()).extracting(GraphException.Problem::path)
            .containsExactly("/thermostat"));
    assertThatThrownBy(() -> g.createTwin("r", ROOM, Map.of("thermostat", Map.of("setPoint", "x"))))
        .isInstanceOfSatisfying(GraphException.class, e -> assertThat(e.problems()).extracting(GraphException.Problem::path)
            .containsExactly("/thermostat/setPoint"));
    assertThatThrownBy(() -> g.createTwin("r", "dtmi:ex:Nothing;1", Map.of()))
        .isInstanceOfSatisfying(GraphException.class, e -> assertThat(e.code()).isEqualTo(GraphException.Code.MODEL_NOT_FOUND));
  }

  @Test
  void idsMustBeNonEmptyShortAndPrintable() {
    Twins g = graph();
    for (String bad : List.of("", "a\nb", "x".repeat(1025))) {
      assertThatThrownBy(() -> g.createTwin(bad, SENSOR, Map.of()))
          .isInstanceOfSatisfying(GraphException.class, e -> assertThat(e.code()).isEqualTo(GraphException.Code.INVALID_ID));
    }
    assertThat(g.createTwin("x".repeat(1024), SENSOR, Map.of()).id()).hasSize(1024);
    assertThat(g.createTwin("Zimmer 3.14 / Süd", SENSOR, Map.of()).id()).isEqualTo("Zimmer 3.14 / Süd");
  }

  @Test
  void conditionsGuardCreateReplaceAndDelete() {
    Twins g = graph();
    Twin t = g.createTwin("s", SENSOR, Map.of("value", 1.0));
    assertThatThrownBy(() -> g.createTwin("s", SENSOR, Map.of()))
        .isInstanceOfSatisfying(PreconditionFailedException.class, e -> {
          assertThat(e.code()).isEqualTo(GraphException.Code.PRECONDITION_FAILED);
          assertThat(e.actualEtag()).isEqualTo(t.etag());
        });
    ObjectNode body = json("{\"$metadata\": {\"$model\": \"dtmi:ex:Sensor;1\"}, \"value\": 2.0}");
    assertThatThrownBy(() -> g.putTwin("s", body, Condition.ifMatch("W/\"stale\"")))
        .isInstanceOfSatisfying(PreconditionFailedException.class, e -> {
          assertThat(e.expectedEtag()).isEqualTo("W/\"stale\"");
          assertThat(e.actualEtag()).isEqualTo(t.etag());
        });
    Twin replaced = g.putTwin("s", body, Condition.ifMatch(t.etag()));
    assertThat(replaced.version()).isEqualTo(2);
    assertThat(replaced.etag()).isNotEqualTo(t.etag());
    assertThat(replaced.number("value")).hasValue(2.0);
    assertThatThrownBy(() -> g.delete("s", Condition.ifMatch(t.etag()))).isInstanceOf(PreconditionFailedException.class);
    g.delete("s", Condition.ifMatchAny());
    assertThat(g.twin("s")).isEmpty();
    assertThatThrownBy(() -> g.delete("s")).isInstanceOfSatisfying(GraphException.class,
        e -> assertThat(e.code()).isEqualTo(GraphException.Code.TWIN_NOT_FOUND));
  }

  @Test
  void relationshipsFollowTheModel() {
    Twins g = graph();
    g.createTwin("b", BUILDING, Map.of());
    g.createTwin("f1", FLOOR, Map.of("level", 1));
    g.createTwin("r1", ROOM, room(20));
    g.createTwin("s1", SENSOR, Map.of());

    Relation r = g.relate("b", "b-f1", "contains", "f1");
    g.relate("f1", "f1-r1", "contains", "r1");
    g.putRelation("r1", "r1-s1", json("{\"$targetId\": \"s1\", \"$relationshipName\": \"hasSensor\", "
        + "\"since\": \"2024-01-01T00:00:00Z\"}"), Condition.none());

    assertThat(r.toJson().get("$sourceId").asString()).isEqualTo("b");
    assertThat(g.outgoing("b")).containsExactly(r);
    assertThat(g.incoming("f1")).containsExactly(r);
    assertThat(g.outgoing("r1", "hasSensor")).extracting(Relation::targetId).containsExactly("s1");
    assertThat(g.relationCount()).isEqualTo(3);
    // unknown name, wrong target model, bad property, self relationship
    assertThatThrownBy(() -> g.relate("b", "x", "feeds", "f1")).isInstanceOfSatisfying(GraphException.class,
        e -> assertThat(e.code()).isEqualTo(GraphException.Code.INVALID_RELATIONSHIP));
    assertThatThrownBy(() -> g.relate("r1", "x", "hasSensor", "f1")).isInstanceOfSatisfying(GraphException.class,
        e -> assertThat(e.getMessage()).contains("dtmi:ex:Sensor;1", "dtmi:ex:Floor;1"));
    assertThatThrownBy(() -> g.putRelation("r1", "y", json("{\"$targetId\": \"s1\", \"$relationshipName\": \"hasSensor\", "
        + "\"since\": 5}"), Condition.none())).isInstanceOfSatisfying(GraphException.class,
        e -> assertThat(e.problems()).extracting(GraphException.Problem::path).containsExactly("/since"));
    assertThatThrownBy(() -> g.relate("f1", "self", "contains", "f1")).isInstanceOfSatisfying(GraphException.class,
        e -> assertThat(e.code()).isEqualTo(GraphException.Code.SELF_RELATIONSHIP));
    assertThatThrownBy(() -> g.relate("f1", "x", "contains", "nowhere")).isInstanceOfSatisfying(GraphException.class,
        e -> assertThat(e.code()).isEqualTo(GraphException.Code.TARGET_NOT_FOUND));
    // ADT: a twin with relationships cannot be deleted
    assertThatThrownBy(() -> g.delete("f1")).isInstanceOfSatisfying(GraphException.class,
        e -> assertThat(e.code()).isEqualTo(GraphException.Code.HAS_RELATIONSHIPS));
    g.deleteRelation("b", "b-f1", Condition.none());
    g.deleteRelation("f1", "f1-r1", Condition.ifMatch(g.relation("f1", "f1-r1").orElseThrow().etag()));
    g.delete("f1");
    assertThat(g.relationCount()).isEqualTo(1);
  }

  @Test
  void optionsCascadeDeleteMultiplicityWritableAndSelfRelationships() {
    Twins g = Twins.builder(DemoModels.models()).cascadeDelete(true).enforceMaxMultiplicity(true)
        .enforceWritable(true).allowSelfRelationships(true).build();
    g.createTwin("r1", ROOM, room(20));
    for (String s : List.of("s1", "s2", "s3")) g.createTwin(s, SENSOR, Map.of());
    g.relate("r1", "a", "hasSensor", "s1");
    g.relate("r1", "b", "hasSensor", "s2");
    assertThatThrownBy(() -> g.relate("r1", "c", "hasSensor", "s3")).isInstanceOfSatisfying(GraphException.class,
        e -> assertThat(e.code()).isEqualTo(GraphException.Code.MULTIPLICITY_EXCEEDED));
    g.relate("r1", "self", "contains", "r1");
    assertThatThrownBy(() -> g.set("r1", "area", 12.0)).isInstanceOfSatisfying(GraphException.class,
        e -> assertThat(e.code()).isEqualTo(GraphException.Code.NOT_WRITABLE));
    g.delete("r1");
    assertThat(g.twin("r1")).isEmpty();
    assertThat(g.relationCount()).isZero();
    assertThat(g.incoming("s1")).isEmpty();
  }

  @Test
  void theModelIndexFindsSubtypesWithoutAScan() {
    Twins g = graph();
    g.createTwin("b", BUILDING, Map.of());
    g.createTwin("f", FLOOR, Map.of());
    g.createTwin("r", ROOM, room(1));
    g.createTwin("s", SENSOR, Map.of());
    assertThat(g.twinsOfModel(SPACE)).extracting(Twin::id).containsExactlyInAnyOrder("b", "f", "r");
    assertThat(g.twinsOfModel(ROOM)).extracting(Twin::id).containsExactly("r");
    g.delete("r");
    assertThat(g.twinsOfModel(SPACE)).extracting(Twin::id).containsExactlyInAnyOrder("b", "f");
  }

  @Test
  void eventsAreDeliveredInCommitOrderWithIncreasingSequenceNumbers() {
    Twins g = graph();
    List<ChangeEvent> seen = new ArrayList<>();
    Subscription sub = g.subscribe(ChangeFilters.all(), seen::add);
    g.createTwin("f", FLOOR, Map.of());
    g.createTwin("r", ROOM, room(1));
    g.relate("f", "fr", "contains", "r");
    g.deleteRelation("f", "fr", Condition.none());
    g.delete("r");
    assertThat(seen).extracting(e -> e.getClass().getSimpleName())
        .containsExactly("TwinCreated", "TwinCreated", "RelationCreated", "RelationDeleted", "TwinDeleted");
    assertThat(seen).extracting(ChangeEvent::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(sub.delivered()).isEqualTo(5);
    sub.cancel();
    g.delete("f");
    assertThat(seen).hasSize(5);
  }

  @Test
  void aFailingSubscriberNeverBreaksTheWrite() {
    Twins g = graph();
    Subscription bad = g.subscribe(ChangeFilters.all(), e -> {
      throw new IllegalStateException("boom");
    });
    List<ChangeEvent> good = new ArrayList<>();
    g.subscribe(ChangeFilters.all(), good::add);
    Twin t = g.createTwin("s", SENSOR, Map.of());
    assertThat(g.twin("s")).contains(t);
    assertThat(good).hasSize(1);
    assertThat(bad.failures()).isEqualTo(1);
    assertThat(bad.lastFailure()).get().extracting(Throwable::getMessage).isEqualTo("boom");
  }

  @Test
  void synchronousSubscribersCannotWriteButAsynchronousOnesCan() throws Exception {
    Twins g = graph();
    Subscription sync = g.subscribe(ChangeFilters.ofKind(ChangeEvent.TwinCreated.class),
        e -> g.createTwin("echo-" + e.twinId(), SENSOR, Map.of()));
    g.createTwin("s", SENSOR, Map.of());
    assertThat(sync.failures()).isEqualTo(1);
    assertThat(g.twin("echo-s")).isEmpty();
    sync.cancel();

    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
      g.subscribe(ChangeFilters.ofKind(ChangeEvent.TwinCreated.class).and(ChangeFilters.twin("t")), e -> {
        g.createTwin("echo-" + e.twinId(), SENSOR, Map.of());
        done.countDown();
      }, pool);
      g.createTwin("t", SENSOR, Map.of());
      assertThat(done.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      assertThat(g.twin("echo-t")).isPresent();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void patchFiltersSeeValuesInsideThePatchAlsoWhenAParentIsWritten() {
    Twins g = graph();
    g.createTwin("r", ROOM, room(20));
    List<String> seen = new ArrayList<>();
    g.subscribe(ChangeFilters.ofModel(g.models(), SPACE).and(ChangeFilters.patchSets("/thermostat/setPoint",
        v -> v.asDouble() > 25)), e -> seen.add(e.twinId() + "@" + e.sequence()));
    g.set("r", "thermostat/setPoint", 22.0);
    g.set("r", "thermostat/setPoint", 26.0);
    g.patch("r", JsonPatch.builder().replace("/thermostat", json("{\"setPoint\": 30}")).build());
    g.set("r", "temperature", 40.0);
    assertThat(seen).containsExactly("r@3", "r@4");
  }
}
