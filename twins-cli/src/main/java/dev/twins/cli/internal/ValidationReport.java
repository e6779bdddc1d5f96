package dev.twins.cli.internal;

import dev.twins.core.model.ModelError;
import java.io.PrintWriter;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Writes the results of {@code twins validate}, for humans or as JSON lines. */
public final class ValidationReport {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ValidationReport() {}

  /**
   * Writes a result for a human: each warning as {@code file:line: warning CODE message}, then
   * {@code OK path (N interfaces)} for a valid set; otherwise one line
   * {@code file:line: CODE message (at pointer)} per error and {@code path: N errors}.
   *
   * @param r the result
   * @param out where to write
   */
  public static void human(SetResult r, PrintWriter out) {
    for (ModelError w : r.warnings()) out.println(line(r, w, "warning "));
    if (r.valid()) {
      out.println("OK " + r.label() + " (" + plural(r.interfaces(), "interface") + ")");
      return;
    }
    for (ModelError e : r.errors()) out.println(line(r, e, ""));
    out.println(r.label() + ": " + plural(r.errors().size(), "error"));
  }

  private static String line(SetResult r, ModelError e, String kind) {
    StringBuilder sb = new StringBuilder();
    sb.append(r.location(e)).append(": ").append(kind).append(e.code()).append(' ').append(oneLine(e.message()));
    if (!e.pointer().isEmpty()) sb.append(" (at ").append(e.pointer()).append(')');
    return sb.toString();
  }

  /**
   * Writes a result as one line of JSON: {@code {"path", "valid", "interfaces", "errors":
   * [{"code", "message", "dtmi", "file", "line", "pointer"}], "warnings": [same shape]}}.
   *
   * @param r the result
   * @param out where to write
   */
  public static void json(SetResult r, PrintWriter out) {
    out.println(JSON.writeValueAsString(toJson(r)));
  }

  /**
   * @param r the result
   * @return the JSON object {@link #json} writes
   */
  public static ObjectNode toJson(SetResult r) {
    ObjectNode o = JSON.createObjectNode();
    o.put("path", r.label());
    o.put("valid", r.valid());
    o.put("interfaces", r.interfaces());
    put(o.putArray("errors"), r.errors());
    put(o.putArray("warnings"), r.warnings());
    return o;
  }

  private static void put(ArrayNode array, java.util.List<ModelError> list) {
    for (ModelError e : list) {
      ObjectNode j = array.addObject();
      j.put("code", e.code().name());
      j.put("message", e.message());
      j.put("dtmi", e.dtmi());
      j.put("file", e.source());
      j.put("line", e.line());
      j.put("pointer", e.pointer());
    }
  }

  /** Keeps one error on one line, whatever its message holds. */
  private static String oneLine(String s) {
    return s.replaceAll("\\s*\\R\\s*", " ");
  }

  private static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
