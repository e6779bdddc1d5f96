package dev.twins.core.model;

import static dev.twins.core.model.ModelTesting.v2;
import static dev.twins.core.model.ModelTesting.v3;
import static dev.twins.core.model.ModelTesting.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** The resolved object model of valid sets: contents, inheritance, schemas, ids, texts, literals. */
class ObjectModelTest {

  private static final String BUILDING = """
      [
        {
          "@context": "dtmi:dtdl:context;3",
          "@id": "dtmi:ex:Space;1",
          "@type": "Interface",
          "displayName": "Space",
          "contents": [
            {"@type": "Property", "name": "name", "schema": "string", "writable": true},
            {"@type": "Relationship", "name": "contains", "target": "dtmi:ex:Space;1", "maxMultiplicity": 100}
          ]
        },
        {
          "@context": "dtmi:dtdl:context;3",
          "@id": "dtmi:ex:Sensor;1",
          "@type": "Interface",
          "contents": [{"@type": "Telemetry", "name": "value", "schema": "double"}]
        },
        {
          "@context": "dtmi:dtdl:context;3",
          "@id": "dtmi:ex:Room;1",
          "@type": "Interface",
          "extends": "dtmi:ex:Space;1",
          "contents": [
            {"@type": "Property", "name": "capacity", "schema": "integer"},
            {"@type": "Component", "name": "thermostat", "schema": "dtmi:ex:Sensor;1"}
          ]
        },
        {
          "@context": "dtmi:dtdl:context;3",
          "@id": "dtmi:ex:ConferenceRoom;1",
          "@type": "Interface",
          "extends": ["dtmi:ex:Room;1"],
          "contents": [{"@type": "Command", "name": "book", "request": {"name": "from", "schema": "dateTime"}, "response": {"name": "ok", "schema": "boolean"}}]
        }
      ]
      """;

  // ---- contents and inheritance ----

  @Test
  void contentsIncludeInheritedOnesFirst() {
    Models m = valid(BUILDING);
    Interface conf = m.require("dtmi:ex:ConferenceRoom;1");
    assertThat(conf.contents().keySet()).containsExactly("name", "contains", "capacity", "thermostat", "book");
    assertThat(conf.ownContents()).extracting(Content::name).containsExactly("book");
    assertThat(conf.properties()).extracting(Property::name).containsExactly("name", "capacity");
    assertThat(conf.relationships()).extracting(Relationship::name).containsExactly("contains");
    assertThat(conf.components()).extracting(Component::name).containsExactly("thermostat");
    assertThat(conf.commands()).extracting(Command::name).containsExactly("book");
    assertThat(conf.telemetries()).isEmpty();
    assertThat(conf.content("capacity")).containsSame(m.require("dtmi:ex:Room;1").content("capacity").orElseThrow());
  }

  @Test
  void ancestorsAndSubtypesFollowExtends() {
    Models m = valid(BUILDING);
    Dtmi space = Dtmi.of("dtmi:ex:Space;1");
    Dtmi room = Dtmi.of("dtmi:ex:Room;1");
    Dtmi conf = Dtmi.of("dtmi:ex:ConferenceRoom;1");
    Dtmi sensor = Dtmi.of("dtmi:ex:Sensor;1");
    assertThat(m.require("dtmi:ex:ConferenceRoom;1").ancestors()).containsExactlyInAnyOrder(conf, room, space);
    assertThat(m.require("dtmi:ex:ConferenceRoom;1").bases()).extracting(Interface::id).containsExactly(room);
    assertThat(m.subtypes(space)).containsExactlyInAnyOrder(space, room, conf);
    assertThat(m.subtypes(room)).containsExactlyInAnyOrder(room, conf);
    assertThat(m.subtypes(sensor)).containsExactly(sensor);
    assertThat(m.subtypes(Dtmi.of("dtmi:ex:Unknown;1"))).isEmpty();
    assertThat(m.isOfModel(conf, space)).isTrue();
    assertThat(m.isOfModel(conf, conf)).isTrue();
    assertThat(m.isOfModel(space, conf)).isFalse();
    assertThat(m.isOfModel(room, sensor)).as("a component is not a base").isFalse();
    assertThat(m.size()).isEqualTo(4);
  }

  @Test
  void componentSchemaIsTheResolvedInterface() {
    Models m = valid(BUILDING);
    Component thermostat = m.require("dtmi:ex:Room;1").components().get(0);
    assertThat(thermostat.schema()).isSameAs(m.require("dtmi:ex:Sensor;1"));
    assertThat(thermostat.schema().telemetries()).extracting(Telemetry::name).containsExactly("value");
  }

  @Test
  void relationshipHasTargetMultiplicityAndWritable() {
    Relationship contains = (Relationship) valid(BUILDING).require("dtmi:ex:Space;1").content("contains").orElseThrow();
    assertThat(contains.target()).hasValue(Dtmi.of("dtmi:ex:Space;1"));
    assertThat(contains.minMultiplicity()).isZero();
    assertThat(contains.maxMultiplicity()).hasValue(100);
    assertThat(contains.writable()).isFalse();
  }

  @Test
  void commandHasRequestAndResponse() {
    Command book = valid(BUILDING).require("dtmi:ex:ConferenceRoom;1").commands().get(0);
    assertThat(book.request()).hasValueSatisfying(r -> {
      assertThat(r.name()).isEqualTo("from");
      assertThat(r.schema()).isEqualTo(PrimitiveSchema.DATE_TIME);
      assertThat(r.id().value()).isEqualTo("dtmi:ex:ConferenceRoom:_contents:__book:_request;1");
    });
    assertThat(book.response()).hasValueSatisfying(r -> {
      assertThat(r.schema()).isEqualTo(PrimitiveSchema.BOOLEAN);
      assertThat(r.id().value()).isEqualTo("dtmi:ex:ConferenceRoom:_contents:__book:_response;1");
    });
  }

  @Test
  void v2CommandPayloadsAreRequestAndResponse() {
    Command c = valid(v2("dtmi:ex:A;1", "{\"@type\": \"Command\", \"name\": \"reboot\", \"commandType\": \"synchronous\", "
        + "\"request\": {\"@type\": \"CommandPayload\", \"name\": \"delay\", \"schema\": \"integer\"}}")).require("dtmi:ex:A;1").commands().get(0);
    assertThat(c.request().orElseThrow().schema()).isEqualTo(PrimitiveSchema.INTEGER);
    assertThat(c.response()).isEmpty();
  }

  @Test
  void modelsRequireAndGet() {
    Models m = valid(BUILDING);
    assertThat(m.get("dtmi:ex:Nope;1")).isEmpty();
    assertThatThrownBy(() -> m.require("dtmi:ex:Nope;1")).isInstanceOf(NoSuchElementException.class);
    assertThat(m.interfaces()).extracting(i -> i.id().value())
        .containsExactly("dtmi:ex:ConferenceRoom;1", "dtmi:ex:Room;1", "dtmi:ex:Sensor;1", "dtmi:ex:Space;1");
    assertThat(m.require("dtmi:ex:Room;1").dtdlVersion()).isEqualTo(DtdlVersion.V3);
    assertThat(m.warnings()).isEmpty();
  }

  // ---- automatic identifiers ----

  @Test
  void automaticIdentifiersFollowTheDtdlRule() {
    String text = """
        {
          "@context": "dtmi:dtdl:context;3",
          "@id": "dtmi:ex:A;1",
          "@type": "Interface",
          "contents": [
            {"@type": "Telemetry", "name": "temp", "schema": {"@type": "Array", "elementSchema": {"@type": "Object", "fields": [{"name": "x", "schema": "double"}]}}},
            {"@type": "Property", "name": "modes", "schema": {"@type": "Map", "mapKey": {"name": "k", "schema": "string"}, "mapValue": {"name": "v", "schema": {"@type": "Enum", "valueSchema": "string", "enumValues": [{"name": "on", "enumValue": "on"}]}}}},
            {"@id": "dtmi:ex:explicit;1", "@type": "Property", "name": "given", "schema": {"@type": "Array", "elementSchema": "double"}}
          ]
        }
        """;
    Interface a = valid(text).require("dtmi:ex:A;1");
    Telemetry temp = (Telemetry) a.content("temp").orElseThrow();
    assertThat(temp.id().value()).isEqualTo("dtmi:ex:A:_contents:__temp;1");
    ArraySchema array = (ArraySchema) temp.schema();
    assertThat(array.id().value()).isEqualTo("dtmi:ex:A:_contents:__temp:_schema;1");
    ObjectSchema object = (ObjectSchema) array.elementSchema();
    assertThat(object.id().value()).isEqualTo("dtmi:ex:A:_contents:__temp:_schema:_elementSchema;1");
    assertThat(object.field("x").orElseThrow().id().value())
        .isEqualTo("dtmi:ex:A:_contents:__temp:_schema:_elementSchema:_fields:__x;1");
    MapSchema map = (MapSchema) ((Property) a.content("modes").orElseThrow()).schema();
    assertThat(map.mapKey().id().value()).isEqualTo("dtmi:ex:A:_contents:__modes:_schema:_mapKey;1");
    assertThat(map.mapValue().id().value()).isEqualTo("dtmi:ex:A:_contents:__modes:_schema:_mapValue;1");
    EnumSchema modes = (EnumSchema) map.mapValue().schema();
    assertThat(modes.values().get(0).id().value())
        .isEqualTo("dtmi:ex:A:_contents:__modes:_schema:_mapValue:_schema:_enumValues:__on;1");
    Property given = (Property) a.content("given").orElseThrow();
    assertThat(given.id().value()).isEqualTo("dtmi:ex:explicit;1");
    assertThat(((ArraySchema) given.schema()).id().value()).isEqualTo("dtmi:ex:explicit:_schema;1");
  }

  @Test
  void automaticIdentifiersKeepUnversionedAndTwoPartVersions() {
    Models m = valid(v3("dtmi:ex:U", "{\"@type\": \"Telemetry\", \"name\": \"t\", \"schema\": \"double\"}"),
        v3("dtmi:ex:V;2.5", "{\"@type\": \"Telemetry\", \"name\": \"t\", \"schema\": \"double\"}"));
    assertThat(m.require("dtmi:ex:U").content("t").orElseThrow().id().value()).isEqualTo("dtmi:ex:U:_contents:__t");
    assertThat(m.require("dtmi:ex:V;2.5").content("t").orElseThrow().id().value()).isEqualTo("dtmi:ex:V:_contents:__t;2.5");
  }

  @Test
  void automaticIdentifiersAreSystemDtmis() {
    Content t = valid(v3("dtmi:ex:A;1", "{\"@type\": \"Telemetry\", \"name\": \"t\", \"schema\": \"double\"}")).require("dtmi:ex:A;1")
        .content("t").orElseThrow();
    assertThat(t.id().isUserDtmi()).isFalse();
    assertThat(t.id().version()).hasValue("1");
  }

  // ---- texts ----

  @Test
  void displayNameInSeveralLanguages() {
    String text = """
        {
          "@context": "dtmi:dtdl:context;3",
          "@id": "dtmi:ex:A;1",
          "@type": "Interface",
          "displayName": {"en": "Thermostat", "it": "Termostato", "de-CH": "Thermostat CH"},
          "description": [{"@value": "A device", "@language": "en"}, {"@value": "Un dispositivo", "@language": "it"}],
          "comment": "for model authors"
        }
        """;
    Interface a = valid(text).require("dtmi:ex:A;1");
    assertThat(a.displayName().values()).containsExactly(Map.entry("en", "Thermostat"), Map.entry("it", "Termostato"),
        Map.entry("de-CH", "Thermostat CH"));
    assertThat(a.displayName().get("it")).hasValue("Termostato");
    assertThat(a.displayName().get()).hasValue("Thermostat");
    assertThat(a.description().get("it")).hasValue("Un dispositivo");
    assertThat(a.description().get("en")).hasValue("A device");
    assertThat(a.info().comment()).isEqualTo("for model authors");
  }

  @Test
  void plainStringTextIsEnglish() {
    String text = v3("dtmi:ex:A;1", "{\"@type\": \"Telemetry\", \"name\": \"t\", \"schema\": \"double\", \"displayName\": \"Temperature\", \"description\": [\"Measured\"]}");
    Content t = valid(text).require("dtmi:ex:A;1").content("t").orElseThrow();
    assertThat(t.displayName().values()).containsExactly(Map.entry("en", "Temperature"));
    assertThat(t.description().get("en")).hasValue("Measured");
  }

  @Test
  void elementWithoutTextsHasEmptyTexts() {
    Interface a = valid(v3("dtmi:ex:A;1")).require("dtmi:ex:A;1");
    assertThat(a.displayName().isEmpty()).isTrue();
    assertThat(a.description().isEmpty()).isTrue();
    assertThat(a.info().comment()).isEmpty();
    assertThat(a.coTypes()).isEmpty();
  }

  // ---- representational literals and member name forms ----

  @Test
  void representationalLiteralsAreUnwrapped() {
    String text = v3("dtmi:ex:A;1",
        "{\"@type\": \"Property\", \"name\": {\"@value\": \"p\", \"@type\": \"xsd:string\"}, \"schema\": \"double\", \"writable\": {\"@value\": true, \"@type\": \"xsd:boolean\"}}",
        "{\"@type\": \"Property\", \"name\": [\"q\"], \"schema\": [\"string\"], \"writable\": [false]}",
        "{\"@type\": \"Relationship\", \"name\": {\"@value\": \"r\"}, \"maxMultiplicity\": {\"@value\": 3, \"@type\": \"xsd:integer\"}}");
    Interface a = valid(text).require("dtmi:ex:A;1");
    assertThat(a.contents()).containsOnlyKeys("p", "q", "r");
    assertThat(((Property) a.content("p").orElseThrow()).writable()).isTrue();
    assertThat(((Property) a.content("q").orElseThrow()).writable()).isFalse();
    assertThat(((Property) a.content("q").orElseThrow()).schema()).isEqualTo(PrimitiveSchema.STRING);
    assertThat(((Relationship) a.content("r").orElseThrow()).maxMultiplicity()).hasValue(3);
  }

  @Test
  void arraysOfAtMostOneRepresentationalLiteralAreAccepted() {
    // DTDL v3: writable is "a representational boolean or an array containing no more than one representational
    // boolean"; comment likewise for strings, so [] and [{"@value": ...}] are valid
    String text = v3("dtmi:ex:A;1",
        "{\"@type\": \"Property\", \"name\": \"q\", \"schema\": \"string\", \"writable\": [{\"@value\": true}], \"comment\": []}",
        "{\"@type\": \"Property\", \"name\": \"s\", \"schema\": \"string\", \"writable\": [], \"comment\": [{\"@value\": \"c\", \"@type\": \"xsd:string\"}]}");
    Interface a = valid(text).require("dtmi:ex:A;1");
    assertThat(((Property) a.content("q").orElseThrow()).writable()).isTrue();
    assertThat(((Property) a.content("s").orElseThrow()).writable()).isFalse();
    assertThat(a.content("s").orElseThrow().info().comment()).isEqualTo("c");
  }

  @Test
  void termsAndDtmisNameTheSameMembersAndClasses() {
    String text = """
        {
          "@context": "dtmi:dtdl:context;3",
          "@id": "dtmi:ex:A;1",
          "@type": "dtmi:dtdl:class:Interface;3",
          "dtmi:dtdl:property:displayName;3": "A",
          "dtmi:dtdl:property:contents;3": [
            {"@type": "dtmi:dtdl:class:Property;3", "dtmi:dtdl:property:name;3": "p",
             "dtmi:dtdl:property:schema;3": "dtmi:dtdl:instance:Schema:double;3", "dtmi:dtdl:property:writable;3": true},
            {"@type": "Telemetry", "name": "where", "schema": "dtmi:standard:schema:geospatial:point;3"}
          ]
        }
        """;
    Interface a = valid(text).require("dtmi:ex:A;1");
    Property p = (Property) a.content("p").orElseThrow();
    assertThat(p.schema()).isEqualTo(PrimitiveSchema.DOUBLE);
    assertThat(p.writable()).isTrue();
    assertThat(a.displayName().get()).hasValue("A");
    assertThat(((Telemetry) a.content("where").orElseThrow()).schema()).isEqualTo(GeospatialSchema.POINT);
  }

  // ---- schemas ----

  @Test
  void complexSchemasAreResolved() {
    String text = """
        {
          "@context": "dtmi:dtdl:context;3",
          "@id": "dtmi:ex:A;1",
          "@type": "Interface",
          "schemas": [
            {"@id": "dtmi:ex:A:state;1", "@type": "Enum", "valueSchema": "integer",
             "enumValues": [{"name": "off", "enumValue": 0}, {"name": "on", "enumValue": 1}]}
          ],
          "contents": [
            {"@type": "Property", "name": "state", "schema": "dtmi:ex:A:state;1"},
            {"@type": "Telemetry", "name": "history", "schema": "dtmi:ex:A:state;1"},
            {"@type": "Telemetry", "name": "path", "schema": {"@type": "Array", "elementSchema": "point"}},
            {"@type": "Property", "name": "limits", "schema": {"@type": "Map", "mapKey": {"name": "sensor", "schema": "string"}, "mapValue": {"name": "limit", "schema": "double"}}},
            {"@type": "Property", "name": "pos", "schema": {"@type": "Object", "fields": [{"name": "lat", "schema": "double"}, {"name": "lon", "schema": "double"}]}}
          ]
        }
        """;
    Interface a = valid(text).require("dtmi:ex:A;1");
    EnumSchema state = (EnumSchema) ((Property) a.content("state").orElseThrow()).schema();
    assertThat(state.id().value()).isEqualTo("dtmi:ex:A:state;1");
    assertThat(state.values()).extracting(EnumValue::name).containsExactly("off", "on");
    assertThat(state.values()).extracting(EnumValue::enumValue).containsExactly(0, 1);
    assertThat(((Telemetry) a.content("history").orElseThrow()).schema()).isEqualTo(state);
    assertThat(a.schemas()).containsExactly(state);
    ArraySchema path = (ArraySchema) ((Telemetry) a.content("path").orElseThrow()).schema();
    assertThat(path.elementSchema()).isEqualTo(GeospatialSchema.POINT);
    MapSchema limits = (MapSchema) ((Property) a.content("limits").orElseThrow()).schema();
    assertThat(limits.mapKey().name()).isEqualTo("sensor");
    assertThat(limits.mapValue().name()).isEqualTo("limit");
    assertThat(limits.describe()).isEqualTo("Map<string, double>");
    ObjectSchema pos = (ObjectSchema) ((Property) a.content("pos").orElseThrow()).schema();
    assertThat(pos.fields()).extracting(Field::name).containsExactly("lat", "lon");
  }

  // ---- semantic types ----

  @Test
  void quantityOfV2NativeAndV3ExtensionSemanticTypes() {
    String v2 = v2("dtmi:ex:Old;1", "{\"@type\": [\"Telemetry\", \"Temperature\"], \"name\": \"t\", \"schema\": \"double\", \"unit\": \"degreeCelsius\"}");
    String v3 = ModelTesting.iface("[\"dtmi:dtdl:context;3\", \"dtmi:dtdl:extension:quantitativeTypes;1\"]", "dtmi:ex:New;1",
        "{\"@type\": [\"Property\", \"RelativeHumidity\"], \"name\": \"h\", \"schema\": \"double\", \"unit\": \"percent\"}");
    Models m = valid(v2, v3);
    Telemetry t = (Telemetry) m.require("dtmi:ex:Old;1").content("t").orElseThrow();
    assertThat(t.quantity()).hasValue(new Quantity("Temperature", "TemperatureUnit", "degreeCelsius"));
    assertThat(t.coTypes()).containsExactly("Temperature");
    Property h = (Property) m.require("dtmi:ex:New;1").content("h").orElseThrow();
    assertThat(h.quantity()).hasValue(new Quantity("RelativeHumidity", "Unitless", "percent"));
    assertThat(m.require("dtmi:ex:Old;1").dtdlVersion()).isEqualTo(DtdlVersion.V2);
  }

  // ---- inline interfaces ----

  @Test
  void inlineInterfacesBecomePartOfTheSet() {
    String text = """
        {
          "@context": "dtmi:dtdl:context;3",
          "@id": "dtmi:ex:A;1",
          "@type": "Interface",
          "extends": {"@id": "dtmi:ex:Base;1", "@type": "Interface", "contents": [{"@type": "Property", "name": "b", "schema": "double"}]},
          "contents": [
            {"@type": "Component", "name": "part", "schema": {"@id": "dtmi:ex:Part;1", "@type": "Interface", "contents": [{"@type": "Telemetry", "name": "x", "schema": "double"}]}}
          ]
        }
        """;
    Models m = valid(text);
    assertThat(m.interfaces()).extracting(i -> i.id().value()).containsExactly("dtmi:ex:A;1", "dtmi:ex:Base;1", "dtmi:ex:Part;1");
    assertThat(m.require("dtmi:ex:A;1").contents()).containsOnlyKeys("b", "part");
    assertThat(m.require("dtmi:ex:Part;1").content("x").orElseThrow().id().value()).isEqualTo("dtmi:ex:Part:_contents:__x;1");
    assertThat(m.isOfModel(Dtmi.of("dtmi:ex:A;1"), Dtmi.of("dtmi:ex:Base;1"))).isTrue();
  }
}
