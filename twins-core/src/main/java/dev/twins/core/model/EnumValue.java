package dev.twins.core.model;

import java.util.Objects;

/**
 * One value of an Enum: its name and its on-the-wire value.
 *
 * @param info identifier and descriptive members
 * @param name the value's name
 * @param enumValue the value as it appears in data: a {@link String} or an {@link Integer}
 */
public record EnumValue(ElementInfo info, String name, Object enumValue) implements NamedElement {
  /** Checks for nulls and the value's type. */
  public EnumValue {
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(enumValue, "enumValue");
    if (!(enumValue instanceof String) && !(enumValue instanceof Integer)) {
      throw new IllegalArgumentException("enumValue must be a String or an Integer, got " + enumValue.getClass().getName());
    }
  }

  /** Renders the element in a few words (name and schema), whatever its size. */
  @Override
  public String toString() {
    String v = String.valueOf(enumValue);
    return "EnumValue[" + name + "=" + (v.length() > 40 ? v.substring(0, 37) + "..." : v) + "]";
  }
}
