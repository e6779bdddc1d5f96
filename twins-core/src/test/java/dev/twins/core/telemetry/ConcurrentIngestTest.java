package dev.twins.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.core.graph.Twins;
import dev.twins.core.series.DoubleCursor;
import dev.twins.core.series.DoubleSeries;
import dev.twins.core.telemetry.Rule.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import org.junit.jupiter.api.Test;

/** Many threads ingesting into the same twins lose nothing: counts, sums, series and derived values all match. */
class ConcurrentIngestTest {
  private static final List<String> SENSORS = List.of("f1r1s1", "f1r1s2", "f1r2s1", "f1r2s2", "f2r1s1", "f2r1s2",
      "f2r2s1", "f2r2s2");
  private static final int THREADS = 4;
  private static final int MESSAGES = 3_000;

  @Test
  void overlappingIngestLosesNothing() throws Exception {
    Twins twins = PlantModels.building();
    try (TelemetryHub hub = TelemetryHub.attach(twins)) {
      hub.rules().add(Rule.fromRelated(PlantModels.ROOM, "people", "hasSensor", Source.telemetry("people"), Aggregate.SUM));
      hub.rules().add(Rule.fromRelated(PlantModels.FLOOR, "people", "hasRoom", Source.property("people"), Aggregate.SUM));
      hub.rules().add(Rule.fromRelated(PlantModels.BUILDING, "people", "hasFloor", Source.property("people"),
          Aggregate.SUM));
      DoubleAdder heard = new DoubleAdder();
      AtomicLong heardCount = new AtomicLong();
      hub.subscribe(m -> true, m -> {
        heard.add(m.values().get("people").asDouble());
        heardCount.incrementAndGet();
      });
      double[][] sent = new double[THREADS][SENSORS.size()];
      double[][] temps = new double[THREADS][SENSORS.size()];
      long[] resent = new long[THREADS];
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      List<Future<?>> done = new ArrayList<>();
      for (int th = 0; th < THREADS; th++) {
        int me = th;
        done.add(pool.submit(() -> {
          Random random = new Random(me);
          List<Channel> channels = new ArrayList<>();
          for (String s : SENSORS) channels.add(hub.channel(s, "people"));
          start.await();
          for (int i = 0; i < MESSAGES; i++) {
            int s = random.nextInt(SENSORS.size());
            int value = random.nextInt(10);
            long t = 1_000_000L + (long) i * THREADS + me;   // distinct times per thread, interleaved between threads
            String id = "t" + me + "-" + i;
            Outcome o;
            if (i % 4 == 3) {
              // two values in one message: both slots are locked, in slot order, whichever order the message names them
              TelemetryMessage m = i % 8 == 3
                  ? TelemetryMessage.of(SENSORS.get(s), java.time.Instant.ofEpochMilli(t)).with("people", value)
                      .with("temperature", value)
                  : TelemetryMessage.of(SENSORS.get(s), java.time.Instant.ofEpochMilli(t)).with("temperature", value)
                      .with("people", value);
              o = hub.ingest(m);
              temps[me][s] += value;
            } else {
              o = i % 3 == 0 ? channels.get(s).ingest(t, value, id)
                  : i % 3 == 1 ? hub.ingest(SENSORS.get(s), "people", t, value)
                  : hub.ingest(TelemetryMessage.of(SENSORS.get(s), "people", t, value).withMessageId(id));
            }
            assertThat(o.accepted()).isTrue();
            sent[me][s] += value;
            if (i % 4 != 3 && i % 3 != 1 && i % 10 == 0) {
              assertThat(channels.get(s).ingest(t, value, id)).isEqualTo(Outcome.DUPLICATE);
              resent[me]++;
            }
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : done) f.get(60, TimeUnit.SECONDS);
      pool.shutdown();

      long total = (long) THREADS * MESSAGES;
      long duplicates = 0;
      double sum = 0;
      for (int th = 0; th < THREADS; th++) {
        duplicates += resent[th];
        for (double v : sent[th]) sum += v;
      }
      assertThat(hub.counts().accepted()).isEqualTo(total);
      assertThat(hub.counts().duplicates()).isEqualTo(duplicates);
      assertThat(hub.counts().rejected()).isZero();
      assertThat(heardCount.get()).isEqualTo(total);
      assertThat(heard.sum()).isEqualTo(sum);
      long stored = 0;
      double newestSum = 0;
      for (int s = 0; s < SENSORS.size(); s++) {
        DoubleSeries series = (DoubleSeries) hub.series(SENSORS.get(s), "people").orElseThrow();
        stored += series.size();
        double perSensor = 0;
        for (int th = 0; th < THREADS; th++) perSensor += sent[th][s];
        double inSeries = 0;
        DoubleCursor c = series.scan(Long.MIN_VALUE, Long.MAX_VALUE);
        while (c.next()) inSeries += c.value();
        assertThat(inSeries).as(SENSORS.get(s)).isEqualTo(perSensor);
        double tempsSent = 0;
        for (int th = 0; th < THREADS; th++) tempsSent += temps[th][s];
        double tempsStored = 0;
        DoubleCursor tc = ((DoubleSeries) hub.series(SENSORS.get(s), "temperature").orElseThrow()).scan(Long.MIN_VALUE,
            Long.MAX_VALUE);
        while (tc.next()) tempsStored += tc.value();
        assertThat(tempsStored).as(SENSORS.get(s) + " temperature").isEqualTo(tempsSent);
        newestSum += hub.last(SENSORS.get(s), "people").orElseThrow().asDouble();
      }
      assertThat(stored).isEqualTo(total);
      assertThat(twins.twin("b").orElseThrow().number("people")).hasValue(newestSum);
      assertThat(hub.counts().ruleFailures()).isZero();
    }
  }
}
