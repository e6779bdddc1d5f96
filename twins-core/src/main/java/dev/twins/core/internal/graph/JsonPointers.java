package dev.twins.core.internal.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * JSON pointers (RFC 6901): checking, escaping and splitting into reference tokens.
 *
 * <p>A pointer is {@code ""} (the whole document) or a sequence of {@code /token}s, where a
 * token spells {@code ~} as {@code ~0} and {@code /} as {@code ~1}. The scanning methods work on
 * character positions so that walking a pointer allocates nothing but the token strings, and
 * not even those for tokens without escapes beyond the one substring.
 */
public final class JsonPointers {
  private JsonPointers() {}

  /**
   * Tells whether a text is a syntactically valid JSON pointer.
   *
   * @param pointer the text
   * @return {@code true} for {@code ""} or a text that starts with {@code /} and uses {@code ~}
   *     only in {@code ~0} and {@code ~1}
   */
  public static boolean isValid(String pointer) {
    int n = pointer.length();
    if (n == 0) {
      return true;
    }
    if (pointer.charAt(0) != '/') {
      return false;
    }
    for (int i = 1; i < n; i++) {
      if (pointer.charAt(i) == '~') {
        if (i + 1 >= n) {
          return false;
        }
        char next = pointer.charAt(i + 1);
        if (next != '0' && next != '1') {
          return false;
        }
        i++;
      }
    }
    return true;
  }

  /**
   * Explains why a text is not a valid JSON pointer.
   *
   * @param pointer a text for which {@link #isValid} is {@code false}
   * @return what is wrong, e.g. {@code a JSON pointer must be "" or start with "/"}
   * @throws IllegalArgumentException if the pointer is valid
   */
  public static String problem(String pointer) {
    if (pointer.isEmpty()) {
      throw new IllegalArgumentException("\"\" is a valid JSON pointer");
    }
    if (pointer.charAt(0) != '/') {
      return "a JSON pointer must be \"\" or start with \"/\", got " + PatchValues.quote(pointer);
    }
    for (int i = 1; i < pointer.length(); i++) {
      if (pointer.charAt(i) == '~') {
        if (i + 1 >= pointer.length() || (pointer.charAt(i + 1) != '0' && pointer.charAt(i + 1) != '1')) {
          return "in a JSON pointer \"~\" must be followed by 0 or 1 (write \"~0\" for \"~\" and \"~1\" for"
              + " \"/\"), got " + PatchValues.quote(pointer) + " with a bare \"~\" at character " + i;
        }
        i++;
      }
    }
    throw new IllegalArgumentException(PatchValues.quote(pointer) + " is a valid JSON pointer");
  }

  /**
   * Escapes an object key as one reference token.
   *
   * @param key the key
   * @return the key with {@code ~} written as {@code ~0} and {@code /} as {@code ~1}; the same
   *     string when it has neither
   */
  public static String escape(String key) {
    int n = key.length();
    int i = 0;
    while (i < n) {
      char c = key.charAt(i);
      if (c == '~' || c == '/') {
        break;
      }
      i++;
    }
    if (i == n) {
      return key;
    }
    StringBuilder sb = new StringBuilder(n + 4).append(key, 0, i);
    dev.twins.core.internal.JsonValues.appendPointerToken(key.substring(i), sb);
    return sb.toString();
  }

  /**
   * Splits a JSON pointer into its unescaped reference tokens.
   *
   * @param pointer the pointer
   * @return the tokens, empty for {@code ""}; {@code "/"} gives one empty token
   * @throws IllegalArgumentException if the pointer is not valid
   */
  public static List<String> parsePointer(String pointer) {
    Objects.requireNonNull(pointer, "pointer");
    if (!isValid(pointer)) {
      throw new IllegalArgumentException(problem(pointer));
    }
    if (pointer.isEmpty()) {
      return List.of();
    }
    List<String> tokens = new ArrayList<>(4);
    int start = 1;
    while (true) {
      int end = pointer.indexOf('/', start);
      if (end < 0) {
        tokens.add(token(pointer, start, pointer.length()));
        return List.copyOf(tokens);
      }
      tokens.add(token(pointer, start, end));
      start = end + 1;
    }
  }

  /**
   * Joins a pointer and one more key.
   *
   * @param pointer a valid pointer
   * @param key an object key or array index, unescaped
   * @return {@code pointer + "/" + escape(key)}
   */
  public static String child(String pointer, String key) {
    return pointer + '/' + escape(key);
  }

  /**
   * Returns the unescaped token between two positions of a valid pointer.
   *
   * @param pointer a valid pointer
   * @param start the first character of the token (just after its {@code /})
   * @param end the position of the next {@code /}, or the pointer's length
   * @return the token with {@code ~1} and {@code ~0} decoded
   */
  static String token(String pointer, int start, int end) {
    int tilde = pointer.indexOf('~', start);
    if (tilde < 0 || tilde >= end) {
      return pointer.substring(start, end);
    }
    StringBuilder sb = new StringBuilder(end - start).append(pointer, start, tilde);
    for (int i = tilde; i < end; i++) {
      char c = pointer.charAt(i);
      if (c == '~') {
        sb.append(pointer.charAt(++i) == '0' ? '~' : '/');
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /**
   * Reads a token as an array index: {@code 0} or a digit string without leading zeros.
   *
   * @param token the unescaped token
   * @return the index, or {@code -1} when the token is not an index (including {@code "-"} and
   *     numbers beyond {@code Integer.MAX_VALUE})
   */
  static int arrayIndex(String token) {
    int n = token.length();
    if (n == 0 || n > 10) {
      return -1;
    }
    char first = token.charAt(0);
    if (first < '0' || first > '9' || (first == '0' && n > 1)) {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < n; i++) {
      char c = token.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value > Integer.MAX_VALUE ? -1 : (int) value;
  }
}
