package dev.twins.core.series;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Threads appending into the same series, out of order, lose nothing, while others read. */
class SeriesConcurrencyTest {
  @Test
  void concurrentAppendsIntoSharedSeriesAreAllKept() throws Exception {
    SeriesStore store = SeriesStore.create();
    int threads = 4;
    int perThread = 2_000;
    int twins = 5;
    ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<double[]>> writers = new ArrayList<>();
    for (int w = 0; w < threads; w++) {
      int seed = w;
      writers.add(pool.submit(() -> {
        SplittableRandom random = new SplittableRandom(seed);
        double[] sums = new double[twins];
        start.await();
        for (int i = 0; i < perThread; i++) {
          int twin = random.nextInt(twins);
          long time = i * 10L + random.nextInt(2_000) - 1_000;   // late and early samples
          double value = random.nextInt(10_000) / 100.0;
          store.doubles("twin-" + twin, "temperature").append(time, value);
          sums[twin] += value;
        }
        return sums;
      }));
    }
    Future<Long> reader = pool.submit(() -> {
      start.await();
      long reads = 0;
      while (reads < 200) {
        for (int t = 0; t < twins; t++) {
          store.find("twin-" + t, "temperature").ifPresent(s -> {
            DoubleSeries d = (DoubleSeries) s;
            d.stats(0, Long.MAX_VALUE);
            d.timeWeightedMean(0, 100_000);
          });
          reads++;
        }
      }
      return reads;
    });
    start.countDown();
    double[] expected = new double[twins];
    for (Future<double[]> f : writers) {
      double[] sums = f.get(60, TimeUnit.SECONDS);
      for (int t = 0; t < twins; t++) {
        expected[t] += sums[t];
      }
    }
    assertThat(reader.get(60, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(200);
    pool.shutdown();
    long total = 0;
    for (int t = 0; t < twins; t++) {
      DoubleSeries s = store.doubles("twin-" + t, "temperature");
      total += s.size();
      assertThat(s.stats(Long.MIN_VALUE, Long.MAX_VALUE).sum())
          .isCloseTo(expected[t], org.assertj.core.api.Assertions.within(1e-6));
      long previous = Long.MIN_VALUE;
      DoubleCursor c = s.scan(Long.MIN_VALUE, Long.MAX_VALUE);
      while (c.next()) {
        assertThat(c.time()).isGreaterThanOrEqualTo(previous);
        previous = c.time();
      }
    }
    assertThat(total).isEqualTo((long) threads * perThread);
  }
}
