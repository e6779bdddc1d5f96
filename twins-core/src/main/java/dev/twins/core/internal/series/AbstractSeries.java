package dev.twins.core.internal.series;

import dev.twins.core.series.Retention;
import dev.twins.core.series.Run;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.LongPredicate;
import java.util.function.LongToDoubleFunction;

/**
 * What the series of every kind share: a {@link Column}, and the functions that only look at times
 * or at one value word through a function. Every method locks the column, not the series object:
 * a writer that holds the column already (the telemetry hub's slot, through {@link HeldColumns})
 * appends without taking a second lock and without reading the series object at all.
 */
abstract class AbstractSeries {
  final Column column;
  private final Retention retention;

  AbstractSeries(Column column, Retention retention) {
    this.column = column;
    this.retention = retention;
  }

  public Retention retention() {
    return retention;
  }

  public long size() {
    synchronized (column) {
      return column.size();
    }
  }

  public long count(long from, long to) {
    synchronized (column) {
      if (to <= from) {
        return 0;
      }
      Column.Cursor c = column.new Cursor();
      long n = 0;
      int b = c.firstBlockEndingAtOrAfter(from);
      for (; b < c.blocks() && c.firstTimeOf(b) < to; b++) {
        if (c.wholeClosed(b) && c.firstTimeOf(b) >= from && c.lastTimeOf(b) < to) {
          n += c.closed(b).count;
        } else {
          c.load(b);
          int lo = Column.lowerBound(c.t, c.start, c.end, from);
          int hi = Column.lowerBound(c.t, lo, c.end, to);
          n += hi - lo;
        }
      }
      return n;
    }
  }

  public OptionalLong firstTime() {
    synchronized (column) {
      Column.Cursor c = column.new Cursor();
      c.seekFirst();
      return c.valid() ? OptionalLong.of(c.time()) : OptionalLong.empty();
    }
  }

  public OptionalLong lastTime() {
    synchronized (column) {
      Column.Cursor c = column.new Cursor();
      c.seekLast(Long.MAX_VALUE);
      return c.valid() ? OptionalLong.of(c.time()) : OptionalLong.empty();
    }
  }

  public OptionalLong ageMillis(long asOf) {
    synchronized (column) {
      Column.Cursor c = column.new Cursor();
      c.seekLast(asOf);
      return c.valid() ? OptionalLong.of(asOf - c.time()) : OptionalLong.empty();
    }
  }

  public long storedBytes() {
    synchronized (column) {
      return column.storedBytes();
    }
  }

  /**
   * Bytes of the encoded samples alone, the open block counted as raw 64-bit words.
   *
   * @return bytes
   */
  public long encodedBytes() {
    synchronized (column) {
      return column.encodedBytes();
    }
  }

  /** Closes the open block so that every sample is encoded (for measurements and tests). */
  public void flush() {
    synchronized (column) {
      column.flush();
    }
  }

  /** The time-weighted mean of {@code f(word)}; see DoubleSeries#timeWeightedMean. */
  final OptionalDouble timeWeighted(long from, long to, LongToDoubleFunction f) {
    if (to <= from) {
      return OptionalDouble.empty();
    }
    Column.Cursor c = column.new Cursor();
    long prevT;
    long coveredStart;
    c.seekLast(from);
    if (c.valid()) {
      prevT = from;
      coveredStart = from;
    } else {
      c.seek(from);
      if (!c.valid() || c.time() >= to) {
        return OptionalDouble.empty();
      }
      prevT = c.time();
      coveredStart = prevT;
    }
    double prevV = f.applyAsDouble(c.word());
    double integral = 0;
    c.next();
    while (c.valid() && c.time() < to) {
      long t = c.time();
      long dt = t - prevT;
      if (dt > 0) {
        integral += prevV * dt;
      }
      prevT = t;
      prevV = f.applyAsDouble(c.word());
      c.next();
    }
    integral += prevV * (to - prevT);
    return OptionalDouble.of(integral / (to - coveredStart));
  }

  /** The run of samples meeting {@code test}, ending with the newest at or before asOf. */
  final Optional<Run> run(long asOf, LongPredicate test) {
    Column.Cursor c = column.new Cursor();
    c.seekLast(asOf);
    if (!c.valid() || !test.test(c.word())) {
      return Optional.empty();
    }
    long start = c.time();
    long n = 0;
    while (c.valid() && test.test(c.word())) {
      start = c.time();
      n++;
      c.previous();
    }
    return Optional.of(new Run(start, asOf, n));
  }

  /** Copies the words of the newest sample at or before asOf into out; false if none. */
  final boolean wordAt(long asOf, long[] out) {
    if (column.newestOpenWords(asOf, out)) {
      return true;
    }
    Column.Cursor c = column.new Cursor();
    c.seekLast(asOf);
    if (!c.valid()) {
      return false;
    }
    out[0] = c.word();
    if (column.width == 2) {
      out[1] = c.word2();
    }
    return true;
  }

  /** Copies the window's samples: times in {@code out.times}, words in {@code out.words}. */
  final Window window(long from, long to) {
    Window w = new Window(column.width);
    if (to <= from) {
      return w;
    }
    Column.Cursor c = column.new Cursor();
    c.seek(from);
    while (c.valid() && c.time() < to) {
      if (column.width == 1) {
        w.add(c.time(), c.word(), 0);
      } else {
        w.add(c.time(), c.word(), c.word2());
      }
      c.next();
    }
    return w;
  }

  @Override
  public String toString() {
    synchronized (column) {
      return getClass().getSimpleName().replace("Impl", "") + "[size=" + column.size()
          + ", blocks=" + column.blockCount() + ", bytes=" + column.storedBytes() + "]";
    }
  }
}
