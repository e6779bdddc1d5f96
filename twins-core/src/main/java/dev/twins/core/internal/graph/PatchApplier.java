package dev.twins.core.internal.graph;

import dev.twins.core.graph.JsonPatch;
import dev.twins.core.graph.JsonPatch.Op;
import dev.twins.core.graph.JsonPatch.Operation;
import dev.twins.core.graph.PatchException;
import dev.twins.core.graph.PatchException.Kind;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Applies a {@link JsonPatch} to a JSON document, with exactly the semantics of RFC 6902 for
 * {@code add}, {@code replace}, {@code remove} and {@code test}.
 *
 * <p>The input is never changed. The result is built copy-on-write: only the objects and arrays
 * along each changed path are copied, every other subtree is shared between input and result.
 * That is safe because the documents the twin graph holds are never mutated after they are
 * stored; callers that want to change a result in place must {@code deepCopy()} it first.
 *
 * <p>Applying is atomic: if an operation fails, a {@link PatchException} names its index, its path
 * and why, and no result exists (the input is untouched either way).
 *
 * <p>The path of an operation is walked token by token straight from its string, so a one-token
 * path such as {@code /temperature} costs one substring and no list.
 */
public final class PatchApplier {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private PatchApplier() {}

  /**
   * Applies a patch.
   *
   * @param document the document, which is not changed
   * @param patch the patch
   * @return a new document with every operation applied in order
   * @throws PatchException if an operation cannot be applied: {@code replace}, {@code remove} or
   *     {@code test} of a location that does not exist, {@code add} below a missing parent, an
   *     array index out of range, a failed {@code test}, or removing the whole document or
   *     replacing it with something that is not an object
   */
  public static ObjectNode apply(ObjectNode document, JsonPatch patch) {
    Objects.requireNonNull(document, "document");
    List<Operation> ops = patch.operations();
    int n = ops.size();
    ObjectNode root = copy(document);
    if (n == 1) {
      return apply(root, ops.get(0), 0, null);
    }
    Set<JsonNode> fresh = Collections.newSetFromMap(new IdentityHashMap<>());
    fresh.add(root);
    for (int i = 0; i < n; i++) {
      root = apply(root, ops.get(i), i, fresh);
    }
    return root;
  }

  /**
   * Returns the paths that a patch changes: those of its {@code add}, {@code replace} and
   * {@code remove} operations, in order of first appearance ({@code test} changes nothing).
   *
   * @param patch the patch
   * @return an unmodifiable set of JSON pointers
   */
  public static Set<String> changedPaths(JsonPatch patch) {
    List<Operation> ops = patch.operations();
    if (ops.size() == 1) {
      Operation op = ops.get(0);
      return op.op() == Op.TEST ? Set.of() : Set.of(op.path());
    }
    Set<String> paths = new LinkedHashSet<>();
    for (Operation op : ops) {
      if (op.op() != Op.TEST) {
        paths.add(op.path());
      }
    }
    return Collections.unmodifiableSet(paths);
  }

  /**
   * Applies one operation to a root that belongs to this application ({@code fresh} holds the
   * containers copied so far, {@code null} when the patch has a single operation and nothing
   * needs tracking).
   */
  private static ObjectNode apply(ObjectNode root, Operation op, int index, Set<JsonNode> fresh) {
    String path = op.path();
    Op kind = op.op();
    if (path.isEmpty()) {
      return applyToRoot(root, op, index, fresh);
    }
    boolean write = kind != Op.TEST;
    JsonNode parent = root;
    int start = 1;
    int end;
    while ((end = path.indexOf('/', start)) >= 0) {
      String token = JsonPointers.token(path, start, end);
      JsonNode child;
      if (parent.isObject()) {
        child = parent.get(token);
        if (child == null) {
          throw missing(op, index, path, end, objectAt(path, start - 1) + " has no member "
              + PatchValues.quote(token));
        }
        if (write && !child.isValueNode() && (fresh == null || !fresh.contains(child))) {
          child = copy(child);
          ((ObjectNode) parent).set(token, child);
          if (fresh != null) {
            fresh.add(child);
          }
        }
      } else {
        int i = JsonPointers.arrayIndex(token);
        if (i < 0 || i >= parent.size()) {
          throw badIndex(op, index, path, token, start - 1, parent.size(), false);
        }
        child = parent.get(i);
        if (write && !child.isValueNode() && (fresh == null || !fresh.contains(child))) {
          child = copy(child);
          ((ArrayNode) parent).set(i, child);
          if (fresh != null) {
            fresh.add(child);
          }
        }
      }
      if (!child.isContainer()) {
        throw missing(op, index, path, end, "the value at " + show(path, end) + " is "
            + PatchValues.typeName(child) + ", not an object or array");
      }
      parent = child;
      start = end + 1;
    }
    String last = JsonPointers.token(path, start, path.length());
    if (parent.isObject()) {
      applyToObject((ObjectNode) parent, last, op, index, start - 1, fresh);
    } else {
      applyToArray((ArrayNode) parent, last, op, index, start - 1, fresh);
    }
    return root;
  }

  private static void applyToObject(ObjectNode parent, String key, Operation op, int index, int parentEnd,
      Set<JsonNode> fresh) {
    switch (op.op()) {
      case ADD:
        parent.set(key, value(op, fresh));
        return;
      case REPLACE:
        if (parent.replace(key, value(op, fresh)) == null) {
          parent.remove(key);
          throw notFound(op, index, objectAt(op.path(), parentEnd) + " has no member "
              + PatchValues.quote(key) + " to replace (use add to create it)");
        }
        return;
      case REMOVE:
        if (parent.remove(key) == null) {
          throw notFound(op, index, objectAt(op.path(), parentEnd) + " has no member "
              + PatchValues.quote(key) + " to remove");
        }
        return;
      default: {
        JsonNode actual = parent.get(key);
        if (actual == null) {
          throw notFound(op, index, objectAt(op.path(), parentEnd) + " has no member "
              + PatchValues.quote(key) + " to test");
        }
        test(op, index, actual);
      }
    }
  }

  private static void applyToArray(ArrayNode parent, String token, Operation op, int index, int parentEnd,
      Set<JsonNode> fresh) {
    int size = parent.size();
    if (op.op() == Op.ADD) {
      if (token.equals("-")) {
        parent.add(value(op, fresh));
        return;
      }
      int i = JsonPointers.arrayIndex(token);
      if (i < 0 || i > size) {
        throw badIndex(op, index, op.path(), token, parentEnd, size, true);
      }
      parent.insert(i, value(op, fresh));
      return;
    }
    int i = JsonPointers.arrayIndex(token);
    if (i < 0 || i >= size) {
      throw badIndex(op, index, op.path(), token, parentEnd, size, false);
    }
    switch (op.op()) {
      case REPLACE:
        parent.set(i, value(op, fresh));
        return;
      case REMOVE:
        parent.remove(i);
        return;
      default:
        test(op, index, parent.get(i));
    }
  }

  private static ObjectNode applyToRoot(ObjectNode root, Operation op, int index, Set<JsonNode> fresh) {
    switch (op.op()) {
      case REMOVE:
        throw new PatchException(Kind.INVALID_ROOT, OptionalInt.of(index), "/" + index + "/path",
            Optional.of(""), "remove cannot remove the whole document; a twin is always an object");
      case TEST:
        test(op, index, root);
        return root;
      default: {
        JsonNode value = value(op, fresh);
        if (!value.isObject()) {
          throw new PatchException(Kind.INVALID_ROOT, OptionalInt.of(index), "/" + index + "/value",
              Optional.of(""), op.op().jsonName() + " of the whole document needs an object, got "
              + PatchValues.typeName(value));
        }
        return (ObjectNode) value;
      }
    }
  }

  private static void test(Operation op, int index, JsonNode actual) {
    JsonNode expected = op.value().orElseThrow();
    if (!PatchValues.jsonEquals(expected, actual)) {
      throw new PatchException(Kind.TEST_FAILED, OptionalInt.of(index), "/" + index + "/value",
          Optional.of(op.path()), "test failed: expected " + PatchValues.abbreviate(expected) + " but found "
          + PatchValues.abbreviate(actual));
    }
  }

  /** The operation's value, ready to be inserted: containers come as fresh copies. */
  private static JsonNode value(Operation op, Set<JsonNode> fresh) {
    JsonNode v = op.value().orElseThrow();
    if (fresh != null && v.isContainer()) {
      fresh.add(v);
    }
    return v;
  }

  private static ObjectNode copy(ObjectNode node) {
    return new ObjectNode(NODES).setAll(node);
  }

  private static JsonNode copy(JsonNode container) {
    if (container.isObject()) {
      return copy((ObjectNode) container);
    }
    ArrayNode copy = new ArrayNode(NODES, container.size() + 1);
    for (JsonNode element : container.values()) {
      copy.add(element);
    }
    return copy;
  }

  private static String show(String path, int end) {
    return "\"" + path.substring(0, end) + "\"";
  }

  private static String objectAt(String path, int end) {
    return end == 0 ? "the document" : "the object at " + show(path, end);
  }

  private static PatchException missing(Operation op, int index, String path, int end, String why) {
    Kind kind = op.op() == Op.ADD ? Kind.PARENT_NOT_FOUND : Kind.PATH_NOT_FOUND;
    String what = op.op() == Op.ADD ? "parent not found" : "path not found";
    return new PatchException(kind, OptionalInt.of(index), "/" + index + "/path", Optional.of(path),
        op.op().jsonName() + ": " + what + ": " + why);
  }

  private static PatchException notFound(Operation op, int index, String why) {
    return new PatchException(Kind.PATH_NOT_FOUND, OptionalInt.of(index), "/" + index + "/path",
        Optional.of(op.path()), op.op().jsonName() + ": path not found: " + why);
  }

  private static PatchException badIndex(Operation op, int index, String path, String token, int arrayEnd,
      int size, boolean forAdd) {
    String range = forAdd ? "0 to " + size + " or \"-\"" : size == 0 ? "none, it is empty" : "0 to " + (size - 1);
    String why;
    if (token.equals("-")) {
      why = "\"-\" (the end of the array at " + show(path, arrayEnd) + ") names no element; only add accepts it"
          + " as the last token";
    } else if (JsonPointers.arrayIndex(token) < 0) {
      why = PatchValues.quote(token) + " is not an array index (digits without leading zeros) for the array at "
          + show(path, arrayEnd) + "; valid indexes are " + range;
    } else {
      why = "index " + token + " is out of range for the array at " + show(path, arrayEnd) + " of size " + size
          + "; valid indexes are " + range;
    }
    return new PatchException(Kind.INDEX_OUT_OF_RANGE, OptionalInt.of(index), "/" + index + "/path",
        Optional.of(path), op.op().jsonName() + ": " + why);
  }
}
