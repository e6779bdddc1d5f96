package dev.twins.core.internal.dtdl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** A JSON value of a model text with its location: line, JSON pointer and character span. */
final class Node {
  enum Kind { OBJECT, ARRAY, STRING, NUMBER, BOOLEAN, NULL }

  final Kind kind;
  final int line;
  private final Node parent;
  /** The key in the parent object (a String) or the index in the parent array (an Integer); null for the root. */
  private final Object step;
  private String pointer;
  final long start;
  long end;
  Map<String, Node> fields = Map.of();
  List<Node> items = List.of();
  String text;
  Number number;
  boolean bool;

  Node(Kind kind, int line, Node parent, Object step, long start) {
    this.kind = kind;
    this.line = line;
    this.parent = parent;
    this.step = step;
    this.start = start;
  }

  /** The RFC 6901 JSON pointer of this value in its document, made on first use. */
  String pointer() {
    if (pointer == null) {
      if (parent == null) pointer = "";
      else if (step instanceof String) pointer = child(parent.pointer(), (String) step);
      else pointer = parent.pointer() + "/" + step;
    }
    return pointer;
  }

  boolean isObject() {
    return kind == Kind.OBJECT;
  }

  boolean isArray() {
    return kind == Kind.ARRAY;
  }

  boolean isString() {
    return kind == Kind.STRING;
  }

  Node get(String name) {
    return fields.get(name);
  }

  /** A JSON pointer for a child: escapes {@code ~} and {@code /}. */
  static String child(String pointer, String key) {
    if (key.indexOf('~') < 0 && key.indexOf('/') < 0) return pointer + "/" + key;
    return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
  }

  String describe() {
    switch (kind) {
      case OBJECT: return "an object";
      case ARRAY: return "an array";
      case STRING: return "the string \"" + abbreviate(text) + "\"";
      case NUMBER: return "the number " + number;
      case BOOLEAN: return "the boolean " + bool;
      default: return "null";
    }
  }

  static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }

  /** Structural equality of the JSON values, ignoring where they were written. */
  boolean sameAs(Node o) {
    if (kind != o.kind) return false;
    switch (kind) {
      case OBJECT:
        if (fields.size() != o.fields.size()) return false;
        for (Map.Entry<String, Node> e : fields.entrySet()) {
          Node other = o.fields.get(e.getKey());
          if (other == null || !e.getValue().sameAs(other)) return false;
        }
        return true;
      case ARRAY:
        if (items.size() != o.items.size()) return false;
        for (int i = 0; i < items.size(); i++) if (!items.get(i).sameAs(o.items.get(i))) return false;
        return true;
      case STRING: return text.equals(o.text);
      case NUMBER: return number.equals(o.number);
      case BOOLEAN: return bool == o.bool;
      default: return true;
    }
  }

  JsonNode toJson() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    switch (kind) {
      case OBJECT: {
        ObjectNode o = f.objectNode();
        for (Map.Entry<String, Node> e : fields.entrySet()) o.set(e.getKey(), e.getValue().toJson());
        return o;
      }
      case ARRAY: {
        ArrayNode a = f.arrayNode();
        for (Node n : items) a.add(n.toJson());
        return a;
      }
      case STRING: return f.stringNode(text);
      case BOOLEAN: return f.booleanNode(bool);
      case NULL: return f.nullNode();
      default:
        if (number instanceof Integer) return f.numberNode(number.intValue());
        if (number instanceof Long) return f.numberNode(number.longValue());
        if (number instanceof java.math.BigInteger) return f.numberNode((java.math.BigInteger) number);
        if (number instanceof java.math.BigDecimal) return f.numberNode((java.math.BigDecimal) number);
        return f.numberNode(number.doubleValue());
    }
  }

  void freeze() {
    if (fields.size() > 0) fields = Collections.unmodifiableMap(fields);
    if (items.size() > 0) items = Collections.unmodifiableList(items);
  }

  static Map<String, Node> newFields() {
    return new LinkedHashMap<>();
  }
}
