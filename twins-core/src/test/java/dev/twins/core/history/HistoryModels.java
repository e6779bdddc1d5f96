package dev.twins.core.history;

import dev.twins.core.model.ModelParser;
import dev.twins.core.model.Models;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Models and a settable clock for the history tests. */
final class HistoryModels {
  private HistoryModels() {}

  static final String ROOM = "dtmi:ex:history:Room;1";
  static final String LAB = "dtmi:ex:history:Lab;1";
  static final String DESK = "dtmi:ex:history:Desk;1";

  static Models models() {
    return ModelParser.parseJson("""
        {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:ex:history:Room;1", "@type": "Interface",
         "contents": [
           {"@type": "Property", "name": "temperature", "schema": "double", "writable": true},
           {"@type": "Property", "name": "count", "schema": "integer", "writable": true},
           {"@type": "Property", "name": "total", "schema": "long", "writable": true},
           {"@type": "Property", "name": "on", "schema": "boolean", "writable": true},
           {"@type": "Property", "name": "label", "schema": "string", "writable": true},
           {"@type": "Property", "name": "mode", "schema": {"@type": "Enum", "valueSchema": "string", "enumValues": [
              {"name": "eco", "enumValue": "eco"}, {"name": "comfort", "enumValue": "comfort"}]}, "writable": true},
           {"@type": "Property", "name": "address", "schema": {"@type": "Object", "fields": [
              {"name": "street", "schema": "string"}, {"name": "number", "schema": "integer"}]}, "writable": true},
           {"@type": "Component", "name": "thermostat", "schema": "dtmi:ex:history:Thermostat;1"}
         ]}""", """
        {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:ex:history:Lab;1", "@type": "Interface",
         "extends": "dtmi:ex:history:Room;1",
         "contents": [{"@type": "Property", "name": "hazard", "schema": "string", "writable": true}]}""", """
        {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:ex:history:Desk;1", "@type": "Interface",
         "contents": [{"@type": "Property", "name": "label", "schema": "string", "writable": true},
                      {"@type": "Property", "name": "temperature", "schema": "double", "writable": true}]}""", """
        {"@context": "dtmi:dtdl:context;3", "@id": "dtmi:ex:history:Thermostat;1", "@type": "Interface",
         "contents": [{"@type": "Property", "name": "setPoint", "schema": "double", "writable": true}]}""");
  }

  /** A clock the test moves. */
  static final class SetClock extends Clock {
    Instant now;

    SetClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }

    void advance(long millis) {
      now = now.plusMillis(millis);
    }
  }
}
