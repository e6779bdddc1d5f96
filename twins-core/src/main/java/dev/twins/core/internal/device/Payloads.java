package dev.twins.core.internal.device;

import dev.twins.core.internal.JsonValues;
import dev.twins.core.model.CommandPayload;
import dev.twins.core.model.ValueError;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Checks command payloads (v2 CommandPayload, v3 CommandRequest / CommandResponse) and renders problems. */
final class Payloads {
  private Payloads() {}

  /**
   * Checks a payload against its declaration: a missing payload or a JSON null is fine only when
   * the declaration is {@code nullable}; anything else must fit the schema.
   */
  static List<ValueError> check(CommandPayload declared, Optional<JsonNode> payload) {
    if (payload.isEmpty()) {
      return declared.nullable() ? List.of() : List.of(new ValueError("", declared.schema().describe(),
          "the payload '" + declared.name() + "' is missing; it is a " + declared.schema().describe()
          + " and not nullable"));
    }
    JsonNode v = payload.get();
    if (v.isNull() && declared.nullable()) return List.of();
    return declared.schema().validate(v);
  }

  static String what(CommandPayload declared) {
    return "'" + declared.name() + "' (" + declared.schema().describe() + (declared.nullable() ? ", nullable" : "") + ")";
  }

  static String render(String root, List<ValueError> errors) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(3, errors.size()); i++) {
      if (i > 0) sb.append("; ");
      ValueError e = errors.get(i);
      sb.append(root).append(e.pointer()).append(": ").append(e.message());
    }
    if (errors.size() > 3) sb.append("; and ").append(errors.size() - 3).append(" more");
    return sb.toString();
  }

  static String describe(JsonNode v) {
    return JsonValues.abbreviate(v);
  }
}
