package dev.twins.core.internal;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Short, bounded renderings of JSON values and pointer segments for error messages.
 *
 * <p>Rendering stops as soon as the limit is reached, so describing a huge array costs no more
 * than describing a small one.
 */
public final class JsonValues {
  /** The longest rendering of a value in a message, before the ellipsis. */
  static final int MAX_VALUE_CHARS = 60;

  private JsonValues() {}

  /**
   * Renders a value as compact JSON, cut to about {@value #MAX_VALUE_CHARS} characters.
   *
   * @param node the value
   * @return the rendering, ending in {@code ...} when cut
   */
  public static String abbreviate(JsonNode node) {
    StringBuilder sb = new StringBuilder(32);
    write(node, sb, MAX_VALUE_CHARS + 1);
    return cut(sb, MAX_VALUE_CHARS);
  }

  /**
   * Renders a text (such as an object key) as a JSON string, cut to about
   * {@value #MAX_VALUE_CHARS} characters.
   *
   * @param text the text
   * @return the quoted rendering
   */
  public static String quote(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 2);
    writeString(text, sb, MAX_VALUE_CHARS + 1);
    return cut(sb, MAX_VALUE_CHARS);
  }

  /**
   * Names a value by its JSON type and shows it, e.g. {@code string "abc"} or {@code null}.
   *
   * @param node the value
   * @return the description
   */
  static String describe(JsonNode node) {
    if (node.isNull()) {
      return "null";
    }
    if (node.isMissingNode()) {
      return "no value";
    }
    if (node.isBinary()) {
      return "binary data";
    }
    if (node.isPojo()) {
      return "a Java object (not JSON)";
    }
    String type;
    if (node.isString()) {
      type = "string ";
    } else if (node.isNumber()) {
      type = "number ";
    } else if (node.isBoolean()) {
      type = "boolean ";
    } else if (node.isObject()) {
      type = "object ";
    } else if (node.isArray()) {
      type = "array ";
    } else {
      type = "";
    }
    return type + abbreviate(node);
  }

  /**
   * Appends one JSON pointer reference token, escaping {@code ~} as {@code ~0} and {@code /} as
   * {@code ~1} (RFC 6901).
   *
   * @param key the object key
   * @param sb where to append
   */
  public static void appendPointerToken(String key, StringBuilder sb) {
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == '~') {
        sb.append("~0");
      } else if (c == '/') {
        sb.append("~1");
      } else {
        sb.append(c);
      }
    }
  }

  private static String cut(StringBuilder sb, int max) {
    if (sb.length() <= max) {
      return sb.toString();
    }
    int end = max;
    if (Character.isHighSurrogate(sb.charAt(end - 1))) {
      end--;
    }
    return sb.substring(0, end) + "...";
  }

  private static void write(JsonNode node, StringBuilder sb, int limit) {
    if (sb.length() >= limit) {
      return;
    }
    if (node.isString()) {
      writeString(node.stringValue(), sb, limit);
    } else if (node.isArray()) {
      sb.append('[');
      boolean first = true;
      for (JsonNode item : node) {
        if (sb.length() >= limit) {
          return;
        }
        if (!first) {
          sb.append(',');
        }
        first = false;
        write(item, sb, limit);
      }
      sb.append(']');
    } else if (node.isObject()) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        if (sb.length() >= limit) {
          return;
        }
        if (!first) {
          sb.append(',');
        }
        first = false;
        writeString(e.getKey(), sb, limit);
        sb.append(':');
        write(e.getValue(), sb, limit);
      }
      sb.append('}');
    } else if (node.isBinary()) {
      sb.append("<binary>");
    } else if (node.isPojo()) {
      sb.append("<java object>");
    } else if (node.isMissingNode()) {
      sb.append("<missing>");
    } else if ((node.isDouble() || node.isFloat()) && !Double.isFinite(node.doubleValue())) {
      sb.append(node.doubleValue()); // NaN or Infinity, which Jackson would quote
    } else {
      // numbers, booleans and null render short and exactly
      sb.append(node.toString());
    }
  }

  private static void writeString(String s, StringBuilder sb, int limit) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      if (sb.length() >= limit) {
        return;
      }
      char c = s.charAt(i);
      switch (c) {
        case '"':
          sb.append("\\\"");
          break;
        case '\\':
          sb.append("\\\\");
          break;
        case '\n':
          sb.append("\\n");
          break;
        case '\r':
          sb.append("\\r");
          break;
        case '\t':
          sb.append("\\t");
          break;
        default:
          if (c < 0x20 || Character.isSurrogate(c) && !validSurrogateAt(s, i)) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
      }
    }
    sb.append('"');
  }

  private static boolean validSurrogateAt(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }
}
