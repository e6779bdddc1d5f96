package dev.twins.core.internal.graph;

import dev.twins.core.graph.GraphException;
import dev.twins.core.graph.GraphException.Problem;
import dev.twins.core.model.Component;
import dev.twins.core.model.Content;
import dev.twins.core.model.Interface;
import dev.twins.core.model.Property;
import dev.twins.core.model.Relationship;
import dev.twins.core.model.ValueError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Checks twin and relationship documents against their models with the model layer's instance validation. */
final class TwinValidator {
  private TwinValidator() {}

  /**
   * Checks every member of a twin document.
   *
   * @param requireComponents whether every Component of the model must be present (as Azure Digital
   *     Twins requires on create, and after every update)
   */
  static List<Problem> whole(Interface model, ObjectNode doc, boolean requireComponents) {
    List<Problem> problems = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = doc.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      member(model, e.getKey(), e.getValue(), problems);
    }
    if (requireComponents) missingComponents(model, doc, problems);
    return problems;
  }

  /** Checks the named members of a twin document (those a patch touched). */
  static List<Problem> members(Interface model, ObjectNode doc, Collection<String> names) {
    List<Problem> problems = new ArrayList<>();
    for (String name : names) {
      JsonNode v = doc.get(name);
      if (v != null) {
        member(model, name, v, problems);
      } else if (model.contents().get(name) instanceof Component) {
        problems.add(new Problem("/" + name, "component " + name, "nothing",
            "component '" + name + "' cannot be removed; a twin always has its components"));
      }
    }
    return problems;
  }

  static void missingComponents(Interface model, ObjectNode doc, List<Problem> problems) {
    for (Component c : model.components()) {
      if (!doc.has(c.name())) {
        problems.add(new Problem("/" + c.name(), "component " + c.schema().id(), "nothing",
            "component '" + c.name() + "' must be initialised, at least as {\"$metadata\": {}}"));
      }
    }
  }

  private static void member(Interface model, String name, JsonNode value, List<Problem> problems) {
    Content c = model.contents().get(name);
    String path = "/" + JsonPointers.escape(name);
    if (c instanceof Property) {
      value(path, ((Property) c).schema(), value, problems);
    } else if (c instanceof Component) {
      Interface ci = ((Component) c).schema();
      if (!value.isObject()) {
        problems.add(new Problem(path, "component " + ci.id(), describe(value), "component '" + name
            + "' must be a JSON object of its properties"));
        return;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = value.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        Content cc = ci.contents().get(e.getKey());
        String cpath = path + "/" + JsonPointers.escape(e.getKey());
        if (cc instanceof Property) {
          value(cpath, ((Property) cc).schema(), e.getValue(), problems);
        } else {
          problems.add(notAProperty(cpath, e.getKey(), ci, cc, e.getValue()));
        }
      }
    } else {
      problems.add(notAProperty(path, name, model, c, value));
    }
  }

  private static Problem notAProperty(String path, String name, Interface model, Content c, JsonNode value) {
    String what = c == null ? "is not declared by " + model.id()
        : "is a " + c.getClass().getSimpleName() + " of " + model.id() + ", not a Property";
    return new Problem(path, "a Property of " + model.id(), describe(value), "'" + name + "' " + what);
  }

  private static void value(String path, dev.twins.core.model.Schema schema, JsonNode value, List<Problem> problems) {
    List<ValueError> errors = schema.validate(value);
    for (ValueError ve : errors) {
      JsonNode at = ve.pointer().isEmpty() ? value : value.at(ve.pointer());
      problems.add(new Problem(path + ve.pointer(), ve.expected(), describe(at), ve.message()));
    }
  }

  /** Checks a relationship's properties against its Relationship. */
  static List<Problem> relationProperties(Relationship rel, ObjectNode props) {
    List<Problem> problems = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = props.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String path = "/" + JsonPointers.escape(e.getKey());
      Property p = rel.property(e.getKey()).orElse(null);
      if (p == null) {
        problems.add(new Problem(path, "a property of Relationship " + rel.name(), describe(e.getValue()),
            "'" + e.getKey() + "' is not a property of Relationship '" + rel.name() + "'"));
      } else {
        value(path, p.schema(), e.getValue(), problems);
      }
    }
    return problems;
  }

  static GraphException failure(String id, String what, List<Problem> problems) {
    StringBuilder sb = new StringBuilder(what).append(" does not fit its model: ");
    for (int i = 0; i < Math.min(3, problems.size()); i++) {
      if (i > 0) sb.append("; ");
      Problem p = problems.get(i);
      sb.append(p.path()).append(": ").append(p.message()).append(" (expected ").append(p.expected())
          .append(", given ").append(p.given()).append(')');
    }
    if (problems.size() > 3) sb.append("; and ").append(problems.size() - 3).append(" more");
    return new GraphException(GraphException.Code.VALIDATION_FAILED, id, sb.toString(), problems);
  }

  static String describe(JsonNode v) {
    if (v == null || v.isMissingNode()) return "nothing";
    return dev.twins.core.internal.JsonValues.abbreviate(v);
  }
}
