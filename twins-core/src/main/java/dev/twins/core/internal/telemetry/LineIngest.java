package dev.twins.core.internal.telemetry;

import dev.twins.core.model.EnumSchema;
import dev.twins.core.telemetry.DeadLetter;
import dev.twins.core.telemetry.IngestHook;
import dev.twins.core.telemetry.IngestReport;
import dev.twins.core.telemetry.Outcome;
import dev.twins.core.telemetry.TelemetryException;
import dev.twins.core.telemetry.TelemetryMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/** Ingest of NDJSON and CSV text, line by line, each line one message. */
public final class LineIngest {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final JsonMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();
  private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
  private static final List<String> MEMBERS = List.of("twinId", "sourceTime", "values", "component", "messageId");

  private final HubCore core;
  private final String source;
  private long messages;
  private long accepted;
  private long late;
  private long duplicates;
  private long rejected;
  private final List<DeadLetter> rejections = new ArrayList<>();
  /** The ingest hook's stage, or null: messages are then ingested one by one. */
  private final IngestHook.Stage stage;
  /** The staged messages not yet applied, in order. */
  private final List<Staged> staged = new ArrayList<>();

  /** A staged message, applied once the stage says it is durable. */
  private record Staged(TelemetryMessage m, long line, String text, Consumer<DeadLetter> onReject) {}

  /** The messages of a group: the staged messages are made durable and applied a group at a time. */
  static final int STAGE_SIZE = 2048;
  /**
   * How many messages may wait staged: the oldest group is applied once this many are, by when
   * the journal has usually written it already (the ingest then does not wait for it).
   */
  static final int STAGED_MAX = 8 * STAGE_SIZE;

  /**
   * Starts a report.
   *
   * @param core the hub
   * @param source the file or batch name
   */
  public LineIngest(HubCore core, String source) {
    this.core = core;
    this.source = source;
    this.stage = core.stage();
  }

  /**
   * Ingests a batch of messages.
   *
   * @param batch the messages; their position (from 1) is their line in the report
   * @return the report
   */
  public IngestReport batch(Iterable<TelemetryMessage> batch) {
    try {
      long i = 0;
      for (TelemetryMessage m : batch) {
        i++;
        count(submit(m, i, null, this::rejected));
      }
    } finally {
      flush();
    }
    return report();
  }

  /**
   * Ingests a checked message, or stages it (the ingest hook records it; it is applied by
   * {@link #flush}).
   *
   * @return the outcome, or null if staged
   */
  private Outcome submit(TelemetryMessage m, long line, String text, Consumer<DeadLetter> onReject) {
    return submit(m, line, text, onReject, false);
  }

  /**
   * Ingests or stages a message.
   *
   * @param checked whether its twin, telemetry names and values were checked already (a CSV row)
   * @return the outcome, or null if staged
   */
  private Outcome submit(TelemetryMessage m, long line, String text, Consumer<DeadLetter> onReject, boolean checked) {
    if (stage == null) return core.ingest(m, source, line, text, onReject);
    if (!checked) {
      Outcome o = core.checkForStage(m, source, line, text, onReject);
      if (o != null) return o;
    }
    try {
      stage.add(m);
    } catch (RuntimeException ex) {
      return core.notStaged(ex, m, source, line, text, onReject);
    }
    staged.add(new Staged(m, line, text, onReject));
    // the oldest group is applied once later ones are staged: the journal writes them while this reads
    if (staged.size() >= STAGED_MAX) flush(STAGE_SIZE);
    return null;
  }

  /**
   * Waits for the oldest staged messages to be durable, then applies them in order; if they cannot
   * be made durable, none is applied: each is counted as rejected and the ingest throws.
   *
   * @param count how many of the oldest staged messages
   * @throws TelemetryException if the stage could not make them durable
   */
  private void flush(int count) {
    while (count > 0) {
      int k;
      try {
        k = stage.durable(count);
      } catch (RuntimeException ex) {
        List<Staged> dropped = take(count);
        try {
          for (Staged st : dropped) count(core.notStaged(ex, st.m(), source, st.line(), st.text(), st.onReject()));
        } finally {
          stage.applied(count);
        }
        throw new TelemetryException(source + ": " + count + " message(s) from line " + dropped.get(0).line()
            + " on were not applied, since their journal records are not durable: " + ex.getMessage(), ex);
      }
      if (k < 1 || k > count) throw new IllegalStateException("the ingest hook's stage says " + k + " of " + count
          + " messages are durable");
      List<Staged> now = take(k);
      core.applyingStaged(true);
      try {
        for (Staged st : now) count(core.ingestStaged(st.m(), source, st.line(), st.text(), st.onReject()));
      } finally {
        core.applyingStaged(false);
        stage.applied(k);
      }
      count -= k;
    }
  }

  /** Removes and returns the oldest staged messages. */
  private List<Staged> take(int count) {
    List<Staged> now = new ArrayList<>(staged.subList(0, count));
    staged.subList(0, count).clear();
    return now;
  }

  /** Applies every staged message (see {@link #flush(int)}). */
  private void flush() {
    if (stage == null) return;
    while (!staged.isEmpty()) flush(staged.size());
  }

  private void count(Outcome o) {
    if (o == null) return;
    messages++;
    switch (o) {
      case ACCEPTED: accepted++; break;
      case ACCEPTED_LATE: accepted++; late++; break;
      case DUPLICATE: duplicates++; break;
      default: rejected++; break;
    }
  }

  private void rejected(DeadLetter d) {
    if (rejections.size() < IngestReport.MAX_REJECTIONS) rejections.add(d);
  }

  private Outcome reject(long line, String field, String twinId, String reason, String text) {
    return core.reject(new DeadLetter(source, line, field, twinId, reason, text), this::rejected);
  }

  private IngestReport report() {
    if (stage != null) rejections.sort(java.util.Comparator.comparingLong(DeadLetter::line)); // staged ones came later
    return new IngestReport(source, messages, accepted, late, duplicates, rejected, rejections);
  }

  // ------------------------------------------------------------------------------------ NDJSON

  /**
   * Ingests NDJSON: one message object per line.
   *
   * @param in the text
   * @return the report
   * @throws UncheckedIOException if reading fails
   */
  public IngestReport ndjson(Reader in) {
    BufferedReader r = new BufferedReader(in, 1 << 16);
    try {
      String text;
      long line = 0;
      while ((text = r.readLine()) != null) {
        line++;
        if (line == 1 && text.startsWith("\uFEFF")) text = text.substring(1);
        if (text.isBlank()) continue;
        count(ndjsonLine(line, text));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + source + " failed: " + e.getMessage(), e);
    } finally {
      flush(); // what was staged is recorded: it is applied also when reading fails
    }
    return report();
  }

  private Outcome ndjsonLine(long line, String text) {
    JsonNode node;
    try {
      node = MAPPER.readTree(text);
    } catch (JacksonException e) {
      TokenStreamLocation at = e.getLocation();
      String msg = e.getOriginalMessage();
      return reject(line, at == null ? "" : "column " + at.getColumnNr(), "", "not JSON: " + msg, text);
    }
    if (node == null || !node.isObject()) return reject(line, "", "", "expected a JSON object per line", text);
    for (String name : node.propertyNames()) {
      if (!MEMBERS.contains(name)) {
        return reject(line, "/" + name, node.path("twinId").asString(""), "unknown member '" + name + "'; a message has "
            + String.join(", ", MEMBERS), text);
      }
    }
    JsonNode twin = node.get("twinId");
    if (twin == null || !twin.isString() || twin.asString().isEmpty()) {
      return reject(line, "/twinId", "", "twinId must be a non-empty string", text);
    }
    String twinId = twin.asString();
    JsonNode time = node.get("sourceTime");
    long t;
    if (time == null) return reject(line, "/sourceTime", twinId, "sourceTime is missing", text);
    if (time.isIntegralNumber() && time.canConvertToLong()) {
      t = time.asLong();
    } else if (time.isString()) {
      try {
        t = TimeText.parse(time.asString(), core.settings().localZone());
      } catch (IllegalArgumentException e) {
        return reject(line, "/sourceTime", twinId, e.getMessage(), text);
      }
    } else {
      return reject(line, "/sourceTime", twinId, "sourceTime must be an RFC 3339 string or epoch milliseconds, got "
          + time, text);
    }
    JsonNode values = node.get("values");
    if (values == null || !values.isObject() || values.isEmpty()) {
      return reject(line, "/values", twinId, "values must be an object with at least one telemetry value", text);
    }
    Optional<String> component = Optional.empty();
    JsonNode c = node.get("component");
    if (c != null) {
      if (!c.isString()) return reject(line, "/component", twinId, "component must be a string", text);
      component = Optional.of(c.asString());
    }
    Optional<String> id = Optional.empty();
    JsonNode mid = node.get("messageId");
    if (mid != null) {
      if (!mid.isString() || mid.asString().isEmpty()) {
        return reject(line, "/messageId", twinId, "messageId must be a non-empty string", text);
      }
      id = Optional.of(mid.asString());
    }
    Map<String, JsonNode> v = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : values.properties()) v.put(e.getKey(), e.getValue());
    TelemetryMessage m = new TelemetryMessage(twinId, component, t, v, id);
    return submit(m, line, text, d -> rejected(new DeadLetter(d.source(), d.line(),
        d.field().isEmpty() ? "" : "/values/" + d.field(), d.twinId(), d.reason(), d.text())));
  }

  // ------------------------------------------------------------------------------------ CSV

  /**
   * Ingests CSV: a header naming {@code twinId}, {@code sourceTime}, optionally {@code messageId}
   * and {@code component}, and one column per telemetry; one message per row.
   *
   * @param in the text
   * @return the report
   * @throws TelemetryException if the header is missing or unusable
   * @throws UncheckedIOException if reading fails
   */
  public IngestReport csv(Reader in) {
    BufferedReader r = new BufferedReader(in, 1 << 16);
    try {
      String text = r.readLine();
      long line = 1;
      while (text != null && text.isBlank()) {
        text = r.readLine();
        line++;
      }
      if (text == null) throw new TelemetryException(source + ": no header line; CSV telemetry needs one (twinId,sourceTime,<telemetry>...)");
      if (text.startsWith("\uFEFF")) text = text.substring(1);
      List<String> header;
      try {
        header = split(text);
      } catch (IllegalArgumentException e) {
        throw new TelemetryException(source + ":" + line + ": header: " + e.getMessage());
      }
      int twinCol = -1;
      int timeCol = -1;
      int idCol = -1;
      int compCol = -1;
      HashSet<String> seen = new HashSet<>();
      for (int i = 0; i < header.size(); i++) {
        String h = header.get(i).trim();
        header.set(i, h);
        if (h.isEmpty()) throw new TelemetryException(source + ":" + line + ": header column " + (i + 1) + " has no name");
        if (!seen.add(h)) throw new TelemetryException(source + ":" + line + ": header names '" + h + "' twice");
        switch (h) {
          case "twinId": twinCol = i; break;
          case "sourceTime": timeCol = i; break;
          case "messageId": idCol = i; break;
          case "component": compCol = i; break;
          default: break;
        }
      }
      if (twinCol < 0 || timeCol < 0) {
        throw new TelemetryException(source + ":" + line + ": the header must name columns twinId and sourceTime, got "
            + String.join(",", header));
      }
      if (header.size() == 2 + (idCol < 0 ? 0 : 1) + (compCol < 0 ? 0 : 1)) {
        throw new TelemetryException(source + ":" + line + ": the header names no telemetry column");
      }
      while ((text = r.readLine()) != null) {
        line++;
        if (text.isBlank()) continue;
        count(csvRow(line, text, header, twinCol, timeCol, idCol, compCol));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + source + " failed: " + e.getMessage(), e);
    } finally {
      flush(); // what was staged is recorded: it is applied also when reading fails
    }
    return report();
  }

  private static String col(List<String> header, int i) {
    return header.get(i) + " (column " + (i + 1) + ")";
  }

  private Outcome csvRow(long line, String text, List<String> header, int twinCol, int timeCol, int idCol,
      int compCol) {
    List<String> cells;
    try {
      cells = split(text);
    } catch (IllegalArgumentException e) {
      return reject(line, "", "", e.getMessage(), text);
    }
    if (cells.size() != header.size()) {
      return reject(line, "", "", "the row has " + cells.size() + " fields, the header " + header.size(), text);
    }
    String twinId = cells.get(twinCol).trim();
    if (twinId.isEmpty()) return reject(line, col(header, twinCol), "", "twinId is empty", text);
    long t;
    try {
      t = TimeText.parse(cells.get(timeCol), core.settings().localZone());
    } catch (IllegalArgumentException e) {
      return reject(line, col(header, timeCol), twinId, e.getMessage(), text);
    }
    Optional<String> component = compCol < 0 || cells.get(compCol).isEmpty() ? Optional.empty()
        : Optional.of(cells.get(compCol));
    Optional<String> id = idCol < 0 || cells.get(idCol).isEmpty() ? Optional.empty() : Optional.of(cells.get(idCol));
    TwinState tw = core.resolve(twinId);
    if (tw == null) return reject(line, col(header, twinCol), twinId, "no twin '" + twinId + "' in the graph", text);
    Map<String, JsonNode> values = new LinkedHashMap<>();
    for (int i = 0; i < cells.size(); i++) {
      if (i == twinCol || i == timeCol || i == idCol || i == compCol) continue;
      String cell = cells.get(i);
      if (cell.isEmpty()) continue;
      String name = header.get(i);
      String key = component.map(c -> c + "/" + name).orElse(name);
      Slot s = tw.slot(key);
      if (s == null) return reject(line, col(header, i), twinId, "twin '" + twinId + "' (" + tw.model.id()
          + ") declares no Telemetry '" + key + "'", text);
      JsonNode v;
      try {
        v = cellValue(s, cell);
      } catch (IllegalArgumentException e) {
        return reject(line, col(header, i), twinId, e.getMessage(), text);
      }
      String problem = s.check(v);
      if (problem != null) return reject(line, col(header, i), twinId, problem, text);
      values.put(name, v);
    }
    if (values.isEmpty()) return reject(line, "", twinId, "the row has no telemetry values", text);
    TelemetryMessage m = new TelemetryMessage(twinId, component, t, values, id);
    return submit(m, line, text, this::rejected, true);
  }

  private static JsonNode cellValue(Slot s, String cell) {
    String c = cell.trim();
    switch (s.kind) {
      case DOUBLE:
      case INTEGRAL:
        return number(c);
      case BOOLEAN:
        if (c.equals("true") || c.equals("1")) return NODES.booleanNode(true);
        if (c.equals("false") || c.equals("0")) return NODES.booleanNode(false);
        throw new IllegalArgumentException("not a boolean: " + TimeText.quote(cell) + " (true, false, 1 or 0)");
      default:
        if (c.startsWith("{") || c.startsWith("[")) {
          try {
            return MAPPER.readTree(c);
          } catch (JacksonException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
          }
        }
        if (s.telemetry.schema() instanceof EnumSchema e && e.valueSchema().isNumeric()) return number(c);
        return NODES.stringNode(cell);
    }
  }

  private static JsonNode number(String c) {
    if (c.equalsIgnoreCase("nan") || c.toLowerCase(java.util.Locale.ROOT).matches("[-+]?inf(inity)?")) {
      throw new IllegalArgumentException("not a finite number: " + TimeText.quote(c));
    }
    if (!NUMBER.matcher(c).matches()) throw new IllegalArgumentException("not a number: " + TimeText.quote(c));
    if (c.indexOf('.') < 0 && c.indexOf('e') < 0 && c.indexOf('E') < 0) {
      try {
        return NODES.numberNode(Long.parseLong(c.startsWith("+") ? c.substring(1) : c));
      } catch (NumberFormatException e) {
        // too long for a long: read as a double
      }
    }
    double d = Double.parseDouble(c);
    if (!Double.isFinite(d)) throw new IllegalArgumentException("out of range: " + TimeText.quote(c));
    return NODES.numberNode(d);
  }

  /** Splits one CSV record (RFC 4180 quoting; a quoted field cannot span lines). */
  static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder b = new StringBuilder();
    int i = 0;
    int n = line.length();
    while (true) {
      b.setLength(0);
      if (i < n && line.charAt(i) == '"') {
        int start = i;
        i++;
        while (true) {
          if (i >= n) throw new IllegalArgumentException("unclosed quote in field " + (out.size() + 1) + " (from character "
              + (start + 1) + ")");
          char ch = line.charAt(i);
          if (ch == '"') {
            if (i + 1 < n && line.charAt(i + 1) == '"') {
              b.append('"');
              i += 2;
            } else {
              i++;
              break;
            }
          } else {
            b.append(ch);
            i++;
          }
        }
        if (i < n && line.charAt(i) != ',') {
          throw new IllegalArgumentException("field " + (out.size() + 1) + " has text after its closing quote");
        }
      } else {
        while (i < n && line.charAt(i) != ',') b.append(line.charAt(i++));
      }
      out.add(b.toString());
      if (i >= n) return out;
      i++; // comma
    }
  }
}
