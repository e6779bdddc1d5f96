package dev.twins.core.internal.series;

import dev.twins.core.series.BooleanCursor;
import dev.twins.core.series.BooleanSeries;
import dev.twins.core.series.Retention;
import dev.twins.core.series.Run;
import dev.twins.core.series.SeriesKind;
import java.util.Optional;
import java.util.OptionalDouble;

/** A series of booleans over a {@link Column} of 0/1 words. */
public final class BooleanSeriesImpl extends AbstractSeries implements BooleanSeries {
  BooleanSeriesImpl(Column column, Retention retention) {
    super(column, retention);
  }

  @Override
  public SeriesKind kind() {
    return SeriesKind.BOOLEAN;
  }

  @Override
  public boolean append(long time, boolean value) {
    synchronized (column) {
      return column.append(time, value ? 1L : 0L);
    }
  }

  @Override
  public Optional<Boolean> last() {
    return valueAt(Long.MAX_VALUE);
  }

  @Override
  public Optional<Boolean> valueAt(long asOf) {
    synchronized (column) {
      long[] w = new long[1];
      return wordAt(asOf, w) ? Optional.of(w[0] != 0) : Optional.empty();
    }
  }

  @Override
  public BooleanCursor scan(long from, long to) {
    Window w;
    synchronized (column) {
      w = window(from, to);
    }
    final class Cursor extends WindowCursor implements BooleanCursor {
      Cursor(Window window) {
        super(window);
      }

      @Override
      public boolean value() {
        return w.words[at()] != 0;
      }
    }
    return new Cursor(w);
  }

  @Override
  public long countTrue(long from, long to) {
    synchronized (column) {
      if (to <= from) {
        return 0;
      }
      Column.Cursor c = column.new Cursor();
      c.seek(from);
      long n = 0;
      while (c.valid() && c.time() < to) {
        n += c.word();
        c.next();
      }
      return n;
    }
  }

  @Override
  public OptionalDouble trueShare(long from, long to) {
    synchronized (column) {
      if (to <= from) {
        return OptionalDouble.empty();
      }
      Column.Cursor c = column.new Cursor();
      long prevT;
      long coveredStart;
      long prevV = 0;
      // the time true, summed exactly: whole closed blocks inside the window add their own
      long trueTime = 0;
      boolean done = false;
      int b = c.lastBlockStartingAtOrBefore(from);
      if (b >= 0 && c.firstTimeOf(b) == from && c.wholeClosed(b)) {
        // the window starts with a block: the loop below takes it whole, without decoding it
        prevT = from;
        coveredStart = from;
      } else if (b < 0 && c.blocks() > 0 && c.wholeClosed(0)) {
        // every sample is after from: the window is covered from the first one on
        prevT = c.firstTimeOf(0);
        if (prevT >= to) {
          return OptionalDouble.empty();
        }
        coveredStart = prevT;
        b = 0;
      } else {
        c.seekLast(from);
        if (c.valid()) {
          prevT = from;
        } else {
          c.seek(from);
          if (!c.valid() || c.time() >= to) {
            return OptionalDouble.empty();
          }
          prevT = c.time();
        }
        coveredStart = prevT;
        prevV = c.word();
        b = c.index();
        for (int i = c.pos + 1; i < c.end; i++) {
          long t = c.t[i];
          if (t >= to) {
            done = true;
            break;
          }
          trueTime += prevV * (t - prevT);
          prevT = t;
          prevV = c.v[i];
        }
        b++;
      }
      for (; !done && b < c.blocks(); b++) {
        if (c.wholeClosed(b) && c.lastTimeOf(b) < to) {
          Block bl = c.closed(b);
          trueTime += prevV * (bl.firstTime - prevT) + (long) bl.integral;
          prevT = bl.lastTime;
          prevV = (long) bl.lastValue;
          continue;
        }
        c.load(b);
        for (int i = c.start; i < c.end; i++) {
          long t = c.t[i];
          if (t >= to) {
            done = true;
            break;
          }
          trueTime += prevV * (t - prevT);
          prevT = t;
          prevV = c.v[i];
        }
      }
      trueTime += prevV * (to - prevT);
      return OptionalDouble.of((double) trueTime / (to - coveredStart));
    }
  }

  @Override
  public Optional<Run> currentRun(boolean value, long asOf) {
    synchronized (column) {
      long want = value ? 1 : 0;
      return run(asOf, w -> w == want);
    }
  }
}
