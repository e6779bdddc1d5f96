/**
 * Telemetry history: one {@link dev.twins.core.series.Series} per twin and telemetry name, held
 * by a {@link dev.twins.core.series.SeriesStore}.
 *
 * <p>A series keeps samples ordered by source time (epoch milliseconds, {@code long}, everywhere in
 * this package), whatever order they arrive in; samples with equal times are all kept, in arrival
 * order. Samples are compressed in closed blocks; the newest samples sit in an open block of plain
 * arrays so that appending in time order allocates nothing. A {@link
 * dev.twins.core.series.Retention} bounds a series by count and by age.
 *
 * <p>Four kinds: {@link dev.twins.core.series.DoubleSeries} (numbers, integers included), {@link
 * dev.twins.core.series.BooleanSeries}, {@link dev.twins.core.series.StringSeries} (strings and
 * enum values) and {@link dev.twins.core.series.GeoSeries} (DTDL points). Windows are half-open,
 * {@code [from, to)}; functions that look at "now" take an {@code asOf} time and see the samples at
 * or before it.
 *
 * <pre>{@code
 * SeriesStore store = SeriesStore.create();
 * DoubleSeries temp = store.doubles("room-1", "temperature");
 * temp.append(t0, 21.5);
 * temp.append(t0 + 60_000, 22.0);
 * temp.stats(t0, t0 + 3_600_000).mean();            // 21.75
 * temp.timeWeightedMean(t0, t0 + 120_000);          // 21.75: each value holds a minute
 * }</pre>
 *
 * <p>Every series is thread-safe: its appends and reads serialize on the series, and different
 * series are independent.
 */
package dev.twins.core.series;
