package dev.twins.core.telemetry;

import dev.twins.core.graph.Twins;
import dev.twins.core.model.ModelParser;
import dev.twins.core.model.Models;
import java.util.Map;

/** A small building for telemetry tests: sensors in rooms on floors of a building, and a reactor. */
final class PlantModels {
  static final String SENSOR = "dtmi:test:Sensor;1";
  static final String ROOM = "dtmi:test:Room;1";
  static final String FLOOR = "dtmi:test:Floor;1";
  static final String BUILDING = "dtmi:test:Building;1";
  static final String SPACE = "dtmi:test:Space;1";
  static final String GAUGE = "dtmi:test:Gauge;1";

  private PlantModels() {}

  static Models models() {
    return ModelParser.parseJson("""
        {"@context": ["dtmi:dtdl:context;3", "dtmi:dtdl:extension:quantitativeTypes;1"],
         "@id": "dtmi:test:Sensor;1", "@type": "Interface",
         "contents": [
           {"@type": ["Telemetry", "Temperature"], "name": "temperature", "schema": "double", "unit": "degreeCelsius"},
           {"@type": "Telemetry", "name": "occupancy", "schema": "boolean"},
           {"@type": "Telemetry", "name": "people", "schema": "integer"},
           {"@type": "Telemetry", "name": "mode", "schema": {"@type": "Enum", "valueSchema": "string",
             "enumValues": [{"name": "auto", "enumValue": "auto"}, {"name": "off", "enumValue": "off"}]}},
           {"@type": "Telemetry", "name": "position", "schema": "point"},
           {"@type": "Telemetry", "name": "status", "schema": {"@type": "Object", "fields": [
             {"name": "code", "schema": "integer"}, {"name": "text", "schema": "string"}]}},
           {"@type": "Property", "name": "lastTemperature", "schema": "double"},
           {"@type": "Property", "name": "hot", "schema": "boolean"},
           {"@type": "Property", "name": "occupied", "schema": "boolean"},
           {"@type": "Property", "name": "headcount", "schema": "integer"},
           {"@type": "Component", "name": "aux", "schema": "dtmi:test:Gauge;1"}
         ]}""", """
        {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:test:Sensor;2", "@type": "Interface",
         "contents": [
           {"@type": "Telemetry", "name": "temperature", "schema": "double"},
           {"@type": "Telemetry", "name": "occupancy", "schema": "string"}
         ]}""", """
        {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:test:Gauge;1", "@type": "Interface",
         "contents": [{"@type": "Telemetry", "name": "pressure", "schema": "double"}]}""", """
        {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:test:Room;1", "@type": "Interface",
         "contents": [
           {"@type": "Property", "name": "temperature", "schema": "double"},
           {"@type": "Property", "name": "occupied", "schema": "boolean"},
           {"@type": "Property", "name": "people", "schema": "integer"},
           {"@type": "Property", "name": "label", "schema": "string"},
           {"@type": "Relationship", "name": "hasSensor", "target": "dtmi:test:Sensor;1"}
         ]}""", """
        {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:test:Floor;1", "@type": "Interface",
         "contents": [
           {"@type": "Property", "name": "temperature", "schema": "double"},
           {"@type": "Property", "name": "occupied", "schema": "boolean"},
           {"@type": "Property", "name": "people", "schema": "integer"},
           {"@type": "Relationship", "name": "hasRoom", "target": "dtmi:test:Room;1"}
         ]}""", """
        {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:test:Building;1", "@type": "Interface",
         "contents": [
           {"@type": "Property", "name": "occupied", "schema": "boolean"},
           {"@type": "Property", "name": "people", "schema": "integer"},
           {"@type": "Property", "name": "temperature", "schema": "double"},
           {"@type": "Relationship", "name": "hasFloor", "target": "dtmi:test:Floor;1"}
         ]}""", """
        {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:test:Space;1", "@type": "Interface",
         "contents": [
           {"@type": "Property", "name": "people", "schema": "integer"},
           {"@type": "Relationship", "name": "hasPart", "target": "dtmi:test:Space;1"}
         ]}""");
  }

  /** A building with 2 floors, 2 rooms each, 2 sensors per room. */
  static Twins building() {
    Twins t = Twins.create(models());
    t.createTwin("b", BUILDING, Map.of());
    for (int f = 1; f <= 2; f++) {
      String floor = "f" + f;
      t.createTwin(floor, FLOOR, Map.of());
      t.relate("b", "b-" + floor, "hasFloor", floor);
      for (int r = 1; r <= 2; r++) {
        String room = floor + "r" + r;
        t.createTwin(room, ROOM, Map.of());
        t.relate(floor, floor + "-" + room, "hasRoom", room);
        for (int s = 1; s <= 2; s++) {
          String sensor = room + "s" + s;
          t.createTwin(sensor, SENSOR, Map.of("aux", Map.of("$metadata", Map.of())));
          t.relate(room, room + "-" + sensor, "hasSensor", sensor);
        }
      }
    }
    return t;
  }
}
