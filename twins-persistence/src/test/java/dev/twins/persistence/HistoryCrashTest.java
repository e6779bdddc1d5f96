package dev.twins.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.core.history.PropertyChange;
import dev.twins.core.telemetry.Outcome;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM that writes a tracked property and sends telemetry with message ids with
 * SIGKILL at random moments: after each kill the property history holds exactly the writes the
 * graph holds (each value once, in order, removals included, none missing or doubled, across
 * snapshots), every acknowledged write among them, and every message sent before is a duplicate.
 * {@code -Dtwins.crash.kills=N} runs more kills.
 */
class HistoryCrashTest {
  @TempDir Path dir;

  @Test
  void theHistoryAndTheDuplicateWindowHoldExactlyTheSurvivingWritesAfterSigkill() throws Exception {
    Path store = dir.resolve("store");
    int kills = Math.max(5, Integer.getInteger("twins.crash.kills", 20) / 4);
    long seed = Long.getLong("twins.crash.seed", System.nanoTime());
    Random random = new Random(seed);
    long maxAcked = -1;
    for (int k = 0; k < kills; k++) {
      long snapshotEvery = k % 2 == 0 ? 0 : 30;
      Process p = child(store, snapshotEvery);
      AtomicLong lastAck = new AtomicLong(-1);
      CountDownLatch ready = new CountDownLatch(1);
      Thread reader = new Thread(() -> {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
          String line;
          while ((line = in.readLine()) != null) {
            if (line.startsWith("ready")) ready.countDown();
            if (line.startsWith("ack ")) lastAck.set(Long.parseLong(line.substring(4)));
          }
        } catch (java.io.IOException e) {
          // the child died
        }
      });
      reader.setDaemon(true);
      reader.start();
      if (!ready.await(60, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
        reader.join();
        throw new AssertionError("child " + k + " did not start (seed " + seed + "): " + errors(store));
      }
      Thread.sleep(50 + random.nextInt(250));
      p.destroyForcibly();
      p.waitFor();
      reader.join();
      maxAcked = Math.max(maxAcked, lastAck.get());
      try (TwinStore s = HistoryCrashWriter.open(store, 0, k % 3 == 0)) {
        long writes = s.twins().twin("room-1").orElseThrow().version() - 1;
        String why = "kill " + k + " (seed " + seed + "): write " + maxAcked + " was acknowledged, the graph holds "
            + writes;
        assertThat(writes).as(why).isGreaterThan(maxAcked);
        List<String> expected = new ArrayList<>();
        expected.add("-1.0");
        for (long i = 0; i < writes; i++) expected.add(i % 10 == 9 ? "(absent)" : (double) i + "");
        List<PropertyChange> changes = s.propertyHistory().orElseThrow().changes("room-1", "temperature",
            Instant.EPOCH, Instant.MAX);
        List<String> values = new ArrayList<>();
        for (PropertyChange c : changes) values.add(c.value().map(v -> v.toString()).orElse("(absent)"));
        assertThat(values).as(why).isEqualTo(expected);
        assertThat(changes.get(changes.size() - 1).time()).as(why)
            .isBeforeOrEqualTo(s.twins().twin("room-1").orElseThrow().lastUpdateTime());
        // each acknowledged message is remembered: sent again, it is a duplicate
        for (long i = Math.max(0, maxAcked - 5); i <= maxAcked; i++) {
          assertThat(s.telemetry().ingest(HistoryCrashWriter.message(i))).as(why + ", message m-" + i)
              .isEqualTo(Outcome.DUPLICATE);
        }
      }
    }
    assertThat(maxAcked).as("the children wrote").isGreaterThan(kills);
  }

  private Process child(Path store, long snapshotEvery) throws java.io.IOException {
    String cp = System.getProperty("java.class.path");
    String mp = System.getProperty("jdk.module.path");
    if (mp != null && !mp.isEmpty()) cp = cp + File.pathSeparator + mp;
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", cp,
        HistoryCrashWriter.class.getName(), store.toString(), Long.toString(snapshotEvery));
    pb.redirectError(ProcessBuilder.Redirect.appendTo(errFile(store)));
    return pb.start();
  }

  private static File errFile(Path store) {
    return store.resolveSibling(store.getFileName() + "-child.err").toFile();
  }

  private static String errors(Path store) {
    try {
      return java.nio.file.Files.readString(errFile(store).toPath());
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }
}
