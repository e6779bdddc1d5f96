package dev.twins.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.core.graph.Relation;
import dev.twins.core.graph.Twin;
import dev.twins.core.graph.Twins;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writing child JVM with SIGKILL at random moments and checks after each kill that every
 * acknowledged write is in the store and that the store equals the workload replayed up to its
 * version. {@code -Dtwins.crash.kills=N} (or {@code -Pcrash-long}) runs more kills.
 */
class CrashTest {
  @TempDir Path dir;

  @Test
  void everyAcknowledgedWriteSurvivesSigkill() throws Exception {
    int kills = Integer.getInteger("twins.crash.kills", 20);
    long seed = Long.getLong("twins.crash.seed", System.nanoTime());
    Random random = new Random(seed);
    long maxAcked = -1;
    int recoveredTorn = 0;
    for (int k = 0; k < kills; k++) {
      // every other child snapshots now and then, so recovery from snapshot + journal is killed too
      Process p = child(k % 2 == 0 ? 0 : 150);
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
      boolean started = ready.await(60, TimeUnit.SECONDS);
      if (!started) {
        p.destroyForcibly().waitFor();
        reader.join();
        throw new AssertionError("child " + k + " did not start (seed " + seed + "): " + errors());
      }
      Thread.sleep(20 + random.nextInt(180));
      p.destroyForcibly();
      p.waitFor();
      reader.join();
      maxAcked = Math.max(maxAcked, lastAck.get());
      try (TwinStore store = TwinStore.open(dir)) {
        Twins g = store.twins();
        assertThat(g.version()).as("kill %d (seed %d): write %d was acknowledged", k, seed, maxAcked)
            .isGreaterThan(maxAcked);
        assertContentEquals(g, reference((int) g.version()));
        if (store.recovery().tornTail().isPresent()) recoveredTorn++;
      }
    }
    assertThat(maxAcked).as("the children wrote").isGreaterThan(kills);
    System.out.printf("crash test: %d kills, %d acknowledged writes, %d torn tails cut, seed %d%n", kills,
        maxAcked + 1, recoveredTorn, seed);
  }

  @Test
  void aStoreOpenInAnotherProcessIsRefused() throws Exception {
    Process p = child(0);
    try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String first = in.readLine();
      assertThat(first).as("child started: %s", errors()).startsWith("ready");
      assertThat(in.readLine()).isEqualTo("ack 0");
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> TwinStore.open(dir))
          .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.code()).isEqualTo(StoreException.Code.LOCKED));
    } finally {
      p.destroyForcibly().waitFor();
    }
    try (TwinStore store = TwinStore.open(dir)) {
      assertThat(store.twins().version()).isPositive();
    }
  }

  private Process child(long snapshotEvery) throws java.io.IOException {
    String cp = System.getProperty("java.class.path");
    String mp = System.getProperty("jdk.module.path");
    if (mp != null && !mp.isEmpty()) cp = cp + File.pathSeparator + mp;
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", cp,
        CrashWriter.class.getName(), dir.toString(), Long.toString(snapshotEvery));
    pb.redirectError(ProcessBuilder.Redirect.appendTo(dir.resolveSibling(dir.getFileName() + "-child.err").toFile()));
    return pb.start();
  }

  private String errors() {
    try {
      return java.nio.file.Files.readString(dir.resolveSibling(dir.getFileName() + "-child.err"));
    } catch (java.io.IOException e) {
      return e.toString();
    }
  }

  private static Twins reference(int writes) {
    Twins t = Twins.create(Graphs.MODELS);
    for (int i = 0; i < writes; i++) Graphs.write(t, i);
    return t;
  }

  /** Same twins (model, properties), same relationships (ends, name, properties); ETags and times differ. */
  private static void assertContentEquals(Twins actual, Twins expected) {
    assertThat(content(actual)).containsExactlyElementsOf(content(expected));
  }

  private static List<List<Object>> content(Twins t) {
    List<List<Object>> out = new ArrayList<>();
    for (Twin tw : Graphs.twins(t)) {
      out.add(List.of(tw.id(), tw.model(), tw.version(), tw.document(), new java.util.TreeSet<>(tw.metadata().keySet())));
      for (Relation r : t.outgoing(tw.id())) {
        out.add(List.of(r.sourceId(), r.id(), r.name(), r.targetId(), r.properties()));
      }
    }
    return out;
  }
}
