package dev.twins.core.graph;

import dev.twins.core.model.ModelParser;
import dev.twins.core.model.Models;

/**
 * Models for the index and graph-view tests: a building of floors, rooms (one subtype: meeting
 * rooms) and sensors, with properties of every indexable kind.
 */
final class IndexModels {
  private IndexModels() {}

  static final String SPACE = "dtmi:ix:Space;1";
  static final String BUILDING = "dtmi:ix:Building;1";
  static final String FLOOR = "dtmi:ix:Floor;1";
  static final String ROOM = "dtmi:ix:Room;1";
  static final String MEETING_ROOM = "dtmi:ix:MeetingRoom;1";
  static final String SENSOR = "dtmi:ix:Sensor;1";

  static Models models() {
    return ModelParser.parseJson("""
        {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:ix:Space;1", "@type": "Interface",
         "contents": [
           {"@type": "Property", "name": "name", "schema": "string", "writable": true},
           {"@type": "Relationship", "name": "contains", "target": "dtmi:ix:Space;1"}
         ]}""", """
        {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:ix:Building;1", "@type": "Interface",
         "extends": "dtmi:ix:Space;1",
         "contents": [{"@type": "Property", "name": "opened", "schema": "date"}]}""", """
        {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:ix:Floor;1", "@type": "Interface",
         "extends": "dtmi:ix:Space;1",
         "contents": [{"@type": "Property", "name": "level", "schema": "integer"}]}""", """
        {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:ix:Room;1", "@type": "Interface",
         "extends": "dtmi:ix:Space;1",
         "contents": [
           {"@type": "Property", "name": "temperature", "schema": "double", "writable": true},
           {"@type": "Property", "name": "occupied", "schema": "boolean", "writable": true},
           {"@type": "Property", "name": "lastSeen", "schema": "dateTime", "writable": true},
           {"@type": "Property", "name": "counter", "schema": "long", "writable": true},
           {"@type": "Property", "name": "mode", "schema": {"@type": "Enum", "valueSchema": "string",
              "enumValues": [{"name": "eco", "enumValue": "eco"}, {"name": "comfort", "enumValue": "comfort"}]}},
           {"@type": "Property", "name": "address", "schema": {"@type": "Object", "fields": [
              {"name": "street", "schema": "string"}]}},
           {"@type": "Component", "name": "thermostat", "schema": "dtmi:ix:Thermostat;1"},
           {"@type": "Relationship", "name": "hasSensor", "target": "dtmi:ix:Sensor;1"}
         ]}""", """
        {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:ix:MeetingRoom;1", "@type": "Interface",
         "extends": "dtmi:ix:Room;1",
         "contents": [{"@type": "Property", "name": "seats", "schema": "integer"}]}""", """
        {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:ix:Sensor;1", "@type": "Interface",
         "contents": [{"@type": "Property", "name": "value", "schema": "double"},
                      {"@type": "Relationship", "name": "feeds", "target": "dtmi:ix:Sensor;1"}]}""", """
        {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:ix:Thermostat;1", "@type": "Interface",
         "contents": [{"@type": "Property", "name": "setPoint", "schema": "double", "writable": true},
                      {"@type": "Property", "name": "label", "schema": "string"}]}""");
  }
}
