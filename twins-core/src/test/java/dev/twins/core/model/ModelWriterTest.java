package dev.twins.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

class ModelWriterTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static ElementInfo auto(String id) {
    return ElementInfo.of(Dtmi.of(id));
  }

  /** An object model made by hand, as the parser would make it, without running the parser. */
  static Models handMade() {
    Interface thermostat = new Interface(auto("dtmi:ex:Thermostat;1"), DtdlVersion.V3, List.of(), List.of(), List.of());
    EnumSchema mode = new EnumSchema(auto("dtmi:ex:Room:Mode;1"), PrimitiveSchema.INTEGER, List.of(
        new EnumValue(auto("dtmi:ex:Room:Mode:_enumValues:__off;1"), "off", 0),
        new EnumValue(auto("dtmi:ex:Room:Mode:_enumValues:__on;1"), "on", 1)));
    Property temperature = new Property(
        new ElementInfo(Dtmi.of("dtmi:ex:Room:_contents:__temperature;1"), LocalizedText.EMPTY, LocalizedText.EMPTY, "",
            new LinkedHashSet<>(List.of("Temperature", "Historized")), Map.of()),
        "temperature", PrimitiveSchema.DOUBLE, true, Optional.of(new Quantity("Temperature", "TemperatureUnit", "kelvin")));
    Property modeProperty = new Property(auto("dtmi:ex:Room:_contents:__mode;1"), "mode", mode, false, Optional.empty());
    ArraySchema track = new ArraySchema(auto("dtmi:ex:Room:track;1"), GeospatialSchema.POINT);
    Telemetry position = new Telemetry(
        new ElementInfo(Dtmi.of("dtmi:ex:Room:position;1"), new LocalizedText(Map.of("en", "Position")),
            LocalizedText.of("Where"), "a comment", Set.of(), Map.of()),
        "position", track, Optional.empty());
    Telemetry history = new Telemetry(auto("dtmi:ex:Room:_contents:__history;1"), "history", track, Optional.empty());
    Relationship contains = new Relationship(auto("dtmi:ex:Room:_contents:__contains;1"), "contains",
        Optional.of(Dtmi.of("dtmi:ex:Sensor;1")), 0, OptionalInt.of(5),
        List.of(new Property(auto("dtmi:ex:Room:_contents:__contains:_properties:__since;1"), "since",
            PrimitiveSchema.DATE_TIME, false, Optional.empty())), false);
    Component component = new Component(auto("dtmi:ex:Room:_contents:__thermostat;1"), "thermostat", thermostat);
    Command reboot = new Command(auto("dtmi:ex:Room:_contents:__reboot;1"), "reboot",
        Optional.of(new CommandPayload(auto("dtmi:ex:Room:_contents:__reboot:_request;1"), "delay", PrimitiveSchema.INTEGER,
            Optional.of(new Quantity("TimeSpan", "TimeUnit", "second")), false)),
        Optional.empty());
    ElementInfo roomInfo = new ElementInfo(Dtmi.of("dtmi:ex:Room;1"), new LocalizedText(Map.of("en", "Room")),
        LocalizedText.EMPTY, "", Set.of(), Map.of());
    Interface room = new Interface(roomInfo, DtdlVersion.V3, List.of(thermostat),
        List.of(temperature, modeProperty, position, history, contains, component, reboot), List.of(mode));
    return Models.of(List.of(room));
  }

  @Test
  void writesEveryKindOfElement() throws Exception {
    Models models = handMade();
    JsonNode room = JSON.readTree(ModelWriter.toJson(models.require("dtmi:ex:Room;1")));
    assertThat(room.get("@context").toString()).isEqualTo("[\"dtmi:dtdl:context;3\","
        + "\"dtmi:dtdl:extension:quantitativeTypes;1\",\"dtmi:dtdl:extension:historization;1\"]");
    assertThat(room.get("@id").stringValue()).isEqualTo("dtmi:ex:Room;1");
    assertThat(room.get("extends").stringValue()).isEqualTo("dtmi:ex:Thermostat;1");
    assertThat(room.get("displayName").toString()).isEqualTo("{\"en\":\"Room\"}");
    JsonNode contents = room.get("contents");
    assertThat(contents.get(0).toString()).isEqualTo("{\"@type\":[\"Property\",\"Temperature\",\"Historized\"],"
        + "\"name\":\"temperature\",\"schema\":\"double\",\"writable\":true,\"unit\":\"kelvin\"}");
    assertThat(contents.get(1).get("schema").stringValue()).as("schemas entries by reference").isEqualTo("dtmi:ex:Room:Mode;1");
    assertThat(contents.get(2).toString()).isEqualTo("{\"@id\":\"dtmi:ex:Room:position;1\",\"@type\":\"Telemetry\","
        + "\"name\":\"position\",\"schema\":{\"@id\":\"dtmi:ex:Room:track;1\",\"@type\":\"Array\",\"elementSchema\":\"point\"},"
        + "\"displayName\":{\"en\":\"Position\"},\"description\":{\"en\":\"Where\"},\"comment\":\"a comment\"}");
    assertThat(contents.get(3).get("schema").stringValue()).as("second use by reference").isEqualTo("dtmi:ex:Room:track;1");
    assertThat(contents.get(4).toString()).isEqualTo("{\"@type\":\"Relationship\",\"name\":\"contains\","
        + "\"target\":\"dtmi:ex:Sensor;1\",\"maxMultiplicity\":5,"
        + "\"properties\":[{\"@type\":\"Property\",\"name\":\"since\",\"schema\":\"dateTime\"}]}");
    assertThat(contents.get(5).toString())
        .isEqualTo("{\"@type\":\"Component\",\"name\":\"thermostat\",\"schema\":\"dtmi:ex:Thermostat;1\"}");
    assertThat(contents.get(6).get("request").toString()).isEqualTo("{\"@type\":[\"CommandRequest\",\"TimeSpan\"],"
        + "\"name\":\"delay\",\"schema\":\"integer\",\"unit\":\"second\"}");
    assertThat(room.get("schemas").get(0).toString()).isEqualTo("{\"@id\":\"dtmi:ex:Room:Mode;1\",\"@type\":\"Enum\","
        + "\"valueSchema\":\"integer\",\"enumValues\":[{\"name\":\"off\",\"enumValue\":0},{\"name\":\"on\",\"enumValue\":1}]}");
  }

  @Test
  void writesModelSetsInDependencyOrder() throws Exception {
    Models models = handMade();
    JsonNode all = JSON.readTree(ModelWriter.toJson(models));
    assertThat(all.isArray()).isTrue();
    assertThat(all.get(0).get("@id").stringValue()).isEqualTo("dtmi:ex:Thermostat;1");
    assertThat(all.get(1).get("@id").stringValue()).isEqualTo("dtmi:ex:Room;1");
    assertThat(all.get(0).get("@context").stringValue()).isEqualTo("dtmi:dtdl:context;3");
    assertThat(ModelWriter.toJsonDocuments(models)).hasSize(2).first().asString().contains("Thermostat");
    assertThat(ModelWriter.toJson(Models.empty())).isEqualTo("[ ]");
  }

  @Test
  void writesOtherPropertiesAndV2SemanticTypesNatively() throws Exception {
    ElementInfo info = new ElementInfo(Dtmi.of("dtmi:ex:A:_contents:__p;1"), LocalizedText.EMPTY, LocalizedText.EMPTY, "",
        Set.of("Commercial"), Map.of("brand", JsonNodeFactory.instance.stringNode("Honeywell")));
    Property p = new Property(info, "p", PrimitiveSchema.DOUBLE, false, Optional.empty());
    Telemetry t = new Telemetry(auto("dtmi:ex:A:_contents:__t;1"), "t", PrimitiveSchema.FLOAT,
        Optional.of(new Quantity("Temperature", "TemperatureUnit", "degreeCelsius")));
    Interface a = new Interface(auto("dtmi:ex:A;1"), DtdlVersion.V2, List.of(), List.of(p, t), List.of());
    JsonNode node = JSON.readTree(ModelWriter.toJson(a));
    assertThat(node.get("@context").stringValue()).isEqualTo("dtmi:dtdl:context;2");
    assertThat(node.get("contents").get(0).toString())
        .isEqualTo("{\"@type\":[\"Property\",\"Commercial\"],\"name\":\"p\",\"schema\":\"double\",\"brand\":\"Honeywell\"}");
    assertThat(node.get("contents").get(1).get("@type").toString()).isEqualTo("[\"Telemetry\",\"Temperature\"]");
  }

  @Test
  void parsedModelsWriteBackToEqualModels() {
    String room = "{\"@context\":\"dtmi:dtdl:context;3\",\"@id\":\"dtmi:ex:Room;1\",\"@type\":\"Interface\","
        + "\"displayName\":\"Room\",\"extends\":\"dtmi:ex:Base;1\",\"contents\":["
        + "{\"@type\":\"Property\",\"name\":\"mode\",\"schema\":\"dtmi:ex:Room:Mode;1\",\"writable\":true},"
        + "{\"@id\":\"dtmi:ex:Room:track;1\",\"@type\":\"Telemetry\",\"name\":\"track\",\"schema\":{\"@type\":\"Array\","
        + "\"elementSchema\":{\"@type\":\"Object\",\"fields\":[{\"name\":\"at\",\"schema\":\"dateTime\"},"
        + "{\"name\":\"where\",\"schema\":\"point\"}]}}},"
        + "{\"@type\":\"Relationship\",\"name\":\"next\",\"target\":\"dtmi:ex:Room;1\",\"properties\":["
        + "{\"@type\":\"Property\",\"name\":\"distance\",\"schema\":{\"@type\":\"Map\",\"mapKey\":{\"name\":\"k\",\"schema\":\"string\"},"
        + "\"mapValue\":{\"name\":\"v\",\"schema\":\"double\"}}}]},"
        + "{\"@type\":\"Component\",\"name\":\"base\",\"schema\":\"dtmi:ex:Part;1\"},"
        + "{\"@type\":\"Command\",\"name\":\"go\",\"request\":{\"name\":\"to\",\"schema\":\"string\"},"
        + "\"response\":{\"name\":\"ok\",\"schema\":\"boolean\"}}],"
        + "\"schemas\":[{\"@id\":\"dtmi:ex:Room:Mode;1\",\"@type\":\"Enum\",\"valueSchema\":\"string\","
        + "\"enumValues\":[{\"name\":\"on\",\"enumValue\":\"on\"},{\"name\":\"off\",\"enumValue\":\"off\"}]}]}";
    String base = "{\"@context\":\"dtmi:dtdl:context;3\",\"@id\":\"dtmi:ex:Base;1\",\"@type\":\"Interface\","
        + "\"contents\":[{\"@type\":\"Property\",\"name\":\"label\",\"schema\":\"string\"}]}";
    String part = "{\"@context\":\"dtmi:dtdl:context;2\",\"@id\":\"dtmi:ex:Part;1\",\"@type\":\"Interface\","
        + "\"contents\":[{\"@type\":[\"Telemetry\",\"Odd\"],\"name\":\"t\",\"schema\":\"double\",\"odd\":{\"x\":[1,2]}}]}";
    Models models = ModelParser.parseJson(room, base, part);
    String written = ModelWriter.toJson(models);
    Models again = ModelParser.parseJson(written);
    assertThat(again).isEqualTo(models);
    assertThat(ModelWriter.toJson(again)).isEqualTo(written);
    assertThat(again.require("dtmi:ex:Room;1").content("track").orElseThrow().id()).isEqualTo(Dtmi.of("dtmi:ex:Room:track;1"));
  }
}
