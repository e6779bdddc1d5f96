package dev.twins.core.graph;

import dev.twins.core.model.ModelParser;
import dev.twins.core.model.Models;

/** A small building model shared by the graph tests. */
final class DemoModels {
  private DemoModels() {}

  static final String SPACE = "dtmi:ex:Space;1";
  static final String BUILDING = "dtmi:ex:Building;1";
  static final String FLOOR = "dtmi:ex:Floor;1";
  static final String ROOM = "dtmi:ex:Room;1";
  static final String SENSOR = "dtmi:ex:Sensor;1";
  static final String THERMOSTAT = "dtmi:ex:Thermostat;1";

  static Models models() {
    return ModelParser.parseJson("""
        {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:ex:Space;1", "@type": "Interface",
         "contents": [
           {"@type": "Property", "name": "name", "schema": "string", "writable": true},
           {"@type": "Relationship", "name": "contains", "target": "dtmi:ex:Space;1"}
         ]}""", """
        {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:ex:Building;1", "@type": "Interface",
         "extends": "dtmi:ex:Space;1"}""", """
        {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:ex:Floor;1", "@type": "Interface",
         "extends": "dtmi:ex:Space;1",
         "contents": [{"@type": "Property", "name": "level", "schema": "integer"}]}""", """
        {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:ex:Room;1", "@type": "Interface",
         "extends": "dtmi:ex:Space;1",
         "contents": [
           {"@type": "Property", "name": "temperature", "schema": "double", "writable": true},
           {"@type": "Property", "name": "area", "schema": "double"},
           {"@type": "Property", "name": "tags", "schema": {"@type": "Map",
              "mapKey": {"name": "k", "schema": "string"}, "mapValue": {"name": "v", "schema": "string"}}},
           {"@type": "Property", "name": "address", "schema": {"@type": "Object", "fields": [
              {"name": "street", "schema": "string"}, {"name": "number", "schema": "integer"}]}},
           {"@type": "Component", "name": "thermostat", "schema": "dtmi:ex:Thermostat;1"},
           {"@type": "Relationship", "name": "hasSensor", "target": "dtmi:ex:Sensor;1", "maxMultiplicity": 2,
            "properties": [{"@type": "Property", "name": "since", "schema": "dateTime"}]}
         ]}""", """
        {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:ex:Sensor;1", "@type": "Interface",
         "contents": [{"@type": "Property", "name": "value", "schema": "double"},
                      {"@type": "Telemetry", "name": "reading", "schema": "double"}]}""", """
        {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:ex:Thermostat;1", "@type": "Interface",
         "contents": [{"@type": "Property", "name": "setPoint", "schema": "double", "writable": true}]}""");
  }
}
