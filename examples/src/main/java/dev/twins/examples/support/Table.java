package dev.twins.examples.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A text table for the examples' printed answers: a header, rows of cells, numbers aligned to the
 * right, at most {@code maxRows} rows shown (the rest are counted).
 */
public final class Table {
  private final String title;
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();
  private final boolean[] numeric;

  private Table(String title, List<String> header) {
    this.title = title;
    this.header = List.copyOf(header);
    this.numeric = new boolean[header.size()];
    Arrays.fill(numeric, true);
  }

  /**
   * Starts a table.
   *
   * @param title printed above the table
   * @param columns the column names
   * @return the empty table
   */
  public static Table of(String title, String... columns) {
    return new Table(title, List.of(columns));
  }

  /**
   * Adds a row; doubles print with the given number of decimals via {@link #fmt(double, int)}
   * beforehand, other values with {@code String.valueOf}.
   *
   * @param cells one value per column
   * @return this table
   * @throws IllegalArgumentException if the number of cells differs from the number of columns
   */
  public Table row(Object... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException("table \"" + title + "\" has " + header.size()
          + " columns, row has " + cells.length + ": " + Arrays.toString(cells));
    }
    List<String> row = new ArrayList<>(cells.length);
    for (int i = 0; i < cells.length; i++) {
      String s = String.valueOf(cells[i]);
      row.add(s);
      if (!s.isEmpty() && !s.matches("[-+]?[0-9][0-9,.]*( ?%| h| ppm| m| °C)?")) {
        numeric[i] = false;
      }
    }
    rows.add(row);
    return this;
  }

  /**
   * Returns the number of rows.
   *
   * @return the count
   */
  public int size() {
    return rows.size();
  }

  /**
   * Formats a number with a fixed number of decimals (dot as separator, whatever the locale).
   *
   * @param value the number
   * @param decimals digits after the dot
   * @return the text
   */
  public static String fmt(double value, int decimals) {
    return String.format(java.util.Locale.ROOT, "%." + decimals + "f", value);
  }

  /** Renders the title, the header, a rule and every row. */
  @Override
  public String toString() {
    int[] width = new int[header.size()];
    for (int i = 0; i < width.length; i++) {
      width[i] = header.get(i).length();
      for (List<String> r : rows) {
        width[i] = Math.max(width[i], r.get(i).length());
      }
    }
    StringBuilder sb = new StringBuilder();
    if (!title.isEmpty()) {
      sb.append(title).append('\n');
    }
    line(sb, header, width);
    for (int i = 0; i < width.length; i++) {
      sb.append(i == 0 ? "" : "-+-").append("-".repeat(width[i]));
    }
    sb.append('\n');
    for (List<String> r : rows) {
      line(sb, r, width);
    }
    if (rows.isEmpty()) {
      sb.append("(no rows)\n");
    }
    return sb.toString();
  }

  private void line(StringBuilder sb, List<String> cells, int[] width) {
    StringBuilder l = new StringBuilder();
    for (int i = 0; i < width.length; i++) {
      if (i > 0) {
        l.append(" | ");
      }
      String c = cells.get(i);
      String pad = " ".repeat(width[i] - c.length());
      l.append(numeric[i] && cells != header ? pad + c : c + pad);
    }
    sb.append(l.toString().stripTrailing()).append('\n');
  }
}
