package dev.twins.core.telemetry;

import java.util.Objects;

/**
 * A property that Twins keeps up to date: computed from the twin's own telemetry
 * ({@link FromTelemetry}) or from the properties or telemetry of the twins it relates to
 * ({@link FromRelated}). Rules chain to any depth (sensors to rooms, rooms to floors, floors to a
 * building); a rule that would close a cycle is refused when it is added. Derived values are
 * written with the graph's own JSON Patch writes, so they are validated, versioned and announced
 * as change events like any other write.
 *
 * <pre>{@code
 * Rule.fromTelemetry(SENSOR, "lastTemperature", "temperature", Derivation.last())
 * Rule.fromRelated(ROOM, "temperature", "hasSensor", Source.telemetry("temperature"), Aggregate.MEAN)
 * Rule.fromRelated(FLOOR, "occupancy", "hasRoom", Source.property("occupancy"), Aggregate.SUM)
 * }</pre>
 */
public sealed interface Rule permits Rule.FromTelemetry, Rule.FromRelated {
  /** @return the DTMI of the model whose twins (and whose subtypes' twins) get the property */
  String model();

  /** @return the name of the Property the rule writes */
  String property();

  /**
   * A property computed from one of the twin's telemetries.
   *
   * @param model the model DTMI
   * @param property the Property to write
   * @param telemetry the Telemetry name ({@code component/name} for a component's)
   * @param derivation how the value is computed from the telemetry
   * @return the rule
   */
  static FromTelemetry fromTelemetry(String model, String property, String telemetry, Derivation derivation) {
    return new FromTelemetry(model, property, telemetry, derivation);
  }

  /**
   * A property computed from the twins this twin relates to by one relationship name.
   *
   * @param model the model DTMI
   * @param property the Property to write
   * @param relationship the Relationship name, followed from this twin to the related ones
   * @param source what to read of each related twin
   * @param aggregate how to combine the values
   * @return the rule
   */
  static FromRelated fromRelated(String model, String property, String relationship, Source source,
      Aggregate aggregate) {
    return new FromRelated(model, property, relationship, source, aggregate);
  }

  /**
   * A property computed from the twin's telemetry after every accepted reading.
   *
   * @param model the model DTMI
   * @param property the Property written
   * @param telemetry the Telemetry read
   * @param derivation the computation
   */
  record FromTelemetry(String model, String property, String telemetry, Derivation derivation) implements Rule {
    /** Checks the fields. */
    public FromTelemetry {
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(property, "property");
      Objects.requireNonNull(telemetry, "telemetry");
      Objects.requireNonNull(derivation, "derivation");
    }

    /** Renders e.g. {@code Sensor;1.lastTemperature = f(temperature)}. */
    @Override
    public String toString() {
      return shortName(model) + "." + property + " = f(telemetry " + telemetry + ")";
    }
  }

  /**
   * A property computed from related twins; recomputed for exactly the twins whose inputs change.
   *
   * @param model the model DTMI
   * @param property the Property written
   * @param relationship the Relationship followed
   * @param source what is read of each related twin
   * @param aggregate how the values combine
   */
  record FromRelated(String model, String property, String relationship, Source source, Aggregate aggregate)
      implements Rule {
    /** Checks the fields. */
    public FromRelated {
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(property, "property");
      Objects.requireNonNull(relationship, "relationship");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(aggregate, "aggregate");
    }

    /** Renders e.g. {@code Room;1.temperature = MEAN(hasSensor -> telemetry temperature)}. */
    @Override
    public String toString() {
      return shortName(model) + "." + property + " = " + aggregate + "(" + relationship + " -> " + source + ")";
    }
  }

  /**
   * What a {@link FromRelated} rule reads of each related twin: a property, or the newest reading
   * of a telemetry.
   *
   * @param telemetry {@code true} for a telemetry, {@code false} for a property
   * @param name the property or telemetry name
   */
  record Source(boolean telemetry, String name) {
    /** Checks the name. */
    public Source {
      Objects.requireNonNull(name, "name");
    }

    /**
     * Reads a property.
     *
     * @param name the property name
     * @return the source
     */
    public static Source property(String name) {
      return new Source(false, name);
    }

    /**
     * Reads the newest reading of a telemetry.
     *
     * @param name the telemetry name
     * @return the source
     */
    public static Source telemetry(String name) {
      return new Source(true, name);
    }

    /** Renders {@code property NAME} or {@code telemetry NAME}. */
    @Override
    public String toString() {
      return (telemetry ? "telemetry " : "property ") + name;
    }
  }

  private static String shortName(String dtmi) {
    int colon = dtmi.lastIndexOf(':');
    return colon < 0 ? dtmi : dtmi.substring(colon + 1);
  }
}
