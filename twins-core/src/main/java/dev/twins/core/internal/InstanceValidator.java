package dev.twins.core.internal;

import dev.twins.core.model.ArraySchema;
import dev.twins.core.model.EnumSchema;
import dev.twins.core.model.EnumValue;
import dev.twins.core.model.Field;
import dev.twins.core.model.GeospatialSchema;
import dev.twins.core.model.MapSchema;
import dev.twins.core.model.ObjectSchema;
import dev.twins.core.model.PrimitiveSchema;
import dev.twins.core.model.Schema;
import dev.twins.core.model.ValueError;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Checks JSON values (twin properties, telemetry, command payloads) against DTDL schemas.
 *
 * <p>Every mismatch is reported, each with the RFC 6901 JSON pointer of the offending part
 * relative to the value checked ({@code ""} for the value itself). A valid value costs no
 * allocation beyond one small path buffer for complex schemas; pointers and messages are built
 * only for errors.
 *
 * <h2>Rules</h2>
 *
 * <ul>
 *   <li>JSON {@code null} is never valid: DTDL has no null values (a field or property is left
 *       out instead).
 *   <li>{@code boolean}: {@code true} or {@code false}. {@code string}: any JSON string that is
 *       valid UTF-8 (no unpaired surrogate).
 *   <li>Integral schemas ({@code integer}, {@code long}, {@code byte}, {@code short} and the
 *       unsigned ones): a JSON number whose <em>value</em> is a whole number within the range,
 *       as in JSON Schema: {@code 2}, {@code 2.0} and {@code 2e0} are all the integer 2, while
 *       {@code 2.5} is not. A floating-point literal read as a double is accepted only up to
 *       2<sup>53</sup> in magnitude, where being whole is still exact; larger values must be
 *       written as integer literals. (Stricter peers reject {@code 2.0}; being stricter here
 *       would reject values that JSON producers such as Python's {@code json} emit for floats.)
 *   <li>{@code double}: any finite JSON number (values beyond the double range are rejected,
 *       tiny ones round to zero). {@code float}: any finite JSON number that rounds to a finite
 *       single-precision value, i.e. magnitude up to about {@link Float#MAX_VALUE}.
 *   <li>{@code decimal}: a finite JSON number, or a string of digits with an optional decimal
 *       point and fraction and an optional sign (no exponent).
 *   <li>{@code date}: RFC 3339 {@code full-date}, a real calendar day ({@code 2024-02-29} is
 *       valid, {@code 2023-02-29} is not). {@code time}: RFC 3339 {@code partial-time} with an
 *       optional offset; hour 00-23 ({@code 24:00:00} is rejected), seconds required, any
 *       number of fraction digits. {@code dateTime}: RFC 3339 {@code date-time}: {@code T} or
 *       {@code t}, offset {@code Z}, {@code z} or {@code ±hh:mm} required. Leap seconds
 *       (second 60), which the RFC 3339 grammar allows, are rejected because {@code java.time}
 *       cannot represent them.
 *   <li>{@code duration}: ISO 8601 {@code PnYnMnDTnHnMnS} (any non-empty subset, in order) or
 *       {@code PnW}; a fraction only on the last component; no sign.
 *   <li>{@code uuid}: the canonical 8-4-4-4-12 hex form (either case). {@code bytes}: standard
 *       base64 (padding optional but correct when present), or a binary node of a tree built in
 *       Java.
 *   <li>Geospatial: a GeoJSON geometry object (RFC 7946) with {@code "type"} equal to the
 *       schema's GeoJSON type and {@code "coordinates"} of the right shape. A position is an
 *       array of 2 or 3 finite numbers {@code [longitude, latitude, altitude?]} with longitude
 *       in [-180, 180] and latitude in [-90, 90]; a LineString has at least 2 positions; a
 *       Polygon has at least one linear ring, each of at least 4 positions whose last equals its
 *       first; Multi* geometries are arrays (possibly empty) of those. A {@code "bbox"}, when
 *       present, must be 4 or 6 finite numbers; other members are allowed, as RFC 7946 allows
 *       foreign members. Ring orientation is not checked (RFC 7946 says not to reject it).
 *   <li>Enum: a string or integer (by the rules above) equal to one of the enum values.
 *   <li>Object: a JSON object; each field present is checked against its schema, fields not
 *       declared are errors, missing fields are fine (DTDL Object fields are optional).
 *   <li>Map: a JSON object with any keys; every value is checked against the map value schema.
 *   <li>Array: a JSON array; every item is checked against the element schema.
 * </ul>
 */
public final class InstanceValidator {
  private InstanceValidator() {}

  /**
   * Checks a value against a schema.
   *
   * @param schema the schema
   * @param value the value, as it appears in a twin or a telemetry message
   * @return every mismatch, in document order; an empty, immutable list when the value is valid
   * @throws NullPointerException if an argument is {@code null}
   */
  public static List<ValueError> validate(Schema schema, JsonNode value) {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(value, "value");
    if (schema instanceof PrimitiveSchema) {
      // the common case of telemetry: no path, no list unless the value is wrong
      PrimitiveSchema primitive = (PrimitiveSchema) schema;
      String message = PrimitiveChecks.check(primitive, value);
      return message == null ? List.of() : List.of(new ValueError("", primitive.term(), message));
    }
    Run run = new Run();
    run.check(schema, value);
    return run.result();
  }

  /**
   * Tells whether a value fits a primitive schema; the same answer as {@link #validate} being
   * empty, without building a list.
   *
   * @param schema the schema
   * @param value the value
   * @return whether the value is valid
   */
  public static boolean fits(PrimitiveSchema schema, JsonNode value) {
    return PrimitiveChecks.check(schema, value) == null;
  }

  /** One validation: the current path and the errors found so far. */
  private static final class Run {
    private static final int MAX_LISTED = 10;
    private static final int MAX_EXPECTED_CHARS = 120;

    /** Object keys of the path; {@code null} where the segment is an array index. */
    private String[] keys = new String[8];

    private int[] indexes = new int[8];
    private int depth;
    private List<ValueError> errors;

    List<ValueError> result() {
      return errors == null ? List.of() : Collections.unmodifiableList(errors);
    }

    // ---------------------------------------------------------------- path

    private void push(String key) {
      grow();
      keys[depth] = key;
      depth++;
    }

    private void push(int index) {
      grow();
      keys[depth] = null;
      indexes[depth] = index;
      depth++;
    }

    private void pop() {
      depth--;
      keys[depth] = null;
    }

    private void grow() {
      if (depth == keys.length) {
        keys = Arrays.copyOf(keys, depth * 2);
        indexes = Arrays.copyOf(indexes, depth * 2);
      }
    }

    private String pointer() {
      if (depth == 0) {
        return "";
      }
      StringBuilder sb = new StringBuilder(depth * 8);
      for (int i = 0; i < depth; i++) {
        sb.append('/');
        if (keys[i] == null) {
          sb.append(indexes[i]);
        } else {
          JsonValues.appendPointerToken(keys[i], sb);
        }
      }
      return sb.toString();
    }

    private void error(String expected, String message) {
      if (errors == null) {
        errors = new ArrayList<>(4);
      }
      errors.add(new ValueError(pointer(), expected, message));
    }

    private void errorAt(String key, String expected, String message) {
      push(key);
      error(expected, message);
      pop();
    }

    private void errorAt(int index, String expected, String message) {
      push(index);
      error(expected, message);
      pop();
    }

    // ---------------------------------------------------------------- schemas

    void check(Schema schema, JsonNode node) {
      if (schema instanceof PrimitiveSchema) {
        PrimitiveSchema primitive = (PrimitiveSchema) schema;
        String message = PrimitiveChecks.check(primitive, node);
        if (message != null) {
          error(primitive.term(), message);
        }
      } else if (schema instanceof ObjectSchema) {
        checkObject((ObjectSchema) schema, node);
      } else if (schema instanceof ArraySchema) {
        checkArray((ArraySchema) schema, node);
      } else if (schema instanceof MapSchema) {
        checkMap((MapSchema) schema, node);
      } else if (schema instanceof EnumSchema) {
        checkEnum((EnumSchema) schema, node);
      } else if (schema instanceof GeospatialSchema) {
        checkGeospatial((GeospatialSchema) schema, node);
      } else {
        throw new AssertionError("unknown schema kind " + schema.getClass().getName());
      }
    }

    private void checkObject(ObjectSchema schema, JsonNode node) {
      if (!node.isObject()) {
        error(schema.describe(), mismatch(schema.describe(), node));
        return;
      }
      List<Field> fields = schema.fields();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        String key = e.getKey();
        Field field = field(fields, key);
        push(key);
        if (field == null) {
          error(declaredFields(fields), "field " + JsonValues.quote(key) + " is not declared by the Object schema");
        } else {
          check(field.schema(), e.getValue());
        }
        pop();
      }
    }

    private static Field field(List<Field> fields, String name) {
      // Objects have few fields: a scan beats hashing and allocates nothing
      for (int i = 0, n = fields.size(); i < n; i++) {
        Field f = fields.get(i);
        if (f.name().equals(name)) {
          return f;
        }
      }
      return null;
    }

    private static String declaredFields(List<Field> fields) {
      if (fields.isEmpty()) {
        return "no fields (the Object declares none)";
      }
      List<String> names = new ArrayList<>(fields.size());
      for (Field f : fields) {
        names.add(f.name());
      }
      return "one of the declared fields " + list(names);
    }

    private void checkArray(ArraySchema schema, JsonNode node) {
      if (!node.isArray()) {
        error(schema.describe(), mismatch(schema.describe(), node));
        return;
      }
      Schema element = schema.elementSchema();
      for (int i = 0, n = node.size(); i < n; i++) {
        push(i);
        check(element, node.get(i));
        pop();
      }
    }

    private void checkMap(MapSchema schema, JsonNode node) {
      if (!node.isObject()) {
        error(schema.describe(), mismatch(schema.describe(), node));
        return;
      }
      Schema valueSchema = schema.mapValue().schema();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        push(e.getKey());
        check(valueSchema, e.getValue());
        pop();
      }
    }

    private void checkEnum(EnumSchema schema, JsonNode node) {
      List<EnumValue> values = schema.values();
      if (schema.valueSchema() == PrimitiveSchema.STRING) {
        if (!node.isString()) {
          error(enumExpected(schema), mismatch(enumExpected(schema), node));
          return;
        }
        String s = node.stringValue();
        for (int i = 0, n = values.size(); i < n; i++) {
          if (s.equals(values.get(i).enumValue())) {
            return;
          }
        }
      } else {
        if (!PrimitiveChecks.isInt(node)) {
          String problem = PrimitiveChecks.check(PrimitiveSchema.INTEGER, node);
          error(enumExpected(schema), problem == null ? mismatch("integer", node) : problem);
          return;
        }
        int v = PrimitiveChecks.intValue(node);
        for (int i = 0, n = values.size(); i < n; i++) {
          Object candidate = values.get(i).enumValue();
          if (candidate instanceof Integer && (Integer) candidate == v) {
            return;
          }
        }
      }
      error(enumExpected(schema), JsonValues.abbreviate(node) + " is not one of the Enum's values");
    }

    private static String enumExpected(EnumSchema schema) {
      if (schema.values().isEmpty()) {
        return "no value (the Enum declares none)";
      }
      List<String> literals = new ArrayList<>(schema.values().size());
      for (EnumValue v : schema.values()) {
        literals.add(String.valueOf(v.enumValue()));
      }
      return "one of " + list(literals);
    }

    /** Renders names as {@code [a, b, c]}, bounded in count and length. */
    private static String list(List<String> items) {
      StringBuilder sb = new StringBuilder("[");
      int shown = 0;
      for (String item : items) {
        if (shown == MAX_LISTED || sb.length() + item.length() > MAX_EXPECTED_CHARS) {
          break;
        }
        if (shown > 0) {
          sb.append(", ");
        }
        sb.append(item);
        shown++;
      }
      if (shown < items.size()) {
        sb.append(shown == 0 ? "" : ", ").append("... (").append(items.size() - shown).append(" more)");
      }
      return sb.append(']').toString();
    }

    // ---------------------------------------------------------------- geospatial

    private static final String POSITION = "position [longitude, latitude] or [longitude, latitude, altitude]";
    private static final String LONGITUDE = "longitude from -180 to 180";
    private static final String LATITUDE = "latitude from -90 to 90";
    private static final String ALTITUDE = "altitude (a number)";
    private static final String RING = "linear ring: at least 4 positions, the last equal to the first";

    private void checkGeospatial(GeospatialSchema schema, JsonNode node) {
      String geometry = "GeoJSON " + schema.geoJsonType() + " object";
      if (!node.isObject()) {
        error(geometry, mismatch(schema.term() + " (a " + geometry + ")", node));
        return;
      }
      String typeExpected = "\"" + schema.geoJsonType() + "\"";
      JsonNode type = node.get("type");
      if (type == null) {
        errorAt("type", typeExpected, "member \"type\" is missing; a " + geometry + " needs \"type\": " + typeExpected);
      } else if (!type.isString() || !type.stringValue().equals(schema.geoJsonType())) {
        errorAt("type", typeExpected, "expected " + typeExpected + ", got " + JsonValues.describe(type));
      }
      JsonNode coordinates = node.get("coordinates");
      if (coordinates == null) {
        errorAt("coordinates", coordinatesExpected(schema), "member \"coordinates\" is missing");
      } else {
        push("coordinates");
        coordinates(schema, coordinates);
        pop();
      }
      JsonNode bbox = node.get("bbox");
      if (bbox != null) {
        push("bbox");
        bbox(bbox);
        pop();
      }
    }

    private static String coordinatesExpected(GeospatialSchema schema) {
      switch (schema) {
        case POINT:
          return POSITION;
        case MULTI_POINT:
          return "array of positions";
        case LINE_STRING:
          return "array of at least 2 positions";
        case MULTI_LINE_STRING:
          return "array of LineStrings (each an array of at least 2 positions)";
        case POLYGON:
          return "array of at least one linear ring";
        case MULTI_POLYGON:
          return "array of Polygons (each an array of at least one linear ring)";
        default:
          throw new AssertionError("unknown geospatial schema " + schema);
      }
    }

    private void coordinates(GeospatialSchema schema, JsonNode node) {
      switch (schema) {
        case POINT:
          position(node);
          break;
        case MULTI_POINT:
          positions(node, 0, "array of positions");
          break;
        case LINE_STRING:
          positions(node, 2, "array of at least 2 positions");
          break;
        case MULTI_LINE_STRING:
          if (nestedArray(node, 3, coordinatesExpected(schema))) {
            for (int i = 0, n = node.size(); i < n; i++) {
              push(i);
              positions(node.get(i), 2, "LineString: array of at least 2 positions");
              pop();
            }
          }
          break;
        case POLYGON:
          rings(node);
          break;
        case MULTI_POLYGON:
          if (nestedArray(node, 4, coordinatesExpected(schema))) {
            for (int i = 0, n = node.size(); i < n; i++) {
              push(i);
              rings(node.get(i));
              pop();
            }
          }
          break;
        default:
          throw new AssertionError("unknown geospatial schema " + schema);
      }
    }

    /**
     * Checks that a node is an array nested {@code levels} deep (1 for a position, 2 for an array
     * of positions, ...), judged along the first items; reports it once if not, so that a
     * missing or extra pair of brackets gives one error instead of one per number.
     */
    private boolean nestedArray(JsonNode node, int levels, String expected) {
      if (!node.isArray()) {
        error(expected, mismatch(expected, node));
        return false;
      }
      int found = 0;
      JsonNode n = node;
      while (n.isArray() && !n.isEmpty()) {
        found++;
        n = n.get(0);
      }
      if (n.isNumber() && found != levels) {
        error(
            expected,
            "expected "
                + expected
                + ", got "
                + JsonValues.abbreviate(node)
                + " with "
                + found
                + (found == 1 ? " level" : " levels")
                + " of brackets instead of "
                + levels);
        return false;
      }
      return true;
    }

    /** Checks an array of positions; returns whether it and every position are valid. */
    private boolean positions(JsonNode node, int min, String expected) {
      if (!nestedArray(node, 2, expected)) {
        return false;
      }
      boolean valid = true;
      int n = node.size();
      if (n < min) {
        error(expected, "expected at least " + min + " positions, got " + n + ": " + JsonValues.abbreviate(node));
        valid = false;
      }
      for (int i = 0; i < n; i++) {
        push(i);
        valid &= position(node.get(i));
        pop();
      }
      return valid;
    }

    private void rings(JsonNode node) {
      String expected = "array of at least one linear ring";
      if (!nestedArray(node, 3, expected)) {
        return;
      }
      if (node.isEmpty()) {
        error(expected, "a Polygon needs at least one linear ring (its exterior), got []");
        return;
      }
      for (int i = 0, n = node.size(); i < n; i++) {
        push(i);
        JsonNode ring = node.get(i);
        if (positions(ring, 4, RING)) {
          int last = ring.size() - 1;
          if (!samePosition(ring.get(0), ring.get(last))) {
            errorAt(
                last,
                "the first position " + JsonValues.abbreviate(ring.get(0)),
                "a linear ring must end where it starts: "
                    + JsonValues.abbreviate(ring.get(last))
                    + " differs from the first position "
                    + JsonValues.abbreviate(ring.get(0)));
          }
        }
        pop();
      }
    }

    private static boolean samePosition(JsonNode a, JsonNode b) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0, n = a.size(); i < n; i++) {
        // both are valid positions here: finite numbers, and 0.0 equals -0.0
        if (a.get(i).numberValue().doubleValue() != b.get(i).numberValue().doubleValue()) {
          return false;
        }
      }
      return true;
    }

    /** Checks one position; returns whether it is valid. */
    private boolean position(JsonNode node) {
      if (!nestedArray(node, 1, POSITION)) {
        return false;
      }
      int n = node.size();
      if (n < 2 || n > 3) {
        error(POSITION, "expected 2 or 3 numbers, got " + n + ": " + JsonValues.abbreviate(node));
        return false;
      }
      boolean valid = coordinate(node, 0, LONGITUDE, 180);
      valid &= coordinate(node, 1, LATITUDE, 90);
      if (n == 3) {
        valid &= coordinate(node, 2, ALTITUDE, Double.POSITIVE_INFINITY);
      }
      return valid;
    }

    private boolean coordinate(JsonNode position, int index, String expected, double limit) {
      JsonNode c = position.get(index);
      if (!c.isNumber()) {
        errorAt(index, expected, mismatch(expected, c));
        return false;
      }
      double v = c.numberValue().doubleValue();
      if (!Double.isFinite(v)) {
        errorAt(index, expected, JsonValues.abbreviate(c) + " is not a finite number");
        return false;
      }
      if (Math.abs(v) > limit) {
        String message = JsonValues.abbreviate(c) + " is out of range: expected " + expected;
        if (index == 1) {
          JsonNode lon = position.get(0);
          if (lon.isNumber() && Math.abs(lon.numberValue().doubleValue()) <= 90) {
            message += " (GeoJSON positions are [longitude, latitude]; are the two swapped?)";
          }
        }
        errorAt(index, expected, message);
        return false;
      }
      return true;
    }

    private void bbox(JsonNode node) {
      String expected = "bbox: 4 or 6 numbers [west, south, (low,) east, north(, high)]";
      if (!node.isArray() || (node.size() != 4 && node.size() != 6)) {
        error(expected, node.isArray()
            ? "expected 4 or 6 numbers, got " + node.size() + ": " + JsonValues.abbreviate(node)
            : mismatch(expected, node));
        return;
      }
      for (int i = 0, n = node.size(); i < n; i++) {
        JsonNode c = node.get(i);
        if (!c.isNumber() || !Double.isFinite(c.numberValue().doubleValue())) {
          errorAt(i, "a finite number", c.isNumber()
              ? JsonValues.abbreviate(c) + " is not a finite number"
              : mismatch("a finite number", c));
        }
      }
    }

    private static String mismatch(String expected, JsonNode node) {
      return PrimitiveChecks.mismatch(expected, false, false, node);
    }
  }
}
