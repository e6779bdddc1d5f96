package dev.twins.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.twins.persistence.Durability;
import dev.twins.persistence.StoreException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
  @TempDir Path dir;

  private static byte[] payload(long i) {
    return ("record-" + i).getBytes(StandardCharsets.UTF_8);
  }

  private JournalWriter fresh(Durability d, long segmentLimit) {
    return JournalWriter.open(dir, d, segmentLimit, List.of(), 0, 1);
  }

  private List<String> readAll(long from) {
    List<String> out = new ArrayList<>();
    JournalScanner.Result r = JournalScanner.scan(dir, from, (lsn, type, version, p, file, offset) -> {
      assertThat(type).isEqualTo(RecordTypes.TELEMETRY);
      byte[] b = new byte[p.remaining()];
      p.get(b);
      out.add(lsn + ":" + new String(b, StandardCharsets.UTF_8));
    });
    assertThat(r.corruption()).isEmpty();
    return out;
  }

  private void write(JournalWriter w, int n) {
    for (int i = 1; i <= n; i++) {
      byte[] p = payload(i);
      w.await(w.append(RecordTypes.TELEMETRY, 1, p, p.length));
    }
  }

  @Test
  void recordsComeBackInOrderAcrossSegments() {
    try (JournalWriter w = fresh(Durability.everyWrite(), 200)) {
      write(w, 50);
      assertThat(w.segments()).hasSizeGreaterThan(3);
    }
    List<String> all = readAll(1);
    assertThat(all).hasSize(50).first().isEqualTo("1:record-1");
    assertThat(all.get(49)).isEqualTo("50:record-50");
    assertThat(readAll(41)).hasSize(10).first().isEqualTo("41:record-41");
  }

  @Test
  void groupCommitSharesWritesAmongThreads() throws Exception {
    int threads = 8;
    int each = 200;
    ConcurrentLinkedQueue<Long> acked = new ConcurrentLinkedQueue<>();
    long groups;
    try (JournalWriter w = fresh(Durability.everyWrite(), 1 << 20)) {
      CountDownLatch go = new CountDownLatch(1);
      List<Thread> ts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Thread th = new Thread(() -> {
          try {
            go.await();
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
          for (int i = 0; i < each; i++) {
            byte[] p = payload(i);
            long lsn = w.append(RecordTypes.TELEMETRY, 1, p, p.length);
            w.await(lsn);
            acked.add(lsn);
          }
        });
        th.start();
        ts.add(th);
      }
      go.countDown();
      for (Thread th : ts) th.join();
      groups = w.groups();
    }
    assertThat(acked).hasSize(threads * each).doesNotHaveDuplicates();
    assertThat(readAll(1)).hasSize(threads * each);
    assertThat(groups).isLessThan(threads * each);
  }

  @Test
  void intervalAndOsPoliciesKeepEverythingOnClose() {
    try (JournalWriter w = fresh(Durability.every(Duration.ofMillis(5)), 1 << 20)) {
      write(w, 30);
    }
    try (JournalWriter w = JournalWriter.open(dir, Durability.os(), 1 << 20,
        JournalScanner.scan(dir, 1, (a, b, c, d, e, f) -> { }).segments(), Files.exists(seg(1)) ? size(seg(1)) : 0, 31)) {
      byte[] p = payload(31);
      w.await(w.append(RecordTypes.TELEMETRY, 1, p, p.length));
    }
    assertThat(readAll(1)).hasSize(31).last().isEqualTo("31:record-31");
  }

  private Path seg(long n) {
    return dir.resolve(JournalWriter.segmentName(n));
  }

  private static long size(Path p) {
    try {
      return Files.size(p);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void tornTailIsReportedNotFatal() throws Exception {
    try (JournalWriter w = fresh(Durability.everyWrite(), 1 << 20)) {
      write(w, 10);
    }
    long full = size(seg(1));
    try (RandomAccessFile f = new RandomAccessFile(seg(1).toFile(), "rw")) {
      f.setLength(full - 3);
    }
    JournalScanner.Result r = JournalScanner.scan(dir, 1, (a, b, c, d, e, f) -> { });
    assertThat(r.corruption()).isEmpty();
    assertThat(r.tornTail()).isPresent();
    assertThat(r.delivered()).isEqualTo(9);
    assertThat(r.nextLsn()).isEqualTo(10);
    assertThat(r.tornTail().get().offset()).isEqualTo(r.validLength()).isLessThan(full - 3);
  }

  @Test
  void zeroedTailIsTorn() throws Exception {
    try (JournalWriter w = fresh(Durability.everyWrite(), 1 << 20)) {
      write(w, 5);
    }
    long full = size(seg(1));
    try (RandomAccessFile f = new RandomAccessFile(seg(1).toFile(), "rw")) {
      f.setLength(full + 100);
    }
    JournalScanner.Result r = JournalScanner.scan(dir, 1, (a, b, c, d, e, f) -> { });
    assertThat(r.tornTail()).isPresent();
    assertThat(r.validLength()).isEqualTo(full);
    assertThat(r.delivered()).isEqualTo(5);
  }

  @Test
  void flippedBitInTheMiddleIsCorruptionWithFileAndOffset() throws Exception {
    try (JournalWriter w = fresh(Durability.everyWrite(), 1 << 20)) {
      write(w, 10);
    }
    long offset = Frames.FILE_HEADER + 3L * (Frames.RECORD_HEADER + payload(1).length) + Frames.RECORD_HEADER + 2;
    flip(seg(1), offset);
    JournalScanner.Result r = JournalScanner.scan(dir, 1, (a, b, c, d, e, f) -> { });
    assertThat(r.tornTail()).isEmpty();
    assertThat(r.corruption()).get().satisfies(ex -> {
      assertThat(ex.code()).isEqualTo(StoreException.Code.CORRUPT);
      assertThat(ex.file()).contains(seg(1));
      assertThat(ex.offset().getAsLong()).isEqualTo(Frames.FILE_HEADER + 3L * (Frames.RECORD_HEADER + payload(1).length));
      assertThat(ex.getMessage()).contains(seg(1).toString()).contains("checksum");
    });
    assertThat(r.delivered()).isEqualTo(3);
  }

  static void flip(Path file, long offset) throws Exception {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.seek(offset);
      int b = f.read();
      f.seek(offset);
      f.write(b ^ 0x10);
    }
  }

  @Test
  void deletedSegmentIsAnError() throws Exception {
    try (JournalWriter w = fresh(Durability.os(), 200)) {
      write(w, 40);
    }
    Files.delete(seg(2));
    assertThatThrownBy(() -> JournalScanner.scan(dir, 1, (a, b, c, d, e, f) -> { }))
        .isInstanceOfSatisfying(StoreException.class, ex -> {
          assertThat(ex.code()).isEqualTo(StoreException.Code.MISSING_SEGMENT);
          assertThat(ex.file()).contains(seg(2));
        });
    Files.delete(seg(1));
    assertThatThrownBy(() -> JournalScanner.scan(dir, 1, (a, b, c, d, e, f) -> { }))
        .isInstanceOfSatisfying(StoreException.class, ex -> assertThat(ex.code())
            .isEqualTo(StoreException.Code.MISSING_SEGMENT));
  }

  @Test
  void newerSegmentVersionIsAnError() throws Exception {
    try (JournalWriter w = fresh(Durability.os(), 1 << 20)) {
      write(w, 3);
    }
    ByteBuffer h = Frames.header(Frames.JOURNAL_MAGIC, 1, 1);
    h.putShort(4, (short) 2);
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(h.array(), 0, 24);
    h.order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(24, (int) crc.getValue());
    try (RandomAccessFile f = new RandomAccessFile(seg(1).toFile(), "rw")) {
      f.write(h.array());
    }
    assertThatThrownBy(() -> JournalScanner.scan(dir, 1, (a, b, c, d, e, f) -> { }))
        .isInstanceOfSatisfying(StoreException.class, ex -> {
          assertThat(ex.code()).isEqualTo(StoreException.Code.UNSUPPORTED_VERSION);
          assertThat(ex.getMessage()).contains("format version 2").contains(seg(1).getFileName().toString());
        });
  }

  @Test
  void coveredSegmentsAreDeleted() {
    try (JournalWriter w = fresh(Durability.os(), 200)) {
      write(w, 40);
      int before = w.segments().size();
      List<JournalWriter.Segment> gone = w.deleteCoveredSegments(20);
      assertThat(gone).isNotEmpty();
      assertThat(w.segments()).hasSize(before - gone.size());
      assertThat(w.segments().get(0).firstLsn()).isLessThanOrEqualTo(21);
    }
    assertThat(readAll(21)).hasSize(20).first().isEqualTo("21:record-21");
    assertThatThrownBy(() -> readAll(1)).isInstanceOf(StoreException.class);
  }
}
