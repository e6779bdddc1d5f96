package dev.twins.persistence.internal;

import java.util.Iterator;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Writes JSON trees as compact UTF-8 JSON text into a {@link Bytes}, without allocating (the hot
 * path of journal records and snapshots). Numbers are written as Jackson writes them, so that
 * Jackson reads them back as the same kind of node.
 */
public final class JsonText {
  private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private JsonText() {}

  /**
   * Writes a tree.
   *
   * @param n the tree
   * @param out where to
   */
  public static void write(JsonNode n, Bytes out) {
    if (n.isObject()) {
      out.u8('{');
      boolean first = true;
      for (Iterator<Map.Entry<String, JsonNode>> it = n.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!first) out.u8(',');
        first = false;
        string(e.getKey(), out);
        out.u8(':');
        write(e.getValue(), out);
      }
      out.u8('}');
    } else if (n.isArray()) {
      out.u8('[');
      for (int i = 0; i < n.size(); i++) {
        if (i > 0) out.u8(',');
        write(n.get(i), out);
      }
      out.u8(']');
    } else if (n.isString()) {
      string(n.asString(), out);
    } else if (n.isBoolean()) {
      ascii(n.booleanValue() ? "true" : "false", out);
    } else if (n.isNull()) {
      ascii("null", out);
    } else if (n.isInt() || n.isShort()) {
      ascii(Integer.toString(n.intValue()), out);
    } else if (n.isLong()) {
      ascii(Long.toString(n.longValue()), out);
    } else if (n.isDouble()) {
      ascii(Double.toString(n.doubleValue()), out);
    } else if (n.isFloat()) {
      ascii(Float.toString(n.floatValue()), out);
    } else if (n.isBigInteger()) {
      ascii(n.bigIntegerValue().toString(), out);
    } else if (n.isBigDecimal()) {
      ascii(n.decimalValue().toString(), out);
    } else {
      throw new IllegalArgumentException("not a JSON value: " + n.getNodeType());
    }
  }

  private static void ascii(String s, Bytes out) {
    for (int i = 0; i < s.length(); i++) out.u8(s.charAt(i));
  }

  private static void string(String s, Bytes out) {
    out.u8('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
        out.u8(c);
      } else if (c == '"' || c == '\\') {
        out.u8('\\');
        out.u8(c);
      } else if (c < 0x20) {
        out.u8('\\');
        out.u8('u');
        out.u8('0');
        out.u8('0');
        out.u8(HEX[c >> 4]);
        out.u8(HEX[c & 0xf]);
      } else if (c < 0x800) {
        out.u8(0xC0 | (c >> 6));
        out.u8(0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        out.u8(0xF0 | (cp >> 18));
        out.u8(0x80 | ((cp >> 12) & 0x3F));
        out.u8(0x80 | ((cp >> 6) & 0x3F));
        out.u8(0x80 | (cp & 0x3F));
      } else if (Character.isSurrogate(c)) {
        // a lone surrogate cannot be UTF-8: escape it, as JSON allows
        out.u8('\\');
        out.u8('u');
        out.u8(HEX[c >> 12]);
        out.u8(HEX[(c >> 8) & 0xf]);
        out.u8(HEX[(c >> 4) & 0xf]);
        out.u8(HEX[c & 0xf]);
      } else {
        out.u8(0xE0 | (c >> 12));
        out.u8(0x80 | ((c >> 6) & 0x3F));
        out.u8(0x80 | (c & 0x3F));
      }
    }
    out.u8('"');
  }
}
