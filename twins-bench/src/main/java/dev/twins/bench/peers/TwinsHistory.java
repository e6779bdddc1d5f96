package dev.twins.bench.peers;

import dev.twins.core.series.DoubleSeries;
import dev.twins.core.series.Series;
import dev.twins.core.series.SeriesStore;

/** Twins' {@link SeriesStore}: one series of doubles per sensor, named {@code value}, kept whole. */
final class TwinsHistory implements History {
  private final SeriesStore store = SeriesStore.create();

  @Override
  public String name() {
    return "twins";
  }

  @Override
  public void ingest(TelemetryStream s, int from, int to) {
    for (int k = from; k < to; k++) store.doubles(s.sensorId(k), "value").append(s.timeMicros(k) / 1000, s.value(k));
  }

  @Override
  public long count(String sensorId) {
    return store.find(sensorId, "value").map(Series::size).orElse(0L);
  }

  @Override
  public double mean(String sensorId, long fromMicros, long toMicros) {
    return store.find(sensorId, "value").map(x -> ((DoubleSeries) x).mean(fromMicros / 1000, toMicros / 1000)
        .orElse(Double.NaN)).orElse(Double.NaN);
  }

  @Override
  public long offHeapBytes() {
    return 0;
  }

  @Override
  public void close() {
    // nothing outside the heap
  }
}
