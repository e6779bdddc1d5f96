package dev.twins.core.internal.series;

import dev.twins.core.series.Retention;
import dev.twins.core.series.Run;
import dev.twins.core.series.SeriesKind;
import dev.twins.core.series.StringCursor;
import dev.twins.core.series.StringSeries;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A series of strings over a {@link Column} of dictionary codes. The dictionary keeps every
 * distinct value ever appended (enums have few; free text should not be stored as a series).
 */
public final class StringSeriesImpl extends AbstractSeries implements StringSeries {
  private final Map<String, Integer> codes = new HashMap<>();
  private final List<String> dictionary = new ArrayList<>();

  StringSeriesImpl(Column column, Retention retention) {
    super(column, retention);
  }

  /** A copy of the dictionary, values by code (under the series' lock). */
  List<String> dictionaryCopy() {
    return List.copyOf(dictionary);
  }

  /** Whether no value was ever appended (under the series' lock). */
  boolean dictionaryEmpty() {
    return dictionary.isEmpty();
  }

  /** Sets the dictionary of a restored series, which had none; the values are distinct (under the series' lock). */
  void restoreDictionary(List<String> values) {
    for (String v : values) {
      codes.put(v, dictionary.size());
      dictionary.add(v);
    }
  }

  @Override
  public SeriesKind kind() {
    return SeriesKind.STRING;
  }

  @Override
  public boolean append(long time, String value) {
    synchronized (column) {
      Objects.requireNonNull(value, "value");
      Integer code = codes.get(value);
      if (code == null) {
        code = dictionary.size();
        dictionary.add(value);
        codes.put(value, code);
      }
      return column.append(time, code);
    }
  }

  @Override
  public Optional<String> last() {
    return valueAt(Long.MAX_VALUE);
  }

  @Override
  public Optional<String> valueAt(long asOf) {
    synchronized (column) {
      long[] w = new long[1];
      return wordAt(asOf, w) ? Optional.of(dictionary.get((int) w[0])) : Optional.empty();
    }
  }

  @Override
  public StringCursor scan(long from, long to) {
    Window w;
    List<String> dict;
    synchronized (column) {
      w = window(from, to);
      dict = List.copyOf(dictionary);
    }
    final class Cursor extends WindowCursor implements StringCursor {
      Cursor(Window window) {
        super(window);
      }

      @Override
      public String value() {
        return dict.get((int) w.words[at()]);
      }
    }
    return new Cursor(w);
  }

  @Override
  public OptionalDouble share(String value, long from, long to) {
    synchronized (column) {
      Integer code = codes.get(Objects.requireNonNull(value, "value"));
      long want = code == null ? -1 : code;
      return timeWeighted(from, to, w -> w == want ? 1.0 : 0.0);
    }
  }

  @Override
  public Optional<Run> currentRun(long asOf) {
    synchronized (column) {
      long[] w = new long[1];
      if (!wordAt(asOf, w)) {
        return Optional.empty();
      }
      long want = w[0];
      return run(asOf, x -> x == want);
    }
  }
}
