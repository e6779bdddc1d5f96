package dev.twins.examples.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Reads the comma-separated files of the example data, plain or as the one entry of a zip. */
public final class Csv {
  private Csv() {}

  /**
   * Splits one CSV line: fields separated by commas, double-quoted fields may hold commas, and
   * {@code ""} inside quotes is a quote.
   *
   * @param line the line, without its line ending
   * @return the fields, unquoted
   */
  public static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder f = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          f.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          f.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(f.toString());
        f.setLength(0);
      } else {
        f.append(c);
      }
    }
    out.add(f.toString());
    return out;
  }

  /**
   * Calls {@code line} with every line of the single file inside a zip (a byte order mark at the
   * start is dropped).
   *
   * @param zip the zip file
   * @param line receives each line, the header included
   * @throws UncheckedIOException if the zip cannot be read or does not hold exactly one file
   */
  public static void linesOfZip(Path zip, Consumer<String> line) {
    try (ZipFile z = new ZipFile(zip.toFile(), StandardCharsets.UTF_8)) {
      List<ZipEntry> files = new ArrayList<>();
      for (Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        if (!entry.isDirectory()) {
          files.add(entry);
        }
      }
      if (files.size() != 1) {
        throw new IOException(zip + ": expected one file in the zip, found " + files.size());
      }
      try (BufferedReader r = new BufferedReader(
          new InputStreamReader(z.getInputStream(files.get(0)), StandardCharsets.UTF_8))) {
        boolean first = true;
        for (String s = r.readLine(); s != null; s = r.readLine()) {
          if (first && s.startsWith("\uFEFF")) {
            s = s.substring(1);
          }
          first = false;
          line.accept(s);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
