package dev.twins.query.internal;

import dev.twins.query.QuerySyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits query text into tokens: names (plain, or escaped as {@code [[name]]}), {@code @parameters},
 * strings in single or double quotes with backslash escapes, numbers, and punctuation.
 */
public final class Lexer {
  /** Token kinds. */
  public enum Kind {
    /** A name or keyword; {@link Token#escaped} tells whether it was written {@code [[...]]}. */
    NAME,
    /** {@code @name}. */
    PARAM,
    /** A string literal; its text is unescaped. */
    STRING,
    /** An integer literal. */
    INTEGER,
    /** A decimal or exponent literal. */
    DECIMAL,
    /** Punctuation or an operator. */
    SYMBOL,
    /** The end of the text. */
    END
  }

  /**
   * A token.
   *
   * @param kind its kind
   * @param text its text (unescaped for strings and names)
   * @param offset where it starts, from 0
   * @param length how many characters it covers
   * @param escaped whether a name was written {@code [[name]]}
   */
  public record Token(Kind kind, String text, int offset, int length, boolean escaped) {
    boolean is(String symbol) {
      return kind == Kind.SYMBOL && text.equals(symbol);
    }

    boolean isKeyword(String keyword) {
      return kind == Kind.NAME && !escaped && text.equalsIgnoreCase(keyword);
    }
  }

  private static final String[] SYMBOLS = {"..", "!=", "<>", "<=", ">=", "(", ")", "[", "]", ",", ".", "*", "+", "-",
      "/", "%", "=", "<", ">", "|", ":", "{", "}"};

  private final String text;
  private int pos;

  private Lexer(String text) {
    this.text = text;
  }

  /**
   * Tokenises a query.
   *
   * @param text the query
   * @return the tokens, ending with an {@link Kind#END} token
   * @throws QuerySyntaxException on a character that starts no token, an unterminated string or
   *     escaped name, a bad escape, or a number out of range
   */
  public static List<Token> tokenize(String text) {
    return new Lexer(text).run();
  }

  private List<Token> run() {
    List<Token> out = new ArrayList<>();
    while (true) {
      skipSpace();
      if (pos >= text.length()) {
        out.add(new Token(Kind.END, "", text.length(), 0, false));
        return out;
      }
      out.add(next());
    }
  }

  private void skipSpace() {
    while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
  }

  private Token next() {
    int start = pos;
    char c = text.charAt(pos);
    if (c == '\'' || c == '"') return string(c);
    if (c == '[' && text.startsWith("[[", pos)) {
      Token t = escapedName();
      if (t != null) return t;
    }
    if (c == '@') {
      pos++;
      int s = pos;
      while (pos < text.length() && isNamePart(text.charAt(pos))) pos++;
      if (pos == s || Character.isDigit(text.charAt(s))) {
        throw error(start, "a parameter name after @", found(start, Math.max(pos, start + 1)));
      }
      return new Token(Kind.PARAM, text.substring(s, pos), start, pos - start, false);
    }
    if (isNameStart(c)) {
      while (pos < text.length() && isNamePart(text.charAt(pos))) pos++;
      return new Token(Kind.NAME, text.substring(start, pos), start, pos - start, false);
    }
    if (c >= '0' && c <= '9') return number();
    for (String s : SYMBOLS) {
      if (text.startsWith(s, pos)) {
        pos += s.length();
        return new Token(Kind.SYMBOL, s, start, s.length(), false);
      }
    }
    throw error(start, "a name, literal, operator or punctuation", found(start, start + Character.charCount(text.codePointAt(start))));
  }

  static boolean isNameStart(char c) {
    return Character.isLetter(c) || c == '_' || c == '$';
  }

  static boolean isNamePart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  private Token escapedName() {
    int start = pos;
    int i = pos + 2;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '[' || c == '\'' || c == '"') return null;
      if (c == ']') break;
      i++;
    }
    // linear: the name ends at the first ']', which must be the first of "]]"
    if (i == pos + 2 || i + 1 >= text.length() || text.charAt(i + 1) != ']') return null;
    pos = i + 2;
    return new Token(Kind.NAME, text.substring(start + 2, i), start, pos - start, true);
  }

  private Token number() {
    int start = pos;
    while (pos < text.length() && Character.isDigit(text.charAt(pos)) && text.charAt(pos) < 128) pos++;
    boolean decimal = false;
    if (pos + 1 < text.length() && text.charAt(pos) == '.' && isAsciiDigit(text.charAt(pos + 1))) {
      decimal = true;
      pos++;
      while (pos < text.length() && isAsciiDigit(text.charAt(pos))) pos++;
    }
    if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
      int e = pos + 1;
      if (e < text.length() && (text.charAt(e) == '+' || text.charAt(e) == '-')) e++;
      if (e < text.length() && isAsciiDigit(text.charAt(e))) {
        decimal = true;
        pos = e;
        while (pos < text.length() && isAsciiDigit(text.charAt(pos))) pos++;
      }
    }
    if (pos < text.length() && isNamePart(text.charAt(pos))) {
      int end = pos;
      while (end < text.length() && isNamePart(text.charAt(end))) end++;
      throw error(start, "a number or an operator after it", found(start, end));
    }
    String s = text.substring(start, pos);
    if (!decimal) {
      try {
        Long.parseLong(s);
        return new Token(Kind.INTEGER, s, start, pos - start, false);
      } catch (NumberFormatException e) {
        decimal = true;
      }
    }
    double d = Double.parseDouble(s);
    if (!Double.isFinite(d)) throw error(start, "a number within the range of a double", found(start, pos));
    return new Token(Kind.DECIMAL, s, start, pos - start, false);
  }

  private static boolean isAsciiDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private Token string(char quote) {
    int start = pos;
    pos++;
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= text.length()) throw error(start, "the closing " + quote + " of the string", "end of query");
      char c = text.charAt(pos);
      if (c == quote) {
        pos++;
        return new Token(Kind.STRING, sb.toString(), start, pos - start, false);
      }
      if (c == '\\') {
        if (pos + 1 >= text.length()) throw error(pos, "an escaped character after \\", "end of query");
        char e = text.charAt(pos + 1);
        switch (e) {
          case '\'': case '"': case '\\': case '/': sb.append(e); break;
          case 'n': sb.append('\n'); break;
          case 't': sb.append('\t'); break;
          case 'r': sb.append('\r'); break;
          case 'b': sb.append('\b'); break;
          case 'f': sb.append('\f'); break;
          case 'u':
            if (pos + 6 > text.length()) throw error(pos, "four hex digits after \\u", found(pos, text.length()));
            String hex = text.substring(pos + 2, pos + 6);
            for (int i = 0; i < 4; i++) {
              if (Character.digit(hex.charAt(i), 16) < 0) throw error(pos, "four hex digits after \\u", found(pos, pos + 6));
            }
            sb.append((char) Integer.parseInt(hex, 16));
            pos += 4;
            break;
          default:
            throw error(pos, "one of \\' \\\" \\\\ \\/ \\n \\t \\r \\b \\f \\uXXXX", found(pos, pos + 2));
        }
        pos += 2;
        continue;
      }
      sb.append(c);
      pos++;
    }
  }

  private String found(int from, int to) {
    return text.substring(from, Math.min(to, text.length()));
  }

  private QuerySyntaxException error(int offset, String expected, String found) {
    return Syntax.error(text, offset, expected, found);
  }
}
