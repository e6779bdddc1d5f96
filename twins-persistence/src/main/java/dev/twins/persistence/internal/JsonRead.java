package dev.twins.persistence.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the compact JSON text of records (written by {@link JsonText}) into trees straight from
 * the bytes, without a Jackson parser per document: the hot path of opening a store. Gives the
 * node kinds Jackson's {@code readTree} gives with its default settings (int, long or big integer
 * nodes for integers by their size, double nodes for every other number), so that what is read
 * equals what Jackson would read. Accepts any JSON (whitespace, every escape); refuses anything
 * else with an {@link IllegalArgumentException} naming the position.
 */
final class JsonRead {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int MAX_DEPTH = 1000;

  private final Interner interner = Interner.get();
  private final byte[] a;
  private final int off;
  private int p;
  private final int end;

  private JsonRead(byte[] a, int off, int len) {
    this.a = a;
    this.off = off;
    this.p = off;
    this.end = off + len;
  }

  /**
   * Reads one JSON value that fills the range.
   *
   * @param a the bytes
   * @param off where the text starts
   * @param len its length
   * @return the tree
   * @throws IllegalArgumentException if the text is not one JSON value
   */
  static JsonNode read(byte[] a, int off, int len) {
    JsonRead r = new JsonRead(a, off, len);
    JsonNode n = r.value(0);
    r.ws();
    if (r.p != r.end) throw r.error("unexpected text after the JSON value");
    return n;
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException("bad JSON at byte " + (p - off) + " of " + (end - off) + ": " + what);
  }

  private void ws() {
    while (p < end) {
      byte c = a[p];
      if (c == ' ' || c == '\n' || c == '\r' || c == '\t') p++;
      else return;
    }
  }

  private byte peek() {
    if (p >= end) throw error("the text ends early");
    return a[p];
  }

  private JsonNode value(int depth) {
    if (depth > MAX_DEPTH) throw error("nested deeper than " + MAX_DEPTH);
    ws();
    byte c = peek();
    switch (c) {
      case '{':
        return object(depth);
      case '[':
        return array(depth);
      case '"':
        return interner.text(string());
      case 't':
        literal("true");
        return NODES.booleanNode(true);
      case 'f':
        literal("false");
        return NODES.booleanNode(false);
      case 'n':
        literal("null");
        return NODES.nullNode();
      default:
        if (c == '-' || (c >= '0' && c <= '9')) return number();
        throw error("unexpected character '" + (char) c + "'");
    }
  }

  private void literal(String word) {
    if (end - p < word.length()) throw error("the text ends early");
    for (int i = 0; i < word.length(); i++) {
      if (a[p + i] != word.charAt(i)) throw error("expected " + word);
    }
    p += word.length();
  }

  private ObjectNode object(int depth) {
    p++;
    ObjectNode o = NODES.objectNode();
    ws();
    if (peek() == '}') {
      p++;
      return o;
    }
    while (true) {
      ws();
      if (peek() != '"') throw error("expected a member name");
      String name = string();
      ws();
      if (peek() != ':') throw error("expected ':'");
      p++;
      o.set(name, value(depth + 1));
      ws();
      byte c = peek();
      p++;
      if (c == '}') return o;
      if (c != ',') {
        p--;
        throw error("expected ',' or '}'");
      }
    }
  }

  private ArrayNode array(int depth) {
    p++;
    ArrayNode arr = NODES.arrayNode();
    ws();
    if (peek() == ']') {
      p++;
      return arr;
    }
    while (true) {
      arr.add(value(depth + 1));
      ws();
      byte c = peek();
      p++;
      if (c == ']') return arr;
      if (c != ',') {
        p--;
        throw error("expected ',' or ']'");
      }
    }
  }

  private String string() {
    int start = ++p;
    boolean ascii = true;
    while (true) {
      if (p >= end) throw error("unterminated string");
      byte c = a[p];
      if (c == '"') break;
      if (c == '\\') return escaped(start);
      if (c < 0) ascii = false;
      else if (c < 0x20) throw error("control character in a string");
      p++;
    }
    String s = new String(a, start, p - start, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    p++;
    return s;
  }

  /** The slow path of a string with escapes: UTF-8 runs and escapes into a builder. */
  private String escaped(int start) {
    StringBuilder b = new StringBuilder(p - start + 16);
    b.append(new String(a, start, p - start, StandardCharsets.UTF_8));
    while (true) {
      if (p >= end) throw error("unterminated string");
      byte c = a[p];
      if (c == '"') {
        p++;
        return b.toString();
      }
      if (c == '\\') {
        if (p + 1 >= end) throw error("unterminated escape");
        byte e = a[p + 1];
        p += 2;
        switch (e) {
          case '"': b.append('"'); break;
          case '\\': b.append('\\'); break;
          case '/': b.append('/'); break;
          case 'b': b.append('\b'); break;
          case 'f': b.append('\f'); break;
          case 'n': b.append('\n'); break;
          case 'r': b.append('\r'); break;
          case 't': b.append('\t'); break;
          case 'u': {
            if (end - p < 4) throw error("short \\u escape");
            int v = 0;
            for (int i = 0; i < 4; i++) {
              int d = Character.digit(a[p + i], 16);
              if (d < 0) throw error("bad \\u escape");
              v = v * 16 + d;
            }
            p += 4;
            b.append((char) v);
            break;
          }
          default:
            p -= 2;
            throw error("bad escape");
        }
      } else {
        int s = p;
        while (p < end && a[p] != '"' && a[p] != '\\') {
          if (a[p] >= 0 && a[p] < 0x20) throw error("control character in a string");
          p++;
        }
        b.append(new String(a, s, p - s, StandardCharsets.UTF_8));
      }
    }
  }

  private JsonNode number() {
    int start = p;
    if (a[p] == '-') p++;
    int digits = p;
    while (p < end && a[p] >= '0' && a[p] <= '9') p++;
    if (p == digits) throw error("expected a digit");
    if (a[digits] == '0' && p - digits > 1) throw error("leading zero");
    boolean integral = true;
    if (p < end && a[p] == '.') {
      integral = false;
      p++;
      int f = p;
      while (p < end && a[p] >= '0' && a[p] <= '9') p++;
      if (p == f) throw error("expected a digit after '.'");
    }
    if (p < end && (a[p] == 'e' || a[p] == 'E')) {
      integral = false;
      p++;
      if (p < end && (a[p] == '+' || a[p] == '-')) p++;
      int e = p;
      while (p < end && a[p] >= '0' && a[p] <= '9') p++;
      if (p == e) throw error("expected a digit in the exponent");
    }
    if (integral) {
      int n = p - digits;
      if (n <= 18) {
        long v = 0;
        for (int i = digits; i < p; i++) v = v * 10 + (a[i] - '0');
        if (a[start] == '-') v = -v;
        return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? NODES.numberNode((int) v) : NODES.numberNode(v);
      }
      BigInteger big = new BigInteger(new String(a, start, p - start, StandardCharsets.ISO_8859_1));
      return big.bitLength() < 64 ? NODES.numberNode(big.longValue()) : NODES.numberNode(big);
    }
    return NODES.numberNode(Double.parseDouble(new String(a, start, p - start, StandardCharsets.ISO_8859_1)));
  }
}
