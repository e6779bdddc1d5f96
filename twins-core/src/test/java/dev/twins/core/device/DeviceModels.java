package dev.twins.core.device;

import static dev.twins.core.model.Schemas.DOUBLE;
import static dev.twins.core.model.Schemas.INTEGER;
import static dev.twins.core.model.Schemas.STRING;
import static dev.twins.core.model.Schemas.enumOf;
import static dev.twins.core.model.Schemas.object;

import dev.twins.core.graph.Twins;
import dev.twins.core.model.ModelBuilder;
import dev.twins.core.model.ModelParser;
import dev.twins.core.model.ModelWriter;
import dev.twins.core.model.Models;
import dev.twins.core.model.PrimitiveSchema;
import java.util.Map;
import tools.jackson.databind.node.JsonNodeFactory;

/** The models of the device tests: a reactor with a cooling valve component, DTDL v2 and v4 devices. */
final class DeviceModels {
  static final String VESSEL = "dtmi:test:plant:Vessel;1";
  static final String REACTOR = "dtmi:test:plant:Reactor;1";
  static final String VALVE = "dtmi:test:plant:Valve;1";
  static final String PUMP_V2 = "dtmi:test:plant:Pump;1";
  static final String SENSOR_V4 = "dtmi:test:plant:Sensor;1";

  static final Models MODELS = build();

  private DeviceModels() {}

  private static Models build() {
    Models built = ModelBuilder.create()
        .define(VESSEL, v -> v
            .property("temperature", DOUBLE)
            .command("vent", c -> c.response("vented", DOUBLE)))
        .define(REACTOR, r -> r
            .extendsFrom(VESSEL)
            .property("serial", STRING)
            .property("coolingSetPoint", DOUBLE, p -> p.writable())
            .property("mode", enumOf(PrimitiveSchema.STRING, "auto", "manual"), p -> p.writable())
            .component("coolingValve", VALVE)
            .command("scram")
            .command("setPower", c -> c
                .request("settings", object(o -> o.field("megawatts", DOUBLE).field("rampSeconds", INTEGER)))
                .response("accepted", object(o -> o.field("megawatts", DOUBLE)))))
        .define(VALVE, v -> v
            .property("position", DOUBLE, p -> p.writable())
            .command("open", c -> c.request("percent", INTEGER).response("position", DOUBLE)))
        .build();
    String v2 = "{\"@context\": \"dtmi:dtdl:context;2\", \"@id\": \"" + PUMP_V2 + "\", \"@type\": \"Interface\","
        + " \"contents\": [{\"@type\": \"Command\", \"name\": \"prime\", \"commandType\": \"synchronous\","
        + " \"request\": {\"@type\": \"CommandPayload\", \"name\": \"seconds\", \"schema\": \"integer\"},"
        + " \"response\": {\"@type\": \"CommandPayload\", \"name\": \"ok\", \"schema\": \"boolean\"}}]}";
    String v4 = "{\"@context\": \"dtmi:dtdl:context;4\", \"@id\": \"" + SENSOR_V4 + "\", \"@type\": \"Interface\","
        + " \"contents\": [{\"@type\": \"Command\", \"name\": \"calibrate\","
        + " \"request\": {\"name\": \"offset\", \"schema\": \"double\", \"nullable\": true},"
        + " \"response\": {\"name\": \"drift\", \"schema\": \"double\", \"nullable\": true}}]}";
    return ModelParser.parseJson(ModelWriter.toJson(built), v2, v4);
  }

  /** A graph with reactors r1..rN, a v2 pump and a v4 sensor. */
  static Twins graph(int reactors) {
    Twins twins = Twins.create(MODELS);
    for (int i = 1; i <= reactors; i++) {
      twins.createTwin("r" + i, REACTOR, Map.of("serial", "SN-" + i, "temperature", 20.0,
          "coolingValve", JsonNodeFactory.instance.objectNode()));
    }
    twins.createTwin("pump", PUMP_V2, Map.of());
    twins.createTwin("sensor", SENSOR_V4, Map.of());
    return twins;
  }
}
