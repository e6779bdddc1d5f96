package dev.twins.core.internal.series;

import dev.twins.core.series.GeoCursor;
import dev.twins.core.series.GeoPoint;
import dev.twins.core.series.GeoSeries;
import dev.twins.core.series.Retention;
import dev.twins.core.series.Run;
import dev.twins.core.series.SeriesKind;
import java.util.Optional;
import java.util.OptionalDouble;

/** A series of points over a {@link Column} of two words: longitude and latitude bits. */
public final class GeoSeriesImpl extends AbstractSeries implements GeoSeries {
  GeoSeriesImpl(Column column, Retention retention) {
    super(column, retention);
  }

  private static double d(long bits) {
    return Double.longBitsToDouble(bits);
  }

  @Override
  public SeriesKind kind() {
    return SeriesKind.GEO_POINT;
  }

  @Override
  public boolean append(long time, double lon, double lat) {
    synchronized (column) {
      GeoPoint.check(lon, lat);
      return column.append(time, Double.doubleToRawLongBits(lon), Double.doubleToRawLongBits(lat));
    }
  }

  @Override
  public Optional<GeoPoint> last() {
    return valueAt(Long.MAX_VALUE);
  }

  @Override
  public Optional<GeoPoint> valueAt(long asOf) {
    synchronized (column) {
      long[] w = new long[2];
      return wordAt(asOf, w) ? Optional.of(new GeoPoint(d(w[0]), d(w[1]))) : Optional.empty();
    }
  }

  @Override
  public GeoCursor scan(long from, long to) {
    Window w;
    synchronized (column) {
      w = window(from, to);
    }
    final class Cursor extends WindowCursor implements GeoCursor {
      Cursor(Window window) {
        super(window);
      }

      @Override
      public double lon() {
        return d(w.words[2 * at()]);
      }

      @Override
      public double lat() {
        return d(w.words[2 * at() + 1]);
      }
    }
    return new Cursor(w);
  }

  @Override
  public Optional<Run> stayWithin(double radiusMetres, long asOf) {
    synchronized (column) {
      if (!(radiusMetres >= 0)) {
        throw new IllegalArgumentException("radius must be a number >= 0 metres, got " + radiusMetres);
      }
      Column.Cursor c = column.new Cursor();
      c.seekLast(asOf);
      if (!c.valid()) {
        return Optional.empty();
      }
      double lon = d(c.word());
      double lat = d(c.word2());
      long start = c.time();
      long n = 0;
      while (c.valid()
          && GeoPoint.distanceMetres(lon, lat, d(c.word()), d(c.word2())) <= radiusMetres) {
        start = c.time();
        n++;
        c.previous();
      }
      return Optional.of(new Run(start, asOf, n));
    }
  }

  @Override
  public OptionalDouble distanceMetres(long from, long to) {
    synchronized (column) {
      if (to <= from) {
        return OptionalDouble.empty();
      }
      Column.Cursor c = column.new Cursor();
      c.seek(from);
      if (!c.valid() || c.time() >= to) {
        return OptionalDouble.empty();
      }
      double lon = d(c.word());
      double lat = d(c.word2());
      double total = 0;
      c.next();
      while (c.valid() && c.time() < to) {
        double lon2 = d(c.word());
        double lat2 = d(c.word2());
        total += GeoPoint.distanceMetres(lon, lat, lon2, lat2);
        lon = lon2;
        lat = lat2;
        c.next();
      }
      return OptionalDouble.of(total);
    }
  }
}
