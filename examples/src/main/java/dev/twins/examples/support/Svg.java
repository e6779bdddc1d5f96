package dev.twins.examples.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Writes small SVG pictures as text: shapes, lines and labels on a fixed canvas. */
public final class Svg {
  /** Eight colours that read well on white, for series and animals. */
  public static final String[] PALETTE = {
    "#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf"
  };

  private final StringBuilder body = new StringBuilder();
  private final int width;
  private final int height;

  /**
   * Starts a picture.
   *
   * @param width in pixels
   * @param height in pixels
   */
  public Svg(int width, int height) {
    this.width = width;
    this.height = height;
  }

  /**
   * Adds a rectangle.
   *
   * @param x left
   * @param y top
   * @param w width
   * @param h height
   * @param fill fill colour
   * @param stroke outline colour, or "none"
   * @return this picture
   */
  public Svg rect(double x, double y, double w, double h, String fill, String stroke) {
    body.append(String.format(Locale.ROOT,
        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" stroke=\"%s\"/>%n",
        x, y, w, h, fill, stroke));
    return this;
  }

  /**
   * Adds a circle.
   *
   * @param cx centre x
   * @param cy centre y
   * @param r radius
   * @param fill fill colour
   * @return this picture
   */
  public Svg circle(double cx, double cy, double r, String fill) {
    body.append(String.format(Locale.ROOT,
        "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\" stroke=\"black\" stroke-width=\"0.5\"/>%n",
        cx, cy, r, fill));
    return this;
  }

  /**
   * Adds a line.
   *
   * @param x1 start x
   * @param y1 start y
   * @param x2 end x
   * @param y2 end y
   * @param stroke colour
   * @param strokeWidth width
   * @return this picture
   */
  public Svg line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth) {
    body.append(String.format(Locale.ROOT,
        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"/>%n",
        x1, y1, x2, y2, stroke, strokeWidth));
    return this;
  }

  /**
   * Adds an open line through points.
   *
   * @param xy x and y of each point, alternating
   * @param stroke colour
   * @param strokeWidth width
   * @param opacity 0 to 1
   * @return this picture
   */
  public Svg polyline(double[] xy, String stroke, double strokeWidth, double opacity) {
    StringBuilder pts = new StringBuilder();
    for (int i = 0; i + 1 < xy.length; i += 2) {
      pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", xy[i], xy[i + 1]));
    }
    body.append(String.format(Locale.ROOT,
        "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"%.1f\" opacity=\"%.2f\"/>%n",
        pts.toString().trim(), stroke, strokeWidth, opacity));
    return this;
  }

  /**
   * Adds a label.
   *
   * @param x left of the text (or its middle if {@code anchor} is "middle")
   * @param y baseline
   * @param size font size
   * @param anchor "start", "middle" or "end"
   * @param text the text (escaped here)
   * @return this picture
   */
  public Svg text(double x, double y, double size, String anchor, String text) {
    body.append(String.format(Locale.ROOT,
        "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.1f\" text-anchor=\"%s\" font-family=\"sans-serif\">%s</text>%n",
        x, y, size, anchor, escape(text)));
    return this;
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** Returns the SVG document. */
  @Override
  public String toString() {
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\"" + height
        + "\" viewBox=\"0 0 " + width + " " + height + "\">\n"
        + "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n" + body + "</svg>\n";
  }

  /**
   * Writes the document to a file.
   *
   * @param file where
   * @return the file
   * @throws UncheckedIOException if it cannot be written
   */
  public Path write(Path file) {
    try {
      return Files.writeString(file, toString(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
