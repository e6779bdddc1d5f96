package dev.twins.core.model;

import java.util.Objects;

/**
 * The semantic type and unit of a numeric value, such as {@code Temperature} in
 * {@code degreeCelsius} (DTDL v2 semantic types, v3 QuantitativeTypes extension).
 *
 * @param semanticType the semantic type, e.g. {@code Temperature}
 * @param unitType the unit type it takes units from, e.g. {@code TemperatureUnit}
 * @param unit the unit, e.g. {@code degreeCelsius}
 */
public record Quantity(String semanticType, String unitType, String unit) {
  /** Checks for nulls. */
  public Quantity {
    Objects.requireNonNull(semanticType, "semanticType");
    Objects.requireNonNull(unitType, "unitType");
    Objects.requireNonNull(unit, "unit");
  }
}
