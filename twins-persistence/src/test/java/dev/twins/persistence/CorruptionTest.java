package dev.twins.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged stores: each damage is found and reported with its file and offset, and nothing is changed. */
class CorruptionTest {
  @TempDir Path dir;

  private void fill(int writes, boolean snapshotHalfway) {
    try (TwinStore store = TwinStore.builder(dir).models(Graphs.MODELS).segmentBytes(4096).snapshotEvery(0)
        .durability(Durability.os()).open()) {
      for (int i = 0; i < writes; i++) {
        Graphs.write(store.twins(), i);
        if (snapshotHalfway && i == writes / 2) store.snapshot();
      }
    }
  }

  private List<Path> files(String suffix) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(suffix)).sorted().collect(Collectors.toList());
    }
  }

  private Map<Path, Long> sizes() throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.collect(Collectors.toMap(p -> p, p -> p.toFile().length()));
    }
  }

  private static void flip(Path file, long offset) throws Exception {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.seek(offset);
      int b = f.read();
      f.seek(offset);
      f.write(b ^ 0x01);
    }
  }

  @Test
  void flippedBitInAnOlderSegmentStopsTheOpenAndChangesNothing() throws Exception {
    fill(200, false);
    List<Path> segments = files(".twj");
    assertThat(segments.size()).isGreaterThan(2);
    Path victim = segments.get(1);
    flip(victim, 100);
    Map<Path, Long> before = sizes();
    assertThatThrownBy(() -> TwinStore.open(dir)).isInstanceOfSatisfying(StoreException.class, e -> {
      assertThat(e.code()).isEqualTo(StoreException.Code.CORRUPT);
      assertThat(e.file()).contains(victim);
      assertThat(e.offset()).isPresent();
      assertThat(e.offset().getAsLong()).isLessThanOrEqualTo(100);
      assertThat(e.getMessage()).contains(victim.toString()).contains("at byte");
    });
    assertThat(sizes()).isEqualTo(before);
    // the caller decides: cut the journal at the damage
    try (TwinStore store = TwinStore.builder(dir).onCorruption(CorruptionPolicy.TRUNCATE).open()) {
      assertThat(store.recovery().truncatedCorruption()).get().satisfies(t -> {
        assertThat(t.file()).isEqualTo(victim);
        assertThat(t.bytesDropped()).isPositive();
      });
      assertThat(store.twins().version()).isPositive().isLessThan(200);
      Graphs.write(store.twins(), (int) store.twins().version());
    }
    try (TwinStore store = TwinStore.open(dir)) {
      assertThat(store.recovery().truncatedCorruption()).isEmpty();
    }
  }

  @Test
  void truncatedLastSegmentIsATornTailCutAndReported() throws Exception {
    fill(50, false);
    List<Path> segments = files(".twj");
    Path last = segments.get(segments.size() - 1);
    long len = Files.size(last);
    try (RandomAccessFile f = new RandomAccessFile(last.toFile(), "rw")) {
      f.setLength(len - 5);
    }
    try (TwinStore store = TwinStore.open(dir)) {
      assertThat(store.twins().version()).isEqualTo(49);
      assertThat(store.recovery().tornTail()).get().satisfies(t -> assertThat(t.file()).isEqualTo(last));
    }
    try (TwinStore store = TwinStore.open(dir)) {
      assertThat(store.recovery().tornTail()).isEmpty();
      assertThat(store.twins().version()).isEqualTo(49);
    }
  }

  @Test
  void truncatedOlderSegmentIsAnError() throws Exception {
    fill(200, false);
    Path victim = files(".twj").get(0);
    try (RandomAccessFile f = new RandomAccessFile(victim.toFile(), "rw")) {
      f.setLength(Files.size(victim) - 7);
    }
    assertThatThrownBy(() -> TwinStore.open(dir)).isInstanceOfSatisfying(StoreException.class, e -> {
      assertThat(e.code()).isEqualTo(StoreException.Code.CORRUPT);
      assertThat(e.file()).contains(victim);
    });
  }

  @Test
  void deletedSegmentIsAnError() throws Exception {
    fill(200, false);
    Path victim = files(".twj").get(1);
    Files.delete(victim);
    assertThatThrownBy(() -> TwinStore.open(dir)).isInstanceOfSatisfying(StoreException.class, e -> {
      assertThat(e.code()).isEqualTo(StoreException.Code.MISSING_SEGMENT);
      assertThat(e.getMessage()).contains(victim.getFileName().toString());
    });
  }

  @Test
  void snapshotOfANewerFormatIsAnError() throws Exception {
    fill(100, true);
    Path snap = files(".twsnap").get(0);
    try (RandomAccessFile f = new RandomAccessFile(snap.toFile(), "rw")) {
      byte[] h = new byte[32];
      f.readFully(h);
      h[4] = 2; // format version 2
      java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
      crc.update(h, 0, 24);
      java.nio.ByteBuffer.wrap(h).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(24, (int) crc.getValue());
      f.seek(0);
      f.write(h);
    }
    assertThatThrownBy(() -> TwinStore.open(dir)).isInstanceOfSatisfying(StoreException.class, e -> {
      assertThat(e.code()).isEqualTo(StoreException.Code.UNSUPPORTED_VERSION);
      assertThat(e.file()).contains(snap);
      assertThat(e.getMessage()).contains("format version 2");
    });
  }

  @Test
  void damagedSnapshotFallsBackToTheJournalAndIsReported() throws Exception {
    fill(100, true);
    Path snap = files(".twsnap").get(0);
    flip(snap, Files.size(snap) / 2);
    try (TwinStore store = TwinStore.open(dir)) {
      assertThat(store.twins().version()).isEqualTo(100);
      assertThat(store.recovery().snapshot()).isEmpty();
      assertThat(store.recovery().skippedSnapshots()).singleElement().asString().contains(snap.getFileName().toString());
    }
  }

  @Test
  void unknownRecordTypeIsAnError() throws Exception {
    fill(10, false);
    Path last = files(".twj").get(0);
    // append a well-framed record of type 99 after the models record and 10 changes
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(18 + 3).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    dev.twins.persistence.internal.Frames.putRecord(b, 12, 99, 1, new byte[] {1, 2, 3}, 0, 3);
    long at = Files.size(last);
    Files.write(last, b.array(), java.nio.file.StandardOpenOption.APPEND);
    assertThatThrownBy(() -> TwinStore.open(dir)).isInstanceOfSatisfying(StoreException.class, e -> {
      assertThat(e.code()).isEqualTo(StoreException.Code.UNSUPPORTED_VERSION);
      assertThat(e.offset()).hasValue(at);
      assertThat(e.getMessage()).contains("unknown type 99");
    });
  }
}
