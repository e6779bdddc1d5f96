package dev.twins.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM that ingests telemetry under a rule with SIGKILL at random moments: after each
 * kill the rule is back, every acknowledged reading is there (history with series on, the newest
 * reading with series off, across snapshots), and the derived property matches it.
 * {@code -Dtwins.crash.kills=N} runs more kills.
 */
class TelemetryCrashTest {
  @TempDir Path dir;

  @Test
  void everyAcknowledgedReadingAndTheRuleSurviveSigkill() throws Exception {
    for (boolean series : new boolean[] {true, false}) {
      Path store = dir.resolve(series ? "with-series" : "without-series");
      int kills = Math.max(4, Integer.getInteger("twins.crash.kills", 20) / 4);
      long seed = Long.getLong("twins.crash.seed", System.nanoTime());
      Random random = new Random(seed);
      long maxAcked = -1;
      for (int k = 0; k < kills; k++) {
        long snapshotEvery = k % 2 == 0 ? 0 : 40;
        Process p = child(store, snapshotEvery, series);
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
        Thread.sleep(20 + random.nextInt(180));
        p.destroyForcibly();
        p.waitFor();
        reader.join();
        maxAcked = Math.max(maxAcked, lastAck.get());
        try (TwinStore s = TelemetryCrashWriter.open(store, 0, series)) {
          String why = "kill " + k + " (series " + series + ", seed " + seed + "): reading " + maxAcked
              + " was acknowledged";
          assertThat(s.telemetry().rules().list()).as(why).containsExactly(TelemetryCrashWriter.RULE);
          double last = s.telemetry().last("sensor-1", "temperature").map(v -> v.asDouble()).orElse(-1.0);
          assertThat(last).as(why).isGreaterThanOrEqualTo(maxAcked);
          if (series) {
            assertThat(s.telemetry().series("sensor-1", "temperature").orElseThrow().size()).as(why)
                .isEqualTo((long) last + 1);
          }
          s.telemetry().settle();
          assertThat(s.twins().twin("room-1").orElseThrow().number("temperature").orElseThrow()).as(why)
              .isEqualTo(last < 0 ? -1.0 : last);
        }
      }
      assertThat(maxAcked).as("the children ingested").isGreaterThan(kills);
    }
  }

  private Process child(Path store, long snapshotEvery, boolean series) throws java.io.IOException {
    String cp = System.getProperty("java.class.path");
    String mp = System.getProperty("jdk.module.path");
    if (mp != null && !mp.isEmpty()) cp = cp + File.pathSeparator + mp;
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", cp,
        TelemetryCrashWriter.class.getName(), store.toString(), Long.toString(snapshotEvery), Boolean.toString(series));
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
