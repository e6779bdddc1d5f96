package dev.twins.core.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.twins.core.graph.JsonPatch;
import dev.twins.core.graph.JsonPatch.Op;
import dev.twins.core.graph.JsonPatch.Operation;
import dev.twins.core.graph.PatchException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.DoubleNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The copy-on-write applier against a plain reference implementation that deep-copies the document
 * and mutates it, written from RFC 6902 without sharing code with the applier.
 */
class PatchApplierProperties {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * One random choice, turned into an operation that fits the document as it is at that point:
   * {@code kind} picks the op, {@code where} the location, {@code key} the new key or index.
   */
  record Step(int kind, int where, int key, JsonNode value) {}

  /** A step that may or may not fit: any op on a random pointer. */
  record WildStep(Op op, String path, JsonNode value) {}

  @Property(tries = 1000)
  void applyingEqualsTheReferenceImplementation(
      @ForAll("documents") ObjectNode document, @ForAll("steps") List<Step> steps) {
    ObjectNode reference = document.deepCopy();
    List<Operation> operations = new ArrayList<>();
    for (Step step : steps) {
      Operation op = fitting(reference, step);
      operations.add(op);
      reference = Reference.apply(reference, op);
    }
    JsonPatch patch = JsonPatch.of(operations);

    ObjectNode result = PatchApplier.apply(document, patch);

    assertThat(result).as("%s applied to %s", patch, document).isEqualTo(reference);
  }

  @Property(tries = 1000)
  void theInputIsUnchangedAndFailuresMatchTheReference(
      @ForAll("documents") ObjectNode document, @ForAll("steps") List<Step> steps,
      @ForAll("wildSteps") List<WildStep> wild) {
    ObjectNode before = document.deepCopy();
    ObjectNode reference = document.deepCopy();
    List<Operation> operations = new ArrayList<>();
    Iterator<WildStep> wildOnes = wild.iterator();
    int failsAt = -1;
    for (Step step : steps) {
      Operation op;
      if (step.kind() % 4 == 0 && wildOnes.hasNext()) {
        WildStep w = wildOnes.next();
        op = new Operation(w.op(), w.path(), w.op() == Op.REMOVE ? Optional.empty() : Optional.of(w.value()));
      } else {
        op = fitting(reference, step);
      }
      operations.add(op);
      if (failsAt < 0) {
        try {
          reference = Reference.apply(reference, op);
        } catch (Reference.Failure e) {
          failsAt = operations.size() - 1;
        }
      }
    }
    JsonPatch patch = JsonPatch.of(operations);
    Statistics.label("outcome").collect(failsAt < 0 ? "applies" : "fails");
    Statistics.label("outcome").coverage(c -> {
      c.check("fails").percentage(p -> p > 15);
      c.check("applies").percentage(p -> p > 15);
    });

    if (failsAt < 0) {
      assertThat(PatchApplier.apply(document, patch)).isEqualTo(reference);
    } else {
      int expected = failsAt;
      assertThatThrownBy(() -> PatchApplier.apply(document, patch))
          .as("%s applied to %s", patch, before)
          .isInstanceOfSatisfying(PatchException.class, e -> {
            assertThat(e.operationIndex()).hasValue(expected);
            assertThat(e.path()).contains(operations.get(expected).path());
          });
    }
    assertThat(document).as("input after applying %s", patch).isEqualTo(before);
  }

  @Provide
  Arbitrary<ObjectNode> documents() {
    return RandomJson.documents(3);
  }

  @Provide
  Arbitrary<List<Step>> steps() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 99),
            Arbitraries.integers().between(0, 10_000),
            Arbitraries.integers().between(0, 10_000),
            RandomJson.values(2))
        .as(Step::new)
        .list().ofMaxSize(8);
  }

  @Provide
  Arbitrary<List<WildStep>> wildSteps() {
    return Combinators.combine(Arbitraries.of(Op.class), RandomJson.pointers(), RandomJson.values(1))
        .as(WildStep::new)
        .list().ofMaxSize(4);
  }

  // ---------------------------------------------------------------- steps to operations

  /** Turns a step into an operation that succeeds on the document. */
  private static Operation fitting(ObjectNode document, Step step) {
    List<String> all = new ArrayList<>();
    List<String> containers = new ArrayList<>();
    locations(document, "", all, containers);
    int kind = step.kind() % 10;
    if (kind >= 4 && kind <= 7 && all.size() > 1) {
      String path = all.get(1 + step.where() % (all.size() - 1));
      return kind <= 5
          ? new Operation(Op.REPLACE, path, Optional.of(step.value()))
          : new Operation(Op.REMOVE, path, Optional.empty());
    }
    if (kind == 8) {
      String path = all.get(step.where() % all.size());
      JsonNode actual = Reference.at(document, path).deepCopy();
      if (actual.isInt() && step.key() % 2 == 0) {
        actual = DoubleNode.valueOf(actual.intValue());
      }
      return new Operation(Op.TEST, path, Optional.of(actual));
    }
    if (kind == 9) {
      ObjectNode value = step.value().isObject() ? (ObjectNode) step.value() : NODES.objectNode().set("v", step.value());
      return new Operation(step.key() % 2 == 0 ? Op.REPLACE : Op.ADD, "", Optional.of(value));
    }
    String parent = containers.get(step.where() % containers.size());
    JsonNode container = Reference.at(document, parent);
    String token;
    if (container.isObject()) {
      token = JsonPointers.escape(RandomJson.KEYS.get(step.key() % RandomJson.KEYS.size()));
    } else {
      int i = step.key() % (container.size() + 2);
      token = i == container.size() + 1 ? "-" : Integer.toString(i);
    }
    return new Operation(Op.ADD, parent + "/" + token, Optional.of(step.value()));
  }

  private static void locations(JsonNode node, String at, List<String> all, List<String> containers) {
    all.add(at);
    if (node.isObject()) {
      containers.add(at);
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        locations(e.getValue(), at + "/" + e.getKey().replace("~", "~0").replace("/", "~1"), all, containers);
      }
    } else if (node.isArray()) {
      containers.add(at);
      for (int i = 0; i < node.size(); i++) {
        locations(node.get(i), at + "/" + i, all, containers);
      }
    }
  }

  // ---------------------------------------------------------------- the reference

  /** RFC 6902 the obvious way: mutate a private deep copy in place. */
  static final class Reference {
    static final class Failure extends RuntimeException {
      private static final long serialVersionUID = 1L;

      Failure(String message) {
        super(message, null, false, false);
      }
    }

    /** Applies one operation to {@code document}, which it may mutate; returns the new root. */
    static ObjectNode apply(ObjectNode document, Operation op) {
      List<String> tokens = tokens(op.path());
      JsonNode value = op.value().map(JsonNode::deepCopy).orElse(null);
      if (tokens.isEmpty()) {
        switch (op.op()) {
          case REMOVE:
            throw new Failure("remove root");
          case TEST:
            if (!same(document, value)) {
              throw new Failure("test");
            }
            return document;
          default:
            if (!value.isObject()) {
              throw new Failure("root not object");
            }
            return (ObjectNode) value;
        }
      }
      JsonNode parent = document;
      for (String token : tokens.subList(0, tokens.size() - 1)) {
        parent = child(parent, token);
        if (parent == null || !(parent.isObject() || parent.isArray())) {
          throw new Failure("no parent");
        }
      }
      String last = tokens.get(tokens.size() - 1);
      if (parent.isObject()) {
        ObjectNode object = (ObjectNode) parent;
        boolean exists = object.has(last);
        switch (op.op()) {
          case ADD:
            object.set(last, value);
            break;
          case REPLACE:
            if (!exists) {
              throw new Failure("replace missing");
            }
            object.set(last, value);
            break;
          case REMOVE:
            if (!exists) {
              throw new Failure("remove missing");
            }
            object.remove(last);
            break;
          default:
            if (!exists || !same(object.get(last), value)) {
              throw new Failure("test");
            }
        }
      } else {
        ArrayNode array = (ArrayNode) parent;
        if (op.op() == Op.ADD && last.equals("-")) {
          array.add(value);
          return document;
        }
        if (!last.matches("0|[1-9][0-9]{0,8}")) {
          throw new Failure("bad index");
        }
        int i = Integer.parseInt(last);
        int limit = op.op() == Op.ADD ? array.size() : array.size() - 1;
        if (i > limit) {
          throw new Failure("index out of range");
        }
        switch (op.op()) {
          case ADD:
            array.insert(i, value);
            break;
          case REPLACE:
            array.set(i, value);
            break;
          case REMOVE:
            array.remove(i);
            break;
          default:
            if (!same(array.get(i), value)) {
              throw new Failure("test");
            }
        }
      }
      return document;
    }

    static JsonNode at(JsonNode document, String pointer) {
      JsonNode node = document;
      for (String token : tokens(pointer)) {
        node = child(node, token);
      }
      return node;
    }

    private static JsonNode child(JsonNode parent, String token) {
      if (parent.isObject()) {
        return parent.get(token);
      }
      if (parent.isArray() && token.matches("0|[1-9][0-9]{0,8}")) {
        int i = Integer.parseInt(token);
        return i < parent.size() ? parent.get(i) : null;
      }
      return null;
    }

    private static List<String> tokens(String pointer) {
      List<String> tokens = new ArrayList<>();
      if (pointer.isEmpty()) {
        return tokens;
      }
      for (String raw : pointer.substring(1).split("/", -1)) {
        tokens.add(raw.replace("~1", "/").replace("~0", "~"));
      }
      return tokens;
    }

    private static boolean same(JsonNode a, JsonNode b) {
      if (a.isNumber() && b.isNumber()) {
        return new BigDecimal(a.asString()).compareTo(new BigDecimal(b.asString())) == 0;
      }
      if (a.isObject() && b.isObject()) {
        return allSame(a, b);
      }
      if (a.isArray() && b.isArray()) {
        if (a.size() != b.size()) {
          return false;
        }
        for (int i = 0; i < a.size(); i++) {
          if (!same(a.get(i), b.get(i))) {
            return false;
          }
        }
        return true;
      }
      return a.equals(b);
    }

    private static boolean allSame(JsonNode a, JsonNode b) {
      if (a.size() != b.size()) {
        return false;
      }
      for (Map.Entry<String, JsonNode> e : a.properties()) {
        JsonNode other = b.get(e.getKey());
        if (other == null || !same(e.getValue(), other)) {
          return false;
        }
      }
      return true;
    }
  }
}
