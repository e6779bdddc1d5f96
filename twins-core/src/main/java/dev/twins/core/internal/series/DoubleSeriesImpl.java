package dev.twins.core.internal.series;

import dev.twins.core.series.DoubleCursor;
import dev.twins.core.series.DoubleSeries;
import dev.twins.core.series.Retention;
import dev.twins.core.series.Run;
import dev.twins.core.series.SeriesKind;
import dev.twins.core.series.Side;
import dev.twins.core.series.Trend;
import dev.twins.core.series.WindowStats;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/** A series of doubles over a {@link Column} of raw double bits. */
public final class DoubleSeriesImpl extends AbstractSeries implements DoubleSeries {
  DoubleSeriesImpl(Column column, Retention retention) {
    super(column, retention);
  }

  private static double d(long bits) {
    return Double.longBitsToDouble(bits);
  }

  @Override
  public SeriesKind kind() {
    return SeriesKind.DOUBLE;
  }

  @Override
  public boolean append(long time, double value) {
    synchronized (column) {
      return column.append(time, Double.doubleToRawLongBits(value));
    }
  }

  @Override
  public OptionalDouble last() {
    return valueAt(Long.MAX_VALUE);
  }

  @Override
  public OptionalDouble valueAt(long asOf) {
    synchronized (column) {
      long[] w = new long[1];
      return wordAt(asOf, w) ? OptionalDouble.of(d(w[0])) : OptionalDouble.empty();
    }
  }

  @Override
  public DoubleCursor scan(long from, long to) {
    Window w;
    synchronized (column) {
      w = window(from, to);
    }
    final class Cursor extends WindowCursor implements DoubleCursor {
      Cursor(Window window) {
        super(window);
      }

      @Override
      public double value() {
        return d(w.words[at()]);
      }
    }
    return new Cursor(w);
  }

  @Override
  public WindowStats stats(long from, long to) {
    synchronized (column) {
      if (to <= from) {
        return WindowStats.EMPTY;
      }
      Column.Cursor c = column.new Cursor();
      long n = 0;
      double sum = 0;
      double mean = 0;
      double m2 = 0;
      double min = Double.NaN;
      double max = Double.NaN;
      for (int b = c.firstBlockEndingAtOrAfter(from); b < c.blocks() && c.firstTimeOf(b) < to;
          b++) {
        long bn;
        double bsum;
        double bmean;
        double bm2;
        double bmin;
        double bmax;
        if (c.wholeClosed(b) && c.firstTimeOf(b) >= from && c.lastTimeOf(b) < to) {
          Block bl = c.closed(b);
          bn = bl.count;
          bsum = bl.sum;
          bmean = bl.mean;
          bm2 = bl.m2;
          bmin = bl.min;
          bmax = bl.max;
        } else {
          c.load(b);
          int lo = Column.lowerBound(c.t, c.start, c.end, from);
          int hi = Column.lowerBound(c.t, lo, c.end, to);
          if (hi == lo) {
            continue;
          }
          bn = hi - lo;
          bsum = 0;
          bmin = d(c.v[lo]);
          bmax = bmin;
          for (int i = lo; i < hi; i++) {
            double x = d(c.v[i]);
            bsum += x;
            bmin = Math.min(bmin, x);
            bmax = Math.max(bmax, x);
          }
          bmean = bsum / bn;
          bm2 = 0;
          for (int i = lo; i < hi; i++) {
            double e = d(c.v[i]) - bmean;
            bm2 += e * e;
          }
        }
        if (n == 0) {
          n = bn;
          sum = bsum;
          mean = bmean;
          m2 = bm2;
          min = bmin;
          max = bmax;
        } else {
          long total = n + bn;
          double delta = bmean - mean;
          m2 = m2 + bm2 + delta * delta * ((double) n * bn / total);
          mean = mean + delta * bn / total;
          sum += bsum;
          min = Math.min(min, bmin);
          max = Math.max(max, bmax);
          n = total;
        }
      }
      if (n == 0) {
        return WindowStats.EMPTY;
      }
      double stddev = n < 2 ? Double.NaN : Math.sqrt(m2 / (n - 1));
      return new WindowStats(n, sum, sum / n, min, max, stddev);
    }
  }

  @Override
  public OptionalDouble mean(long from, long to) {
    synchronized (column) {
      if (to <= from) {
        return OptionalDouble.empty();
      }
      Column.Cursor c = column.new Cursor();
      long n = 0;
      double sum = 0;
      for (int b = c.firstBlockEndingAtOrAfter(from); b < c.blocks() && c.firstTimeOf(b) < to;
          b++) {
        if (c.wholeClosed(b) && c.firstTimeOf(b) >= from && c.lastTimeOf(b) < to) {
          Block bl = c.closed(b);
          n += bl.count;
          sum += bl.sum;
        } else if (c.wholeClosed(b) && to != Long.MAX_VALUE) {
          // a closed block the window cuts: decode only the prefix that matters
          Block bl = c.closed(b);
          int lo = bl.firstTime >= from ? 0 : c.timesUntil(b, from);
          if (bl.lastTime < to) {
            boolean finite = Double.isFinite(bl.min) && Double.isFinite(bl.max)
                && Double.isFinite(bl.sum);
            sum += finite && lo * 2 < bl.count
                ? bl.sum - c.sumValues(b, 0, lo) : c.sumValues(b, lo, bl.count);
            n += bl.count - lo;
          } else {
            int hi = c.timesUntil(b, to);
            sum += c.sumValues(b, lo, hi);
            n += hi - lo;
          }
        } else {
          c.load(b);
          int lo = Column.lowerBound(c.t, c.start, c.end, from);
          int hi = Column.lowerBound(c.t, lo, c.end, to);
          n += hi - lo;
          for (int i = lo; i < hi; i++) {
            sum += d(c.v[i]);
          }
        }
      }
      return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(sum / n);
    }
  }

  @Override
  public OptionalDouble percentile(long from, long to, double percent) {
    if (!(percent > 0 && percent <= 100)) {
      throw new IllegalArgumentException("percentile must be in (0, 100], got " + percent);
    }
    Window w;
    synchronized (column) {
      w = window(from, to);
    }
    if (w.size == 0) {
      return OptionalDouble.empty();
    }
    double[] xs = new double[w.size];
    for (int i = 0; i < w.size; i++) {
      xs[i] = d(w.words[i]);
    }
    return OptionalDouble.of(new Percentile().evaluate(xs, percent));
  }

  @Override
  public OptionalDouble timeWeightedMean(long from, long to) {
    synchronized (column) {
      if (to <= from) {
        return OptionalDouble.empty();
      }
      Column.Cursor c = column.new Cursor();
      long prevT;
      long coveredStart;
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
      double prevV = d(c.word());
      double integral = 0;
      boolean done = false;
      int b = c.index();
      for (int i = c.pos + 1; i < c.end; i++) {
        long t = c.t[i];
        if (t >= to) {
          done = true;
          break;
        }
        if (t != prevT) {
          integral += prevV * (t - prevT);
        }
        prevT = t;
        prevV = d(c.v[i]);
      }
      for (b++; !done && b < c.blocks(); b++) {
        if (c.wholeClosed(b) && c.lastTimeOf(b) < to) {
          // a closed block inside the window: its own integral, and the step into it
          Block bl = c.closed(b);
          if (bl.firstTime != prevT) {
            integral += prevV * (bl.firstTime - prevT);
          }
          integral += bl.integral;
          prevT = bl.lastTime;
          prevV = bl.lastValue;
          continue;
        }
        c.load(b);
        for (int i = c.start; i < c.end; i++) {
          long t = c.t[i];
          if (t >= to) {
            done = true;
            break;
          }
          if (t != prevT) {
            integral += prevV * (t - prevT);
          }
          prevT = t;
          prevV = d(c.v[i]);
        }
      }
      integral += prevV * (to - prevT);
      return OptionalDouble.of(integral / (to - coveredStart));
    }
  }

  @Override
  public Optional<Run> currentRun(Side side, double threshold, long asOf) {
    synchronized (column) {
      return run(asOf, w -> side.test(d(w), threshold));
    }
  }

  @Override
  public Optional<Trend> trend(long from, long to) {
    synchronized (column) {
      if (to <= from) {
        return Optional.empty();
      }
      Column.Cursor c = column.new Cursor();
      c.seek(from);
      if (!c.valid() || c.time() >= to) {
        return Optional.empty();
      }
      long t0 = c.time();
      long last = t0;
      SimpleRegression r = new SimpleRegression();
      while (c.valid() && c.time() < to) {
        last = c.time();
        r.addData((double) (last - t0), d(c.word()));
        c.next();
      }
      double slope = r.getSlope();
      if (r.getN() < 2 || Double.isNaN(slope) || last == t0) {
        return Optional.empty();
      }
      double value = r.predict((double) (last - t0));
      return Optional.of(new Trend(last, value, slope, r.getN()));
    }
  }

  @Override
  public OptionalLong millisUntil(double threshold, long from, long to) {
    Optional<Trend> t = trend(from, to);
    return t.isPresent() ? t.get().millisUntil(threshold, to) : OptionalLong.empty();
  }

  @Override
  public OptionalDouble zScore(long from, long to) {
    synchronized (column) {
      if (to <= from) {
        return OptionalDouble.empty();
      }
      WindowStats s = stats(from, to);
      if (s.count() < 2 || !(s.stddev() > 0)) {
        return OptionalDouble.empty();
      }
      long[] w = new long[1];
      wordAt(to - 1, w);
      return OptionalDouble.of((d(w[0]) - s.mean()) / s.stddev());
    }
  }
}
