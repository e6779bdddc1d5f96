package dev.twins.core.graph;

import dev.twins.core.graph.PatchException.Kind;
import dev.twins.core.internal.graph.JsonPointers;
import dev.twins.core.internal.graph.PatchValues;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.DoubleNode;
import tools.jackson.databind.node.IntNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.LongNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * An immutable JSON Patch (RFC 6902) restricted to what Azure Digital Twins accepts for twin and
 * relationship updates: {@code add}, {@code replace} and {@code remove}, plus {@code test} for
 * conditional patches. {@code move} and {@code copy} are refused.
 *
 * <pre>{@code
 * JsonPatch patch = JsonPatch.builder()
 *     .add("/temperature", 21.5)
 *     .replace("/settings/mode", "eco")
 *     .remove("/alarm")
 *     .build();
 * patch.toString();  // [{"op":"add","path":"/temperature","value":21.5},...]
 * JsonPatch.parse(patch.toString()).equals(patch);  // true
 * }</pre>
 *
 * <p>Values are deep-copied on the way in and out, so a patch never changes once built. Numbers
 * are held in one canonical form (integers as {@code int}, {@code long} or {@code BigInteger}
 * nodes, whichever is smallest; other numbers as {@code double} nodes unless they carry more
 * digits than a {@code double} holds), so that a patch built in Java equals the same patch read
 * back from its text. NaN and infinities are not JSON and are refused.
 */
public final class JsonPatch {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();
  private static final JsonPatch EMPTY = new JsonPatch(List.of());

  /** The operations a patch may contain. */
  public enum Op {
    /** Adds a member or array element, or replaces an existing member. */
    ADD,
    /** Replaces an existing value. */
    REPLACE,
    /** Removes an existing value. */
    REMOVE,
    /** Checks that a value equals the given one; the patch fails if it does not. */
    TEST;

    private final String jsonName = name().toLowerCase(Locale.ROOT);

    /**
     * Returns the name of the operation in JSON Patch text.
     *
     * @return {@code add}, {@code replace}, {@code remove} or {@code test}
     */
    public String jsonName() {
      return jsonName;
    }
  }

  /**
   * One operation of a patch.
   *
   * @param op what to do
   * @param path where, as a JSON pointer (RFC 6901): {@code ""} for the whole document or a
   *     sequence of {@code /token}s with {@code ~} written {@code ~0} and {@code /} written
   *     {@code ~1}; for {@code add}, the last token may be {@code -} (append to an array)
   * @param value the value for {@code add}, {@code replace} and {@code test}; empty for
   *     {@code remove}
   */
  public record Operation(Op op, String path, Optional<JsonNode> value) {
    /**
     * Checks and copies the operation.
     *
     * @param op what to do
     * @param path where, as a JSON pointer
     * @param value the value (deep-copied into canonical form), empty exactly for {@code remove}
     * @throws NullPointerException if an argument is {@code null}
     * @throws IllegalArgumentException if the path is not a JSON pointer, a value is missing for
     *     {@code add}, {@code replace} or {@code test} or given for {@code remove}, or the value
     *     contains something that is not JSON (NaN, infinities, binary data, Java objects)
     */
    public Operation {
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(value, "value");
      if (!JsonPointers.isValid(path)) {
        throw new IllegalArgumentException("invalid path for " + op.jsonName() + ": " + JsonPointers.problem(path));
      }
      if (op == Op.REMOVE) {
        if (value.isPresent()) {
          throw new IllegalArgumentException("remove takes no value, got one for path " + PatchValues.quote(path));
        }
      } else {
        if (value.isEmpty()) {
          throw new IllegalArgumentException(op.jsonName() + " needs a value, got none for path " + PatchValues.quote(path));
        }
        JsonNode given = value.get();
        JsonNode canonical = PatchValues.canonical(given);
        if (canonical == null) {
          PatchValues.Problem p = PatchValues.problem(given).orElseThrow();
          throw new IllegalArgumentException("invalid value for " + op.jsonName() + " " + PatchValues.quote(path)
              + (p.pointer().isEmpty() ? "" : " at " + p.pointer()) + ": " + p.description());
        }
        if (canonical != given) {
          value = Optional.of(canonical);
        }
      }
    }

    /**
     * Returns the value; objects and arrays are returned as fresh deep copies, so changing them
     * does not change the operation.
     *
     * @return the value, empty for {@code remove}
     */
    @Override
    public Optional<JsonNode> value() {
      if (value.isPresent() && value.get().isContainer()) {
        return Optional.of(value.get().deepCopy());
      }
      return value;
    }

    /**
     * Renders the operation as compact JSON, e.g. {@code {"op":"add","path":"/x","value":1}}.
     *
     * @return the JSON text
     */
    @Override
    public String toString() {
      return MAPPER.writeValueAsString(json(this, false));
    }
  }

  /** Builds a patch one operation at a time; each call checks its operation at once. */
  public static final class Builder {
    private final List<Operation> operations = new ArrayList<>(4);

    private Builder() {}

    private Builder op(Op op, String path, JsonNode value) {
      operations.add(new Operation(op, path, Optional.of(value)));
      return this;
    }

    /**
     * Appends an {@code add} of a JSON value (deep-copied).
     *
     * @param path the target; an existing object member is replaced, an array index inserts,
     *     {@code -} appends
     * @param value the value
     * @return this builder
     * @throws IllegalArgumentException if the path is not a JSON pointer or the value is not JSON
     */
    public Builder add(String path, JsonNode value) {
      return op(Op.ADD, path, Objects.requireNonNull(value, "value"));
    }

    /**
     * Appends an {@code add} of a number.
     *
     * @param path the target
     * @param value the value, finite
     * @return this builder
     * @throws IllegalArgumentException if the path is not a JSON pointer or the value is NaN or
     *     infinite
     */
    public Builder add(String path, double value) {
      return op(Op.ADD, path, DoubleNode.valueOf(value));
    }

    /**
     * Appends an {@code add} of an integer.
     *
     * @param path the target
     * @param value the value
     * @return this builder
     * @throws IllegalArgumentException if the path is not a JSON pointer
     */
    public Builder add(String path, long value) {
      return op(Op.ADD, path, integer(value));
    }

    /**
     * Appends an {@code add} of an integer.
     *
     * @param path the target
     * @param value the value
     * @return this builder
     * @throws IllegalArgumentException if the path is not a JSON pointer
     */
    public Builder add(String path, int value) {
      return op(Op.ADD, path, IntNode.valueOf(value));
    }

    /**
     * Appends an {@code add} of a boolean.
     *
     * @param path the target
     * @param value the value
     * @return this builder
     * @throws IllegalArgumentException if the path is not a JSON pointer
     */
    public Builder add(String path, boolean value) {
      return op(Op.ADD, path, BooleanNode.valueOf(value));
    }

    /**
     * Appends an {@code add} of a string.
     *
     * @param path the target
     * @param value the value
     * @return this builder
     * @throws IllegalArgumentException if the path is not a JSON pointer
     */
    public Builder add(String path, String value) {
      return op(Op.ADD, path, StringNode.valueOf(Objects.requireNonNull(value, "value")));
    }

    /**
     * Appends a {@code replace} with a JSON value (deep-copied).
     *
     * @param path the target, which must exist when the patch is applied
     * @param value the value
     * @return this builder
     * @throws IllegalArgumentException if the path is not a JSON pointer or the value is not JSON
     */
    public Builder replace(String path, JsonNode value) {
      return op(Op.REPLACE, path, Objects.requireNonNull(value, "value"));
    }

    /**
     * Appends a {@code replace} with a number.
     *
     * @param path the target
     * @param value the value, finite
     * @return this builder
     * @throws IllegalArgumentException if the path is not a JSON pointer or the value is NaN or
     *     infinite
     */
    public Builder replace(String path, double value) {
      return op(Op.REPLACE, path, DoubleNode.valueOf(value));
    }

    /**
     * Appends a {@code replace} with an integer.
     *
     * @param path the target
     * @param value the value
     * @return this builder
     * @throws IllegalArgumentException if the path is not a JSON pointer
     */
    public Builder replace(String path, long value) {
      return op(Op.REPLACE, path, integer(value));
    }

    /**
     * Appends a {@code replace} with an integer.
     *
     * @param path the target
     * @param value the value
     * @return this builder
     * @throws IllegalArgumentException if the path is not a JSON pointer
     */
    public Builder replace(String path, int value) {
      return op(Op.REPLACE, path, IntNode.valueOf(value));
    }

    /**
     * Appends a {@code replace} with a boolean.
     *
     * @param path the target
     * @param value the value
     * @return this builder
     * @throws IllegalArgumentException if the path is not a JSON pointer
     */
    public Builder replace(String path, boolean value) {
      return op(Op.REPLACE, path, BooleanNode.valueOf(value));
    }

    /**
     * Appends a {@code replace} with a string.
     *
     * @param path the target
     * @param value the value
     * @return this builder
     * @throws IllegalArgumentException if the path is not a JSON pointer
     */
    public Builder replace(String path, String value) {
      return op(Op.REPLACE, path, StringNode.valueOf(Objects.requireNonNull(value, "value")));
    }

    /**
     * Appends a {@code remove}.
     *
     * @param path the target, which must exist when the patch is applied
     * @return this builder
     * @throws IllegalArgumentException if the path is not a JSON pointer
     */
    public Builder remove(String path) {
      operations.add(new Operation(Op.REMOVE, path, Optional.empty()));
      return this;
    }

    /**
     * Appends a {@code test} against a JSON value (deep-copied).
     *
     * @param path the location to check
     * @param value the expected value (numbers compare by value: {@code 1} equals {@code 1.0})
     * @return this builder
     * @throws IllegalArgumentException if the path is not a JSON pointer or the value is not JSON
     */
    public Builder test(String path, JsonNode value) {
      return op(Op.TEST, path, Objects.requireNonNull(value, "value"));
    }

    /**
     * Appends a {@code test} against a number.
     *
     * @param path the location to check
     * @param value the expected value, finite
     * @return this builder
     * @throws IllegalArgumentException if the path is not a JSON pointer or the value is NaN or
     *     infinite
     */
    public Builder test(String path, double value) {
      return op(Op.TEST, path, DoubleNode.valueOf(value));
    }

    /**
     * Appends a {@code test} against an integer.
     *
     * @param path the location to check
     * @param value the expected value
     * @return this builder
     * @throws IllegalArgumentException if the path is not a JSON pointer
     */
    public Builder test(String path, long value) {
      return op(Op.TEST, path, integer(value));
    }

    /**
     * Appends a {@code test} against an integer.
     *
     * @param path the location to check
     * @param value the expected value
     * @return this builder
     * @throws IllegalArgumentException if the path is not a JSON pointer
     */
    public Builder test(String path, int value) {
      return op(Op.TEST, path, IntNode.valueOf(value));
    }

    /**
     * Appends a {@code test} against a boolean.
     *
     * @param path the location to check
     * @param value the expected value
     * @return this builder
     * @throws IllegalArgumentException if the path is not a JSON pointer
     */
    public Builder test(String path, boolean value) {
      return op(Op.TEST, path, BooleanNode.valueOf(value));
    }

    /**
     * Appends a {@code test} against a string.
     *
     * @param path the location to check
     * @param value the expected value
     * @return this builder
     * @throws IllegalArgumentException if the path is not a JSON pointer
     */
    public Builder test(String path, String value) {
      return op(Op.TEST, path, StringNode.valueOf(Objects.requireNonNull(value, "value")));
    }

    /**
     * Returns the patch of the operations appended so far; the builder can go on.
     *
     * @return the patch, possibly empty
     */
    public JsonPatch build() {
      return operations.isEmpty() ? EMPTY : new JsonPatch(List.copyOf(operations));
    }

    private static JsonNode integer(long value) {
      return value == (int) value ? IntNode.valueOf((int) value) : LongNode.valueOf(value);
    }
  }

  private final List<Operation> operations;
  /** Computed on first use; racy but safe, since the set is immutable and its wrapper final. */
  private Set<String> paths;

  private JsonPatch(List<Operation> operations) {
    this.operations = operations;
  }

  /**
   * Starts a patch.
   *
   * @return a new, empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Makes a patch of the given operations, in order.
   *
   * @param operations the operations
   * @return the patch
   * @throws NullPointerException if an operation is {@code null}
   */
  public static JsonPatch of(Operation... operations) {
    return operations.length == 0 ? EMPTY : new JsonPatch(List.of(operations));
  }

  /**
   * Makes a patch of the given operations, in order.
   *
   * @param operations the operations
   * @return the patch
   * @throws NullPointerException if an operation is {@code null}
   */
  public static JsonPatch of(List<Operation> operations) {
    return operations.isEmpty() ? EMPTY : new JsonPatch(List.copyOf(operations));
  }

  /**
   * Reads a patch from its JSON text, {@code [{"op":"add","path":"/x","value":1}, ...]}.
   *
   * <p>Members an operation does not use (such as {@code value} in a {@code remove}) are ignored,
   * as RFC 6902 requires; duplicate member names are an error.
   *
   * @param json the JSON text
   * @return the patch
   * @throws PatchException if the text is not JSON or not a valid patch; the exception names the
   *     operation index and the JSON pointer of the bad member, e.g. {@code /2/op}
   */
  public static JsonPatch parse(String json) {
    Objects.requireNonNull(json, "json");
    JsonNode tree;
    try {
      tree = MAPPER.readTree(json);
    } catch (JacksonException e) {
      TokenStreamLocation at = e.getLocation();
      String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
      throw new PatchException(Kind.MALFORMED, OptionalInt.empty(), "", Optional.empty(),
          "not valid JSON" + where + ": " + e.getOriginalMessage());
    }
    if (tree == null || tree.isMissingNode()) {
      throw new PatchException(Kind.MALFORMED, OptionalInt.empty(), "", Optional.empty(),
          "the text is empty; a JSON Patch is an array such as [{\"op\":\"add\",\"path\":\"/x\",\"value\":1}]");
    }
    return fromJson(tree);
  }

  /**
   * Reads a patch from a JSON array of operation objects.
   *
   * @param array the patch document
   * @return the patch (the document is copied; later changes to it do not matter)
   * @throws PatchException if the document is not a valid patch; the exception names the
   *     operation index and the JSON pointer of the bad member, e.g. {@code /2/op}
   */
  public static JsonPatch fromJson(JsonNode array) {
    Objects.requireNonNull(array, "array");
    if (!array.isArray()) {
      throw new PatchException(Kind.MALFORMED, OptionalInt.empty(), "", Optional.empty(),
          "a JSON Patch must be an array of operations, got " + PatchValues.typeName(array));
    }
    int n = array.size();
    if (n == 0) {
      return EMPTY;
    }
    Operation[] ops = new Operation[n];
    for (int i = 0; i < n; i++) {
      ops[i] = operation(array.get(i), i);
    }
    return new JsonPatch(List.of(ops));
  }

  private static Operation operation(JsonNode element, int i) {
    String at = "/" + i;
    OptionalInt index = OptionalInt.of(i);
    if (!element.isObject()) {
      throw new PatchException(Kind.MALFORMED, index, at, Optional.empty(),
          "an operation must be an object with \"op\" and \"path\", got " + PatchValues.typeName(element));
    }
    JsonNode pathNode = element.get("path");
    Optional<String> pathText = pathNode != null && pathNode.isString()
        ? Optional.of(pathNode.stringValue()) : Optional.empty();
    JsonNode opNode = element.get("op");
    if (opNode == null) {
      throw new PatchException(Kind.MALFORMED, index, at + "/op", pathText,
          "the member \"op\" is missing; expected one of add, replace, remove, test");
    }
    if (!opNode.isString()) {
      throw new PatchException(Kind.MALFORMED, index, at + "/op", pathText,
          "\"op\" must be a string, got " + PatchValues.typeName(opNode));
    }
    Op op = op(opNode.stringValue(), index, at + "/op", pathText);
    if (pathNode == null) {
      throw new PatchException(Kind.MALFORMED, index, at + "/path", pathText,
          "the member \"path\" is missing; " + op.jsonName() + " needs a JSON pointer such as \"/temperature\"");
    }
    if (pathText.isEmpty()) {
      throw new PatchException(Kind.MALFORMED, index, at + "/path", pathText,
          "\"path\" must be a string, got " + PatchValues.typeName(pathNode));
    }
    String path = pathText.get();
    if (!JsonPointers.isValid(path)) {
      throw new PatchException(Kind.MALFORMED, index, at + "/path", pathText, JsonPointers.problem(path));
    }
    if (op == Op.REMOVE) {
      return new Operation(op, path, Optional.empty());
    }
    JsonNode value = element.get("value");
    if (value == null) {
      throw new PatchException(Kind.MALFORMED, index, at + "/value", pathText,
          "the member \"value\" is missing; " + op.jsonName() + " needs a value");
    }
    JsonNode canonical = PatchValues.canonical(value);
    if (canonical == null) {
      PatchValues.Problem p = PatchValues.problem(value).orElseThrow();
      throw new PatchException(Kind.MALFORMED, index, at + "/value" + p.pointer(), pathText, p.description());
    }
    return new Operation(op, path, Optional.of(canonical));
  }

  private static Op op(String name, OptionalInt index, String at, Optional<String> path) {
    switch (name) {
      case "add":
        return Op.ADD;
      case "replace":
        return Op.REPLACE;
      case "remove":
        return Op.REMOVE;
      case "test":
        return Op.TEST;
      case "move":
      case "copy":
        throw new PatchException(Kind.UNSUPPORTED_OPERATION, index, at, path, "\"" + name
            + "\" is not supported: Azure Digital Twins accepts only add, replace and remove (Twins also"
            + " accepts test); write the " + name + " as " + ("move".equals(name) ? "a remove and an add" : "an add"));
      default:
        throw new PatchException(Kind.MALFORMED, index, at, path, "unknown op " + PatchValues.quote(name)
            + "; expected one of add, replace, remove, test");
    }
  }

  /**
   * Returns the operations, in the order they apply.
   *
   * @return an unmodifiable list
   */
  public List<Operation> operations() {
    return operations;
  }

  /**
   * Returns the paths the operations name, test included, in order of first appearance.
   *
   * @return an unmodifiable set of JSON pointers
   */
  public Set<String> paths() {
    Set<String> result = paths;
    if (result == null) {
      if (operations.size() == 1) {
        result = Set.of(operations.get(0).path());
      } else {
        Set<String> set = new LinkedHashSet<>();
        for (Operation op : operations) {
          set.add(op.path());
        }
        result = Collections.unmodifiableSet(set);
      }
      paths = result;
    }
    return result;
  }

  /**
   * Returns the patch document, a fresh array that the caller may change.
   *
   * @return {@code [{"op":...,"path":...,"value":...}, ...]}
   */
  public ArrayNode toJson() {
    return json(true);
  }

  private ArrayNode json(boolean copy) {
    ArrayNode array = new ArrayNode(NODES, operations.size());
    for (Operation op : operations) {
      array.add(json(op, copy));
    }
    return array;
  }

  private static ObjectNode json(Operation op, boolean copy) {
    ObjectNode o = new ObjectNode(NODES);
    o.put("op", op.op().jsonName());
    o.put("path", op.path());
    if (op.value.isPresent()) {
      o.set("value", copy ? op.value.get().deepCopy() : op.value.get());
    }
    return o;
  }

  /**
   * Compares operation by operation.
   *
   * @param other another object
   * @return whether it is a patch with equal operations in the same order
   */
  @Override
  public boolean equals(Object other) {
    return other == this || (other instanceof JsonPatch && ((JsonPatch) other).operations.equals(operations));
  }

  @Override
  public int hashCode() {
    return operations.hashCode();
  }

  /**
   * Renders the patch as compact JSON Patch text, which {@link #parse} reads back to an equal
   * patch.
   *
   * @return the JSON text
   */
  @Override
  public String toString() {
    return MAPPER.writeValueAsString(json(false));
  }
}
