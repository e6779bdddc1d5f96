package dev.twins.core.telemetry;

import dev.twins.core.series.Series;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;

/**
 * What a {@link Derivation} sees of one twin's telemetry: the newest reading by source time.
 * Readings are consistent: they are taken while the twin's telemetry is locked.
 */
public interface Readings {
  /** @return the twin id */
  String twinId();

  /** @return the telemetry name, {@code component/name} for a component's telemetry */
  String telemetry();

  /** @return the source time of the newest reading, in epoch milliseconds; empty before the first */
  OptionalLong lastTime();

  /** @return the newest reading as JSON; empty before the first */
  Optional<JsonNode> last();

  /** @return the newest reading as a number (booleans as 1 and 0); empty before the first or when it is not a number */
  OptionalDouble lastNumber();

  /**
   * Returns the history of the telemetry: a {@link dev.twins.core.series.DoubleSeries} for numbers
   * (and numeric enums), a {@link dev.twins.core.series.BooleanSeries}, a
   * {@link dev.twins.core.series.StringSeries} for strings and string enums, a
   * {@link dev.twins.core.series.GeoSeries} for points.
   *
   * @return the series; empty when series are off or the schema has none (objects, arrays, maps,
   *     geometries other than points)
   */
  Optional<Series> series();
}
