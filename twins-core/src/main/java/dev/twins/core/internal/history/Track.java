package dev.twins.core.internal.history;

import dev.twins.core.history.PropertyChange;
import dev.twins.core.series.DoubleCursor;
import dev.twins.core.series.DoubleSeries;
import dev.twins.core.series.Retention;
import dev.twins.core.series.Series;
import dev.twins.core.series.SeriesBlocks;
import dev.twins.core.series.SeriesKind;
import dev.twins.core.series.StringCursor;
import dev.twins.core.series.StringSeries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The history of one property of one twin, over one series: a {@link DoubleSeries} while the
 * property has only held numbers that a double represents exactly (absence is NaN, which no JSON
 * number is), else a {@link StringSeries} of JSON texts (absence is the empty text, which no JSON
 * text is), whose dictionary keeps booleans and enum values small. A number series becomes a text
 * series, its samples copied, on the first value it cannot hold.
 */
final class Track {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final double EXACT = 9_007_199_254_740_992d;

  private final Retention retention;
  private DoubleSeries numbers;
  private StringSeries texts;
  /** Whether every number recorded was a JSON integer. */
  private boolean integral = true;
  private boolean recorded;
  /** The value of the newest change recorded, null when absent. */
  private JsonNode last;

  Track(Retention retention) {
    this.retention = retention;
  }

  /** A history put back from its stored series (numbers, or JSON texts). */
  static Track restored(Retention retention, boolean integral, SeriesBlocks.Contents contents) {
    Track t = new Track(retention);
    t.integral = integral;
    if (contents.kind() == SeriesKind.DOUBLE) {
      t.numbers = Series.doubles(retention);
      SeriesBlocks.restore(t.numbers, contents);
      OptionalLong last = t.numbers.lastTime();
      if (last.isPresent()) {
        t.recorded = true;
        t.last = t.number(t.numbers.valueAt(last.getAsLong()).orElseThrow());
      }
    } else if (contents.kind() == SeriesKind.STRING) {
      t.texts = Series.strings(retention);
      SeriesBlocks.restore(t.texts, contents);
      OptionalLong last = t.texts.lastTime();
      if (last.isPresent()) {
        t.recorded = true;
        t.last = text(t.texts.valueAt(last.getAsLong()).orElseThrow());
      }
    } else {
      throw new IllegalArgumentException("a property history is a series of numbers or texts, not " + contents.kind());
    }
    return t;
  }

  /** @return the series' contents, null if nothing was recorded (called under the lock) */
  SeriesBlocks.Contents contents() {
    return numbers != null ? SeriesBlocks.export(numbers) : texts != null ? SeriesBlocks.export(texts) : null;
  }

  /** @return whether every number recorded was an integer (called under the lock) */
  boolean integral() {
    return integral;
  }

  /**
   * Records a change, unless the value is the one in effect.
   *
   * @param time epoch milliseconds
   * @param value the new value, null for absent
   */
  synchronized void record(long time, JsonNode value) {
    if (recorded && Objects.equals(last, value)) return;
    if (numbers == null && texts == null) {
      if (value != null && fitsDouble(value)) numbers = Series.doubles(retention);
      else texts = Series.strings(retention);
    }
    boolean stored;
    if (numbers != null && (value == null || fitsDouble(value))) {
      stored = numbers.append(time, value == null ? Double.NaN : value.doubleValue());
      if (stored && value != null && !value.isIntegralNumber()) integral = false;
    } else {
      if (numbers != null) toTexts();
      stored = texts.append(time, value == null ? "" : value.toString());
    }
    if (stored) {
      recorded = true;
      last = value;
    }
  }

  private static boolean fitsDouble(JsonNode v) {
    if (v.isIntegralNumber()) return v.canConvertToLong() && Math.abs((double) v.longValue()) <= EXACT;
    return v.isDouble();
  }

  private void toTexts() {
    StringSeries s = Series.strings(retention);
    DoubleCursor c = numbers.scan(Long.MIN_VALUE, Long.MAX_VALUE);
    while (c.next()) {
      JsonNode v = number(c.value());
      s.append(c.time(), v == null ? "" : v.toString());
    }
    texts = s;
    numbers = null;
  }

  private JsonNode number(double d) {
    if (Double.isNaN(d)) return null;
    if (integral) {
      long l = (long) d;
      return l == (int) l ? NODES.numberNode((int) l) : NODES.numberNode(l);
    }
    return NODES.numberNode(d);
  }

  private static JsonNode text(String s) {
    return s.isEmpty() ? null : MAPPER.readTree(s);
  }

  /**
   * @param at epoch milliseconds
   * @return the value in effect then, null when absent or unknown
   */
  synchronized JsonNode valueAt(long at) {
    if (numbers != null) {
      OptionalDouble d = numbers.valueAt(at);
      return d.isPresent() ? number(d.getAsDouble()) : null;
    }
    if (texts != null) {
      Optional<String> s = texts.valueAt(at);
      return s.isPresent() ? text(s.get()) : null;
    }
    return null;
  }

  /**
   * @param from start, inclusive
   * @param to end, exclusive
   * @param rest the names inside the value to read
   * @return the changes of the value at {@code rest}, consecutive equal values merged
   */
  synchronized List<PropertyChange> changes(long from, long to, List<String> rest) {
    List<PropertyChange> out = new ArrayList<>();
    JsonNode[] prev = {null};
    boolean[] any = {false};
    java.util.function.ObjLongConsumer<JsonNode> add = (v, t) -> {
      JsonNode n = HistoryRecorder.navigate(v, rest);
      if (any[0] && Objects.equals(prev[0], n)) return;
      any[0] = true;
      prev[0] = n;
      out.add(new PropertyChange(Instant.ofEpochMilli(t), Optional.ofNullable(n)));
    };
    if (numbers != null) {
      DoubleCursor c = numbers.scan(from, to);
      while (c.next()) add.accept(number(c.value()), c.time());
    } else if (texts != null) {
      StringCursor c = texts.scan(from, to);
      while (c.next()) add.accept(text(c.value()), c.time());
    }
    return out;
  }

  synchronized OptionalLong firstTime() {
    return numbers != null ? numbers.firstTime() : texts != null ? texts.firstTime() : OptionalLong.empty();
  }

  synchronized long storedBytes() {
    return numbers != null ? numbers.storedBytes() : texts != null ? texts.storedBytes() : 0;
  }
}
