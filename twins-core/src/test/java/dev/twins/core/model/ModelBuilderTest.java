package dev.twins.core.model;

import static dev.twins.core.model.Schemas.BOOLEAN;
import static dev.twins.core.model.Schemas.DATE_TIME;
import static dev.twins.core.model.Schemas.DOUBLE;
import static dev.twins.core.model.Schemas.INTEGER;
import static dev.twins.core.model.Schemas.STRING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ModelBuilderTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  static ModelBuilder example() {
    return ModelBuilder.create()
        .define("dtmi:com:example:Room;1", room -> room
            .displayName("Room")
            .displayName("de", "Raum")
            .description("A room of a building")
            .comment("from the builder test")
            .extendsFrom("dtmi:com:example:Space;1")
            .property("temperature", DOUBLE, p -> p.writable().quantity("Temperature", "degreeCelsius"))
            .telemetry("occupied", BOOLEAN)
            .property("mode", Schemas.ref("dtmi:com:example:Room:Mode;1"))
            .relationship("contains", r -> r.target("dtmi:com:example:Sensor;1").maxMultiplicity(10).property("since", DATE_TIME))
            .component("thermostat", "dtmi:com:example:Thermostat;1")
            .command("reboot", c -> c.request("delay", INTEGER).response("ok", BOOLEAN))
            .schema("dtmi:com:example:Room:Mode;1", Schemas.enumOf(PrimitiveSchema.STRING, "on", "off")))
        .define("dtmi:com:example:Space;1", s -> s.property("name", STRING))
        .define("dtmi:com:example:Sensor;1")
        .define("dtmi:com:example:Thermostat;1", t -> t.property("setPoint", DOUBLE));
  }

  @Test
  void writesTheDocumentItParses() throws Exception {
    List<String> texts = example().toJson();
    assertThat(texts).hasSize(4);
    JsonNode room = JSON.readTree(texts.get(0));
    assertThat(room.get("@context").toString())
        .isEqualTo("[\"dtmi:dtdl:context;3\",\"dtmi:dtdl:extension:quantitativeTypes;1\"]");
    assertThat(room.get("@id").stringValue()).isEqualTo("dtmi:com:example:Room;1");
    assertThat(room.get("@type").stringValue()).isEqualTo("Interface");
    assertThat(room.get("displayName").toString()).isEqualTo("{\"en\":\"Room\",\"de\":\"Raum\"}");
    assertThat(room.get("extends").toString()).isEqualTo("[\"dtmi:com:example:Space;1\"]");
    JsonNode temperature = room.get("contents").get(0);
    assertThat(temperature.toString()).isEqualTo(
        "{\"@type\":[\"Property\",\"Temperature\"],\"name\":\"temperature\",\"schema\":\"double\",\"writable\":true,\"unit\":\"degreeCelsius\"}");
    JsonNode contains = room.get("contents").get(3);
    assertThat(contains.get("properties").get(0).get("schema").stringValue()).isEqualTo("dateTime");
    assertThat(room.get("contents").get(5).get("request").toString())
        .isEqualTo("{\"name\":\"delay\",\"schema\":\"integer\"}");
    assertThat(room.get("schemas").get(0).get("@id").stringValue()).isEqualTo("dtmi:com:example:Room:Mode;1");
    assertThat(JSON.readTree(texts.get(2)).get("@context").stringValue()).isEqualTo("dtmi:dtdl:context;3");
  }

  @Test
  void v2PayloadsAndCoTypesUseTheV2Forms() throws Exception {
    String text = ModelBuilder.create().dtdlVersion(DtdlVersion.V2)
        .define("dtmi:ex:A;1", a -> a
            .telemetry("t", DOUBLE, t -> t.quantity("Temperature", "kelvin"))
            .command("c", c -> c.request("r", DOUBLE, r -> r.coType("Extra"))))
        .toJson().get(0);
    JsonNode a = JSON.readTree(text);
    assertThat(a.get("@context").stringValue()).isEqualTo("dtmi:dtdl:context;2");
    assertThat(a.get("contents").get(1).get("request").get("@type").toString()).isEqualTo("[\"CommandPayload\",\"Extra\"]");
  }

  @Test
  void extensionContextsFollowTheCoTypes() throws Exception {
    String text = ModelBuilder.create()
        .define("dtmi:ex:A;1", a -> a
            .property("p", DOUBLE, p -> p.historized())
            .property("note", STRING, p -> p.coType("ValueAnnotation").member("annotates", "p"))
            .context("dtmi:ex:partner;1"))
        .toJson().get(0);
    assertThat(JSON.readTree(text).get("@context").toString()).isEqualTo(
        "[\"dtmi:dtdl:context;3\",\"dtmi:dtdl:extension:historization;1\",\"dtmi:dtdl:extension:annotation;1\",\"dtmi:ex:partner;1\"]");
  }

  @Test
  void schemaSpecsRenderAsDtdl() {
    assertThat(Schemas.arrayOf(Schemas.POINT).toString()).isEqualTo("{\"@type\":\"Array\",\"elementSchema\":\"point\"}");
    assertThat(Schemas.enumOf(PrimitiveSchema.INTEGER, "low", "high").toString()).isEqualTo(
        "{\"@type\":\"Enum\",\"valueSchema\":\"integer\",\"enumValues\":[{\"name\":\"low\",\"enumValue\":0},{\"name\":\"high\",\"enumValue\":1}]}");
    assertThat(Schemas.mapOf(DOUBLE).withId("dtmi:ex:m;1").withDisplayName("M").toString()).isEqualTo(
        "{\"@id\":\"dtmi:ex:m;1\",\"@type\":\"Map\",\"mapKey\":{\"name\":\"key\",\"schema\":\"string\"},"
            + "\"mapValue\":{\"name\":\"value\",\"schema\":\"double\"},\"displayName\":\"M\"}");
    assertThat(Schemas.object(o -> o.field("x", DOUBLE, f -> f.quantity("Length", "metre"))).toString()).isEqualTo(
        "{\"@type\":\"Object\",\"fields\":[{\"@type\":[\"Field\",\"Length\"],\"name\":\"x\",\"schema\":\"double\",\"unit\":\"metre\"}]}");
  }

  @Test
  void checksEachSettingAsItIsMade() {
    assertThatThrownBy(() -> ModelBuilder.create().define("not a dtmi"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid DTMI");
    assertThatThrownBy(() -> ModelBuilder.create().define("dtmi:ex:A;1").define("dtmi:ex:A;1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already defined");
    assertThatThrownBy(() -> ModelBuilder.create().define("dtmi:ex:A;1", a -> a.property("1x", DOUBLE)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid DTDL name");
    assertThatThrownBy(() -> ModelBuilder.create().define("dtmi:ex:A;1", a -> a.property("x", DOUBLE).telemetry("x", DOUBLE)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already has a content named 'x'");
    assertThatThrownBy(() -> Schemas.enumOf(PrimitiveSchema.INTEGER, e -> e.value("a", "text")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not fit");
    assertThatThrownBy(() -> DOUBLE.withDisplayName("x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ModelBuilder.create().define("dtmi:ex:A;1", a -> a.schema("dtmi:ex:s;1", DOUBLE)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ModelBuilder.create().define("dtmi:ex:A;1", a -> a.relationship("r", r -> r.maxMultiplicity(0))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ModelBuilder.create().define("dtmi:ex:A;1")).hasToString("ModelBuilder[interfaces=1, dtdl=3]");
  }

  @Test
  void buildsTheSameObjectsAsTheParser() {
    ModelBuilder builder = example();
    Models built = builder.build();
    Models parsed = ModelParser.parseJson(builder.toJson().toArray(new String[0]));
    assertThat(built).isEqualTo(parsed);
    Interface room = built.require("dtmi:com:example:Room;1");
    Property temperature = (Property) room.content("temperature").orElseThrow();
    assertThat(temperature.writable()).isTrue();
    assertThat(temperature.quantity()).contains(new Quantity("Temperature", "TemperatureUnit", "degreeCelsius"));
    assertThat(temperature.id()).isEqualTo(Dtmi.of("dtmi:com:example:Room:_contents:__temperature;1"));
    Relationship contains = (Relationship) room.content("contains").orElseThrow();
    assertThat(contains.target()).contains(Dtmi.of("dtmi:com:example:Sensor;1"));
    assertThat(contains.maxMultiplicity()).isEqualTo(OptionalInt.of(10));
    assertThat(room.content("name")).isPresent();
    assertThat(((Component) room.content("thermostat").orElseThrow()).schema().id())
        .isEqualTo(Dtmi.of("dtmi:com:example:Thermostat;1"));
    EnumSchema mode = (EnumSchema) ((Property) room.content("mode").orElseThrow()).schema();
    assertThat(mode.values()).extracting(EnumValue::enumValue).containsExactly("on", "off");
  }

  @Test
  void reportsRuleBreaksLikeTheParser() {
    ModelBuilder builder = ModelBuilder.create().define("dtmi:ex:A;1", a -> a.extendsFrom("dtmi:ex:Missing;1"));
    assertThatThrownBy(builder::build)
        .isInstanceOfSatisfying(ModelException.class, e -> assertThat(e.errors())
            .anySatisfy(err -> {
              assertThat(err.code()).isEqualTo(ErrorCode.UNRESOLVED_REFERENCE);
              assertThat(err.source()).isEqualTo("builder:dtmi:ex:A;1");
            }));
  }
}
