package dev.twins.core.internal.series;

import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.core.series.BooleanSeries;
import dev.twins.core.series.DoubleSeries;
import dev.twins.core.series.Retention;
import dev.twins.core.series.Series;
import dev.twins.core.series.StringSeries;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A writer holding a series' lock appends to its column directly, and excludes the series' own methods. */
class HeldColumnsTest {
  @Test
  void appendsUnderTheLockAreWhatTheSeriesReads() {
    DoubleSeries d = Series.doubles(Retention.UNBOUNDED);
    BooleanSeries b = Series.booleans(Retention.UNBOUNDED);
    Column dc = HeldColumns.columnOf(d);
    Column bc = HeldColumns.columnOf(b);
    assertThat(dc).isNotNull().isSameAs(HeldColumns.lockOf(d));
    assertThat(bc).isNotNull().isSameAs(HeldColumns.lockOf(b));
    for (int i = 0; i < 600; i++) {   // over two closed blocks
      synchronized (HeldColumns.lockOf(d)) {
        assertThat(HeldColumns.appendDouble(dc, 1_000L * i, i * 0.5)).isTrue();
      }
      synchronized (HeldColumns.lockOf(b)) {
        assertThat(HeldColumns.appendBoolean(bc, 1_000L * i, i % 3 == 0)).isTrue();
      }
    }
    assertThat(d.size()).isEqualTo(600);
    assertThat(d.last()).hasValue(299.5);
    assertThat(d.mean(0, 600_000)).hasValue(0.5 * 599 / 2);
    assertThat(b.size()).isEqualTo(600);
    assertThat(b.countTrue(0, 600_000)).isEqualTo(200);
  }

  @Test
  void otherKindsHaveNoColumnForTheTypedPathButTheSameLock() {
    StringSeries s = Series.strings(Retention.UNBOUNDED);
    assertThat(HeldColumns.columnOf(s)).isNull();
    assertThat(HeldColumns.lockOf(s)).isNotSameAs(s).isInstanceOf(Column.class);
    assertThat(HeldColumns.columnOf(Series.geoPoints(Retention.UNBOUNDED))).isNull();
  }

  @Test
  void theSeriesMethodsWaitForTheHolder() throws InterruptedException {
    DoubleSeries d = Series.doubles(Retention.UNBOUNDED);
    AtomicLong seen = new AtomicLong(-1);
    Thread reader;
    synchronized (HeldColumns.lockOf(d)) {
      reader = new Thread(() -> {
        d.append(5_000, 2.0);
        seen.set(d.size());
      });
      reader.start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (reader.getState() != Thread.State.BLOCKED && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertThat(reader.getState()).isEqualTo(Thread.State.BLOCKED);
      HeldColumns.appendDouble(HeldColumns.columnOf(d), 1_000, 1.0);
    }
    reader.join();
    assertThat(seen.get()).isEqualTo(2);
    assertThat(d.valueAt(1_000)).hasValue(1.0);
    assertThat(d.last()).hasValue(2.0);
  }
}
