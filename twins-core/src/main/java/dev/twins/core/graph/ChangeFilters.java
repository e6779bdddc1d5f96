package dev.twins.core.graph;

import dev.twins.core.model.Dtmi;
import dev.twins.core.model.Models;
import java.util.Objects;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * Filters for {@link Twins#subscribe}: on the kind of change, the model, and values inside the
 * patch of an update ("an update that sets {@code /temperature} above 30 on a twin of model X").
 * Combine them with {@link Predicate#and} and {@link Predicate#or}.
 */
public final class ChangeFilters {
  private ChangeFilters() {}

  /** @return a filter that accepts every event */
  public static Predicate<ChangeEvent> all() {
    return e -> true;
  }

  /**
   * Accepts events of one kind.
   *
   * @param kind e.g. {@code ChangeEvent.TwinUpdated.class}
   * @return the filter
   */
  public static Predicate<ChangeEvent> ofKind(Class<? extends ChangeEvent> kind) {
    Objects.requireNonNull(kind, "kind");
    return kind::isInstance;
  }

  /**
   * Accepts twin events whose twin is of a model or extends it.
   *
   * @param models the model set (for inheritance)
   * @param model an Interface DTMI
   * @return the filter
   */
  public static Predicate<ChangeEvent> ofModel(Models models, String model) {
    Dtmi base = Dtmi.of(model);
    return e -> {
      Twin t = twinOf(e);
      return t != null && models.isOfModel(t.model(), base);
    };
  }

  /**
   * Accepts twin updates whose patch adds or replaces {@code path} (or an object that holds it,
   * such as a whole component) with a value the test accepts.
   *
   * @param path a JSON pointer, e.g. {@code /temperature}
   * @param test the test of the new value, e.g. {@code v -> v.asDouble() > 30}
   * @return the filter
   */
  public static Predicate<ChangeEvent> patchSets(String path, Predicate<JsonNode> test) {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(test, "test");
    return e -> {
      if (!(e instanceof ChangeEvent.TwinUpdated)) return false;
      for (JsonPatch.Operation op : ((ChangeEvent.TwinUpdated) e).patch().operations()) {
        if ((op.op() != JsonPatch.Op.ADD && op.op() != JsonPatch.Op.REPLACE) || op.value().isEmpty()) continue;
        String p = op.path();
        JsonNode v = null;
        if (p.equals(path)) {
          v = op.value().get();
        } else if (path.startsWith(p + "/") || (p.isEmpty() && !path.isEmpty())) {
          // the operation wrote an object that holds the path, e.g. a whole component
          v = op.value().get().at(path.substring(p.length()));
        }
        if (v != null && !v.isMissingNode() && test.test(v)) return true;
      }
      return false;
    };
  }

  /**
   * Accepts events about one twin (as source, for relationships).
   *
   * @param twinId the twin id
   * @return the filter
   */
  public static Predicate<ChangeEvent> twin(String twinId) {
    Objects.requireNonNull(twinId, "twinId");
    return e -> e.twinId().equals(twinId);
  }

  private static Twin twinOf(ChangeEvent e) {
    if (e instanceof ChangeEvent.TwinCreated) return ((ChangeEvent.TwinCreated) e).twin();
    if (e instanceof ChangeEvent.TwinUpdated) return ((ChangeEvent.TwinUpdated) e).twin();
    if (e instanceof ChangeEvent.TwinDeleted) return ((ChangeEvent.TwinDeleted) e).twin();
    return null;
  }
}
