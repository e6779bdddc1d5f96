package dev.twins.core.graph;

import static dev.twins.core.model.Schemas.DOUBLE;
import static dev.twins.core.model.Schemas.STRING;
import static dev.twins.core.model.Schemas.enumOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.twins.core.graph.GraphException.Code;
import dev.twins.core.model.ModelBuilder;
import dev.twins.core.model.Models;
import dev.twins.core.model.PrimitiveSchema;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The device members of a property's metadata ({@code desiredValue}, {@code desiredVersion},
 * {@code ackVersion}, {@code ackCode}, {@code ackDescription}) written by JSON Patch through the
 * graph's one write path.
 */
class DeviceMetadataTest {
  static final String THERMOSTAT = "dtmi:test:dev:Thermostat;1";
  static final String HEATER = "dtmi:test:dev:Heater;1";
  static final Models MODELS = ModelBuilder.create()
      .define(THERMOSTAT, t -> t
          .property("targetTemperature", DOUBLE, p -> p.writable())
          .property("mode", enumOf(PrimitiveSchema.STRING, "auto", "manual"), p -> p.writable())
          .property("serial", STRING)
          .telemetry("temperature", DOUBLE)
          .component("heater", HEATER))
      .define(HEATER, h -> h.property("power", DOUBLE, p -> p.writable()))
      .build();
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private Twins g;
  private final List<ChangeEvent> events = new ArrayList<>();

  @BeforeEach
  void setUp() {
    g = Twins.builder(MODELS).clock(Clock.fixed(T0, ZoneOffset.UTC)).build();
    ObjectNode heater = JsonNodeFactory.instance.objectNode();
    g.createTwin("t1", THERMOSTAT, Map.of("serial", "A-1", "heater", heater));
    g.subscribe(ChangeFilters.all(), events::add);
  }

  @Test
  void aDesiredValueIsKeptForAPropertyThatHasNoValueYet() {
    Twin t = g.patch("t1", JsonPatch.builder().add("/$metadata/targetTemperature/desiredValue", 21.5)
        .add("/$metadata/targetTemperature/desiredVersion", 2).build());
    PropertyMetadata pm = t.metadata().get("targetTemperature");
    assertThat(pm.desiredValue()).hasValueSatisfying(v -> assertThat(v.doubleValue()).isEqualTo(21.5));
    assertThat(pm.desiredVersion()).isEqualTo(OptionalLong.of(2));
    assertThat(pm.ackCode()).isEmpty();
    assertThat(t.property("targetTemperature")).isEmpty();
    JsonNode json = t.toJson();
    assertThat(json.at("/$metadata/targetTemperature/desiredValue").doubleValue()).isEqualTo(21.5);
    assertThat(json.at("/$metadata/targetTemperature/desiredVersion").longValue()).isEqualTo(2);
    assertThat(json.has("targetTemperature")).isFalse();
    assertThat(events).singleElement().isInstanceOfSatisfying(ChangeEvent.TwinUpdated.class,
        e -> assertThat(e.patch().paths()).contains("/$metadata/targetTemperature/desiredValue"));
  }

  @Test
  void aReportWritesValueAndAcknowledgementInOneChange() {
    g.patch("t1", JsonPatch.builder().add("/$metadata/targetTemperature/desiredValue", 21.5)
        .add("/$metadata/targetTemperature/desiredVersion", 2).build());
    Twin t = g.patch("t1", JsonPatch.builder().add("/targetTemperature", 21.5)
        .add("/$metadata/targetTemperature/ackCode", 200).add("/$metadata/targetTemperature/ackVersion", 2)
        .add("/$metadata/targetTemperature/ackDescription", "applied").build());
    PropertyMetadata pm = t.metadata().get("targetTemperature");
    assertThat(t.number("targetTemperature")).hasValue(21.5);
    assertThat(pm.ackCode()).isEqualTo(OptionalInt.of(200));
    assertThat(pm.ackVersion()).isEqualTo(OptionalLong.of(2));
    assertThat(pm.ackDescription()).contains("applied");
    assertThat(pm.desiredVersion()).isEqualTo(OptionalLong.of(2));
    assertThat(events).hasSize(2);
  }

  @Test
  void writingTheValueKeepsTheDeviceMembers() {
    g.patch("t1", JsonPatch.builder().add("/$metadata/mode/desiredValue", "auto")
        .add("/$metadata/mode/desiredVersion", 1).build());
    Twin t = g.set("t1", "mode", "manual");
    assertThat(t.metadata().get("mode").desiredValue()).hasValueSatisfying(v -> assertThat(v.asString())
        .isEqualTo("auto"));
    t = g.patch("t1", JsonPatch.builder().remove("/mode").build());
    assertThat(t.metadata()).containsKey("mode");
    assertThat(t.metadata().get("mode").desiredVersion()).isEqualTo(OptionalLong.of(1));
    t = g.patch("t1", JsonPatch.builder().remove("/$metadata/mode/desiredValue")
        .remove("/$metadata/mode/desiredVersion").build());
    assertThat(t.metadata()).doesNotContainKey("mode");
  }

  @Test
  void componentPropertiesHaveDeviceMembersToo() {
    Twin t = g.patch("t1", JsonPatch.builder().add("/heater/$metadata/power/desiredValue", 1500.0)
        .add("/heater/$metadata/power/desiredVersion", 7).build());
    assertThat(t.metadata().get("heater/power").desiredVersion()).isEqualTo(OptionalLong.of(7));
    assertThat(t.toJson().at("/heater/$metadata/power/desiredValue").doubleValue()).isEqualTo(1500.0);
  }

  @Test
  void aDesiredValueMustFitTheSchema() {
    assertThatThrownBy(() -> g.patch("t1", JsonPatch.builder().add("/$metadata/mode/desiredValue", "turbo").build()))
        .isInstanceOfSatisfying(GraphException.class, e -> {
          assertThat(e.code()).isEqualTo(Code.VALIDATION_FAILED);
          assertThat(e.twinId()).isEqualTo("t1");
          assertThat(e.problems()).singleElement().satisfies(p ->
              assertThat(p.path()).isEqualTo("/$metadata/mode/desiredValue"));
        });
    assertThat(g.twin("t1").orElseThrow().metadata()).doesNotContainKey("mode");
  }

  @Test
  void aReadOnlyPropertyHasNoDesiredValue() {
    assertThatThrownBy(() -> g.patch("t1", JsonPatch.builder().add("/$metadata/serial/desiredValue", "B").build()))
        .isInstanceOfSatisfying(GraphException.class, e -> assertThat(e.code()).isEqualTo(Code.NOT_WRITABLE))
        .hasMessageContaining("t1").hasMessageContaining("'serial'").hasMessageContaining("not writable");
  }

  @Test
  void membersAreTypeChecked() {
    assertThatThrownBy(() -> g.patch("t1", JsonPatch.builder().add("/$metadata/mode/desiredVersion", -1).build()))
        .isInstanceOfSatisfying(GraphException.class, e -> assertThat(e.code()).isEqualTo(Code.VALIDATION_FAILED))
        .hasMessageContaining("/$metadata/mode/desiredVersion must be a non-negative integer");
    assertThatThrownBy(() -> g.patch("t1", JsonPatch.builder().add("/$metadata/mode/ackCode", 2.5).build()))
        .hasMessageContaining("/$metadata/mode/ackCode must be an integer");
    assertThatThrownBy(() -> g.patch("t1", JsonPatch.builder().add("/$metadata/mode/ackDescription", 3).build()))
        .hasMessageContaining("must be a string");
  }

  @Test
  void pathsMustNameAPropertyOfTheModel() {
    assertThatThrownBy(() -> g.patch("t1", JsonPatch.builder().add("/$metadata/temperature/desiredValue", 1.0)
        .build())).isInstanceOfSatisfying(GraphException.class, e -> assertThat(e.code())
        .isEqualTo(Code.INVALID_PATCH)).hasMessageContaining("'temperature' is not a Property of " + THERMOSTAT)
        .hasMessageContaining("Telemetry");
    assertThatThrownBy(() -> g.patch("t1", JsonPatch.builder().add("/nope/$metadata/power/desiredValue", 1.0)
        .build())).hasMessageContaining("'nope' is not a Component");
    assertThatThrownBy(() -> g.patch("t1", JsonPatch.builder().add("/$metadata/heater/power/desiredValue", 1.0)
        .build())).hasMessageContaining("cannot be patched");
  }

  @Test
  void replaceRemoveAndTestFollowJsonPatch() {
    assertThatThrownBy(() -> g.patch("t1", JsonPatch.builder().replace("/$metadata/mode/ackCode", 200).build()))
        .hasMessageContaining("has no ackCode to replace");
    assertThatThrownBy(() -> g.patch("t1", JsonPatch.builder().remove("/$metadata/mode/ackCode").build()))
        .hasMessageContaining("has no ackCode");
    g.patch("t1", JsonPatch.builder().add("/$metadata/mode/ackCode", 202).build());
    Twin t = g.patch("t1", JsonPatch.builder().test("/$metadata/mode/ackCode", 202)
        .replace("/$metadata/mode/ackCode", 200).build());
    assertThat(t.metadata().get("mode").ackCode()).isEqualTo(OptionalInt.of(200));
    assertThatThrownBy(() -> g.patch("t1", JsonPatch.builder().test("/$metadata/mode/ackCode", 202)
        .replace("/$metadata/mode/ackCode", 500).build())).hasMessageContaining("test of /$metadata/mode/ackCode failed");
    assertThat(g.twin("t1").orElseThrow().metadata().get("mode").ackCode()).isEqualTo(OptionalInt.of(200));
  }

  @Test
  void aFailedPatchLeavesTheDeviceMembersAsTheyWere() {
    g.patch("t1", JsonPatch.builder().add("/$metadata/mode/desiredValue", "auto").build());
    assertThatThrownBy(() -> g.patch("t1", JsonPatch.builder().add("/$metadata/mode/desiredValue", "manual")
        .add("/mode", 42).build())).isInstanceOf(GraphException.class);
    assertThat(g.twin("t1").orElseThrow().metadata().get("mode").desiredValue())
        .hasValueSatisfying(v -> assertThat(v.asString()).isEqualTo("auto"));
  }

  @Test
  void metadataWithoutDeviceMembersIsAsBefore() {
    Twin t = g.set("t1", "mode", "auto");
    assertThat(t.metadata().get("mode")).isEqualTo(new PropertyMetadata(T0, java.util.Optional.empty()));
    assertThat(t.metadata().get("mode").hasDeviceState()).isFalse();
    assertThat(t.toJson().get("$metadata").get("mode").propertyNames()).containsExactly("lastUpdateTime");
  }

  @Test
  void deviceMembersTravelWithTheTwinsJson() {
    g.patch("t1", JsonPatch.builder().add("/mode", "auto").add("/$metadata/mode/desiredValue", "manual")
        .add("/$metadata/mode/desiredVersion", 3).add("/$metadata/mode/ackCode", 202)
        .add("/$metadata/mode/ackVersion", 3).add("/$metadata/mode/ackDescription", "switching")
        .add("/heater/$metadata/power/desiredValue", 900.0).add("/heater/$metadata/power/desiredVersion", 4).build());
    Twin before = g.twin("t1").orElseThrow();
    Twins copy = Twins.builder(MODELS).clock(Clock.fixed(T0, ZoneOffset.UTC)).build();
    Twin after = copy.createTwin(before.toJson());
    assertThat(after.metadata()).isEqualTo(before.metadata());
    assertThat(after.toJson().get("$metadata")).isEqualTo(before.toJson().get("$metadata"));
    assertThat(after.toJson().at("/heater/$metadata/power")).isEqualTo(before.toJson().at("/heater/$metadata/power"));

    ObjectNode bad = before.toJson();
    ((ObjectNode) bad.get("$metadata").get("mode")).put("desiredValue", "turbo");
    assertThatThrownBy(() -> copy.putTwin("t1", bad, Condition.none()))
        .isInstanceOfSatisfying(GraphException.class, e -> assertThat(e.problems()).extracting(GraphException.Problem::path)
            .containsExactly("/$metadata/mode/desiredValue"));
    assertThat(copy.twin("t1").orElseThrow()).isEqualTo(after);
  }

  @Test
  void theFastPathForPrimitiveValuesKeepsTheDeviceMembers() {
    g.patch("t1", JsonPatch.builder().add("/$metadata/targetTemperature/desiredValue", 21.5)
        .add("/$metadata/targetTemperature/desiredVersion", 1).build());
    g.set("t1", "targetTemperature", 20.0);
    Twin t = g.patch("t1", JsonPatch.builder().replace("/targetTemperature", 21.0).build());
    assertThat(t.number("targetTemperature")).hasValue(21.0);
    assertThat(t.metadata().get("targetTemperature").desiredVersion()).isEqualTo(OptionalLong.of(1));
    assertThat(t.toJson().at("/$metadata/targetTemperature/desiredValue").doubleValue()).isEqualTo(21.5);
  }

  @Test
  void replayedEventsRebuildTheDeviceMembers() {
    g.patch("t1", JsonPatch.builder().add("/$metadata/mode/desiredValue", "manual")
        .add("/$metadata/mode/desiredVersion", 1).build());
    g.patch("t1", JsonPatch.builder().add("/mode", "manual").add("/$metadata/mode/ackCode", 200)
        .add("/$metadata/mode/ackVersion", 1).build());
    Twins copy = Twins.builder(MODELS).clock(Clock.fixed(T0, ZoneOffset.UTC)).build();
    List<ChangeEvent> all = new ArrayList<>();
    Twins source = Twins.builder(MODELS).clock(Clock.fixed(T0, ZoneOffset.UTC)).build();
    source.subscribe(ChangeFilters.all(), all::add);
    source.createTwin(g.twin("t1").orElseThrow().toJson());
    source.patch("t1", JsonPatch.builder().replace("/$metadata/mode/ackCode", 400).build());
    for (ChangeEvent e : all) copy.apply(e);
    assertThat(copy.twin("t1").orElseThrow()).isEqualTo(source.twin("t1").orElseThrow());
    assertThat(copy.twin("t1").orElseThrow().metadata().get("mode").ackCode()).isEqualTo(OptionalInt.of(400));
  }

  @Test
  void replayKeepsADesiredValueOfAPropertyThatIsNotSet() {
    Twins source = Twins.builder(MODELS).clock(Clock.fixed(T0, ZoneOffset.UTC)).build();
    List<ChangeEvent> all = new ArrayList<>();
    source.subscribe(ChangeFilters.all(), all::add);
    source.createTwin("t1", THERMOSTAT, Map.of("heater", JsonNodeFactory.instance.objectNode()));
    source.patch("t1", JsonPatch.builder().add("/$metadata/targetTemperature/desiredValue", 19.0)
        .add("/$metadata/targetTemperature/desiredVersion", 1)
        .add("/heater/$metadata/power/desiredValue", 100.0).build());
    Twins copy = Twins.builder(MODELS).clock(Clock.fixed(T0, ZoneOffset.UTC)).build();
    for (ChangeEvent e : all) copy.apply(e);
    Twin t = copy.twin("t1").orElseThrow();
    assertThat(t).isEqualTo(source.twin("t1").orElseThrow());
    assertThat(t.metadata().get("targetTemperature").desiredVersion()).isEqualTo(OptionalLong.of(1));
    assertThat(t.property("targetTemperature")).isEmpty();
  }

  @Test
  void snapshotsRestoreADesiredValueOfAPropertyThatIsNotSet() {
    g.patch("t1", JsonPatch.builder().add("/$metadata/targetTemperature/desiredValue", 19.0)
        .add("/$metadata/targetTemperature/desiredVersion", 1).build());
    Twins restored = Twins.builder(MODELS).restore(g.snapshot());
    assertThat(restored.twin("t1").orElseThrow()).isEqualTo(g.twin("t1").orElseThrow());
    assertThat(restored.twin("t1").orElseThrow().metadata().get("targetTemperature").desiredVersion())
        .isEqualTo(OptionalLong.of(1));
  }
}
