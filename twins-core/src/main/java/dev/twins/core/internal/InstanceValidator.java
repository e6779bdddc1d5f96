package dev.twins.core.internal;

import dev.twins.core.model.Schema;
import dev.twins.core.model.ValueError;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Checks JSON values against schemas. */
public final class InstanceValidator {
  private InstanceValidator() {}

  /**
   * Checks a value.
   *
   * @param schema the schema
   * @param value the value
   * @return the mismatches
   */
  public static List<ValueError> validate(Schema schema, JsonNode value) {
    throw new UnsupportedOperationException("not yet");
  }
}
