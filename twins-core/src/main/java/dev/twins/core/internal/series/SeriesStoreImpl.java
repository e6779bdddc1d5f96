package dev.twins.core.internal.series;

import dev.twins.core.series.BooleanSeries;
import dev.twins.core.series.DoubleSeries;
import dev.twins.core.series.GeoSeries;
import dev.twins.core.series.Retention;
import dev.twins.core.series.Series;
import dev.twins.core.series.SeriesKind;
import dev.twins.core.series.SeriesStore;
import dev.twins.core.series.StringSeries;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/** The series of many twins: a concurrent map of twin id to a concurrent map of name to series. */
public final class SeriesStoreImpl implements SeriesStore {
  private final ConcurrentHashMap<String, ConcurrentHashMap<String, Series>> twins =
      new ConcurrentHashMap<>();
  private final BiFunction<String, String, Retention> retention;

  /**
   * Creates an empty store.
   *
   * @param retention gives each new series its retention
   */
  public SeriesStoreImpl(BiFunction<String, String, Retention> retention) {
    this.retention = Objects.requireNonNull(retention, "retention");
  }

  private Series get(String twinId, String name, SeriesKind kind) {
    ConcurrentHashMap<String, Series> byName = twins.get(twinId);
    if (byName == null) {
      Objects.requireNonNull(twinId, "twinId");
      byName = twins.computeIfAbsent(twinId, k -> new ConcurrentHashMap<>());
    }
    Series s = byName.get(name);
    if (s == null) {
      Objects.requireNonNull(name, "name");
      s = byName.computeIfAbsent(name, k -> create(twinId, name, kind));
    }
    if (s.kind() != kind) {
      throw new IllegalArgumentException("series '" + name + "' of twin '" + twinId + "' holds "
          + s.kind() + " values, not " + kind);
    }
    return s;
  }

  private Series create(String twinId, String name, SeriesKind kind) {
    Retention r = Objects.requireNonNull(retention.apply(twinId, name),
        () -> "the retention policy gave null for twin '" + twinId + "', series '" + name + "'");
    switch (kind) {
      case DOUBLE:
        return SeriesFactory.doubles(r);
      case BOOLEAN:
        return SeriesFactory.booleans(r);
      case STRING:
        return SeriesFactory.strings(r);
      default:
        return SeriesFactory.geoPoints(r);
    }
  }

  @Override
  public DoubleSeries doubles(String twinId, String name) {
    return (DoubleSeries) get(twinId, name, SeriesKind.DOUBLE);
  }

  @Override
  public BooleanSeries booleans(String twinId, String name) {
    return (BooleanSeries) get(twinId, name, SeriesKind.BOOLEAN);
  }

  @Override
  public StringSeries strings(String twinId, String name) {
    return (StringSeries) get(twinId, name, SeriesKind.STRING);
  }

  @Override
  public GeoSeries geoPoints(String twinId, String name) {
    return (GeoSeries) get(twinId, name, SeriesKind.GEO_POINT);
  }

  @Override
  public Optional<Series> find(String twinId, String name) {
    ConcurrentHashMap<String, Series> byName = twins.get(twinId);
    return byName == null ? Optional.empty() : Optional.ofNullable(byName.get(name));
  }

  @Override
  public Map<String, Series> seriesOf(String twinId) {
    ConcurrentHashMap<String, Series> byName = twins.get(twinId);
    return byName == null ? Map.of() : Map.copyOf(byName);
  }

  @Override
  public Set<String> twinIds() {
    return Set.copyOf(twins.keySet());
  }

  @Override
  public boolean remove(String twinId, String name) {
    ConcurrentHashMap<String, Series> byName = twins.get(twinId);
    return byName != null && byName.remove(name) != null;
  }

  @Override
  public boolean removeTwin(String twinId) {
    ConcurrentHashMap<String, Series> byName = twins.remove(twinId);
    return byName != null && !byName.isEmpty();
  }

  @Override
  public long seriesCount() {
    long n = 0;
    for (ConcurrentHashMap<String, Series> byName : twins.values()) {
      n += byName.size();
    }
    return n;
  }

  @Override
  public long storedBytes() {
    long n = 0;
    for (ConcurrentHashMap<String, Series> byName : twins.values()) {
      for (Series s : byName.values()) {
        n += s.storedBytes();
      }
    }
    return n;
  }

  @Override
  public String toString() {
    return "SeriesStore[twins=" + twins.size() + ", series=" + seriesCount() + "]";
  }
}
