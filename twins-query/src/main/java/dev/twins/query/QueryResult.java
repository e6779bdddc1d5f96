package dev.twins.query;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The rows of a query, in the shapes of Azure Digital Twins (see {@link QueryRow}). Prints as a
 * bounded table for JShell; converts to JSON.
 *
 * <pre>
 * Result[1 row]
 *   $dtId    | temperature
 *   room-101 | 26.0
 * </pre>
 */
public final class QueryResult implements Iterable<QueryRow> {
  private static final int SHOWN_ROWS = 20;
  private static final int CELL = 32;

  private final List<QueryRow> rows;

  QueryResult(List<QueryRow> rows) {
    this.rows = List.copyOf(rows);
  }

  /** @return the rows */
  public List<QueryRow> rows() {
    return rows;
  }

  /** @return how many rows */
  public int size() {
    return rows.size();
  }

  /** @return whether there are no rows */
  public boolean isEmpty() {
    return rows.isEmpty();
  }

  /** @return the rows as a stream */
  public Stream<QueryRow> stream() {
    return rows.stream();
  }

  @Override
  public Iterator<QueryRow> iterator() {
    return rows.iterator();
  }

  /** @return the column names of all rows, in order of first appearance */
  public List<String> columns() {
    Set<String> out = new LinkedHashSet<>();
    for (QueryRow r : rows) out.addAll(r.columns());
    return new ArrayList<>(out);
  }

  /** @return the rows as a JSON array (copies) */
  public ArrayNode toJson() {
    ArrayNode a = JsonNodeFactory.instance.arrayNode();
    for (QueryRow r : rows) a.add(r.toJson());
    return a;
  }

  /**
   * Renders the rows as CSV (RFC 4180): a header of the column names, then one line per row;
   * strings as they are, other values as JSON, a missing value as an empty field.
   *
   * @return the CSV text, lines ending in CRLF
   */
  public String toCsv() {
    List<String> cols = columns();
    StringBuilder sb = new StringBuilder();
    for (int c = 0; c < cols.size(); c++) sb.append(c > 0 ? "," : "").append(csv(cols.get(c)));
    sb.append("\r\n");
    for (QueryRow r : rows) {
      for (int c = 0; c < cols.size(); c++) {
        JsonNode v = r.node(cols.get(c));
        sb.append(c > 0 ? "," : "").append(v == null ? "" : csv(v.isString() ? v.stringValue() : v.toString()));
      }
      sb.append("\r\n");
    }
    return sb.toString();
  }

  private static String csv(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  /** @return one compact JSON object per row, one per line, as {@code twins query --json} prints */
  public String toJsonLines() {
    StringBuilder sb = new StringBuilder();
    for (QueryRow r : rows) sb.append(r.json()).append('\n');
    return sb.toString();
  }

  /** Renders the row count and a table of at most 20 rows, each cell cut to 32 characters. */
  @Override
  public String toString() {
    return table(SHOWN_ROWS);
  }

  /**
   * Renders the row count and a table of the first rows, each cell cut to 32 characters.
   *
   * @param maxRows the most rows to show
   * @return the table, with a last line counting the rows left out
   * @throws IllegalArgumentException if {@code maxRows} is negative
   */
  public String table(int maxRows) {
    if (maxRows < 0) throw new IllegalArgumentException("maxRows must not be negative: " + maxRows);
    StringBuilder sb = new StringBuilder("Result[").append(rows.size()).append(rows.size() == 1 ? " row]" : " rows]");
    if (rows.isEmpty()) return sb.toString();
    List<String> cols = columns();
    int shown = Math.min(rows.size(), maxRows);
    int[] width = new int[cols.size()];
    List<String[]> cells = new ArrayList<>();
    for (int c = 0; c < cols.size(); c++) width[c] = Math.min(CELL, cols.get(c).length());
    for (int r = 0; r < shown; r++) {
      String[] line = new String[cols.size()];
      for (int c = 0; c < cols.size(); c++) {
        JsonNode v = rows.get(r).node(cols.get(c));
        String s = v == null ? "" : v.isString() ? v.stringValue() : v.toString();
        if (s.length() > CELL) s = s.substring(0, CELL - 3) + "...";
        line[c] = s;
        width[c] = Math.max(width[c], s.length());
      }
      cells.add(line);
    }
    sb.append('\n');
    appendLine(sb, cols.toArray(new String[0]), width);
    for (String[] line : cells) {
      sb.append('\n');
      appendLine(sb, line, width);
    }
    if (rows.size() > shown) sb.append("\n  ... ").append(rows.size() - shown).append(" more");
    return sb.toString();
  }

  private static void appendLine(StringBuilder sb, String[] cells, int[] width) {
    sb.append("  ");
    for (int c = 0; c < cells.length; c++) {
      String s = cells[c].length() > CELL ? cells[c].substring(0, CELL - 3) + "..." : cells[c];
      if (c > 0) sb.append(" | ");
      sb.append(s);
      if (c < cells.length - 1) for (int i = s.length(); i < width[c]; i++) sb.append(' ');
    }
  }
}
