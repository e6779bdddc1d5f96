package dev.twins.core.telemetry;

import java.util.Objects;
import java.util.Optional;
import java.util.function.DoublePredicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * How a property is computed from one twin's telemetry, for {@link Rule#fromTelemetry}. Evaluated
 * after every accepted reading of that telemetry, while the twin's telemetry is locked; an empty
 * result removes the property.
 *
 * <pre>{@code
 * Derivation.last()                         // the newest value
 * Derivation.lastMatches(v -> v > 39.5)     // true while the newest value is above 39.5
 * }</pre>
 */
@FunctionalInterface
public interface Derivation {
  /**
   * Computes the property value.
   *
   * @param readings the twin's telemetry
   * @return the value, or empty for none
   */
  Optional<JsonNode> derive(Readings readings);

  /** @return the newest value of the telemetry, as received */
  static Derivation last() {
    return Readings::last;
  }

  /**
   * A boolean: whether the newest value passes a test.
   *
   * @param test the test of the number
   * @return the derivation
   */
  static Derivation lastMatches(DoublePredicate test) {
    Objects.requireNonNull(test, "test");
    return r -> {
      var n = r.lastNumber();
      return n.isPresent() ? Optional.of(JsonNodeFactory.instance.booleanNode(test.test(n.getAsDouble())))
          : Optional.empty();
    };
  }
}
