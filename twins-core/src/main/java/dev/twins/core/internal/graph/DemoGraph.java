package dev.twins.core.internal.graph;

import dev.twins.core.graph.Twins;
import dev.twins.core.model.ModelParser;
import dev.twins.core.model.Models;
import java.util.Map;

/**
 * A small building shared by the documentation, tests and JShell: one building with two floors,
 * four rooms and two sensors, typed by four DTDL models.
 */
public final class DemoGraph {
  private DemoGraph() {}

  /** The demo's models: Building, Floor, Room (with a thermostat-free temperature) and Sensor. */
  public static Models models() {
    return ModelParser.parseJson("""
        {"@context": ["dtmi:dtdl:context;3", "dtmi:dtdl:extension:quantitativeTypes;1"],
         "@id": "dtmi:twins:demo:Building;1", "@type": "Interface", "displayName": "Building",
         "contents": [
           {"@type": "Property", "name": "name", "schema": "string", "writable": true},
           {"@type": "Relationship", "name": "hasFloor", "target": "dtmi:twins:demo:Floor;1"}
         ]}""", """
        {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:twins:demo:Floor;1", "@type": "Interface",
         "displayName": "Floor",
         "contents": [
           {"@type": "Property", "name": "level", "schema": "integer"},
           {"@type": "Relationship", "name": "hasRoom", "target": "dtmi:twins:demo:Room;1"}
         ]}""", """
        {"@context": ["dtmi:dtdl:context;3", "dtmi:dtdl:extension:quantitativeTypes;1"],
         "@id": "dtmi:twins:demo:Room;1", "@type": "Interface", "displayName": "Room",
         "contents": [
           {"@type": ["Property", "Temperature"], "name": "temperature", "schema": "double",
            "unit": "degreeCelsius", "writable": true},
           {"@type": ["Property", "Area"], "name": "area", "schema": "double", "unit": "squareMetre"},
           {"@type": "Property", "name": "occupied", "schema": "boolean", "writable": true},
           {"@type": "Relationship", "name": "hasSensor", "target": "dtmi:twins:demo:Sensor;1"}
         ]}""", """
        {"@context": ["dtmi:dtdl:context;3", "dtmi:dtdl:extension:quantitativeTypes;1"],
         "@id": "dtmi:twins:demo:Sensor;1", "@type": "Interface", "displayName": "Sensor",
         "contents": [
           {"@type": "Property", "name": "kind", "schema": "string"},
           {"@type": ["Telemetry", "Temperature"], "name": "temperature", "schema": "double",
            "unit": "degreeCelsius"},
           {"@type": "Telemetry", "name": "occupancy", "schema": "boolean"}
         ]}""");
  }

  /**
   * Builds the demo graph.
   *
   * @return a new graph with 9 twins and 8 relationships
   */
  public static Twins create() {
    Twins t = Twins.create(models());
    t.createTwin("building-1", "dtmi:twins:demo:Building;1", Map.of("name", "Head office"));
    for (int f = 1; f <= 2; f++) {
      String floor = "floor-" + f;
      t.createTwin(floor, "dtmi:twins:demo:Floor;1", Map.of("level", f));
      t.relate("building-1", "has-" + floor, "hasFloor", floor);
      for (int r = 1; r <= 2; r++) {
        String room = "room-" + f + "0" + r;
        t.createTwin(room, "dtmi:twins:demo:Room;1", Map.of("temperature", 20.0 + f + r / 2.0,
            "area", 12.0 * r, "occupied", r == 1));
        t.relate(floor, "has-" + room, "hasRoom", room);
      }
      String sensor = "sensor-" + f + "01";
      t.createTwin(sensor, "dtmi:twins:demo:Sensor;1", Map.of("kind", "temperature"));
      t.relate("room-" + f + "01", "has-" + sensor, "hasSensor", sensor);
    }
    return t;
  }
}
