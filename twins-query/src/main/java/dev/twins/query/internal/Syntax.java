package dev.twins.query.internal;

import dev.twins.query.QueryException;
import dev.twins.query.QuerySyntaxException;

/** Builds error messages that point into the query text: line, column, the line, a caret. */
public final class Syntax {
  private Syntax() {}

  /**
   * Makes a syntax error.
   *
   * @param text the query
   * @param offset where the offending text starts
   * @param expected what was expected
   * @param found the offending text, or {@code "end of query"}
   * @return the exception
   */
  public static QuerySyntaxException error(String text, int offset, String expected, String found) {
    int[] lc = lineColumn(text, offset);
    String shown = found.equals("end of query") ? found : "'" + abbreviate(found) + "'";
    String message = "line " + lc[0] + ", column " + lc[1] + ": expected " + expected + ", found " + shown + "\n"
        + excerpt(text, offset);
    return new QuerySyntaxException(message, lc[0], lc[1], expected, found);
  }

  /**
   * Makes a validation error at a position of the text.
   *
   * @param text the query text
   * @param offset where the offending part starts, or -1 when unknown
   * @param message what is wrong
   * @return the exception
   */
  public static QueryException invalid(String text, int offset, String message) {
    if (offset < 0 || text == null) return new QueryException(message);
    int[] lc = lineColumn(text, offset);
    return new QueryException("line " + lc[0] + ", column " + lc[1] + ": " + message + "\n" + excerpt(text, offset),
        lc[0], lc[1]);
  }

  static int[] lineColumn(String text, int offset) {
    int line = 1;
    int col = 1;
    for (int i = 0; i < offset && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
    }
    return new int[] {line, col};
  }

  private static String excerpt(String text, int offset) {
    int start = text.lastIndexOf('\n', Math.max(0, Math.min(offset, text.length()) - 1)) + 1;
    if (offset == 0) start = 0;
    int end = text.indexOf('\n', start);
    if (end < 0) end = text.length();
    String line = text.substring(start, end);
    int caret = Math.max(0, offset - start);
    if (line.length() > 160) {
      int from = Math.max(0, caret - 60);
      line = (from > 0 ? "..." : "") + line.substring(from, Math.min(line.length(), from + 120));
      caret = caret - from + (from > 0 ? 3 : 0);
    }
    StringBuilder sb = new StringBuilder(line.replace('\t', ' ')).append('\n');
    for (int i = 0; i < caret; i++) sb.append(' ');
    return sb.append('^').toString();
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "..." : s;
  }
}
