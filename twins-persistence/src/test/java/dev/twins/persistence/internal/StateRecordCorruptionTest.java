package dev.twins.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.twins.core.graph.Twins;
import dev.twins.core.telemetry.TelemetryMessage;
import dev.twins.persistence.StoreException;
import dev.twins.persistence.TwinStore;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The snapshot records of a store's remembered state (the telemetry duplicate window, property
 * histories): a damaged one makes the snapshot CORRUPT (skipped, with its file and offset, the
 * journal then replayed), one of a newer type version stops the open naming file and offset.
 */
class StateRecordCorruptionTest {
  private static final long T0 = 1_700_000_000_000L;

  @TempDir Path dir;

  private TwinStore open() {
    return TwinStore.builder(dir).models(Twins.demo().models()).snapshotEvery(0)
        .propertyHistory(h -> h.track("dtmi:twins:demo:Room;1", "temperature")).open();
  }

  /** A store with every kind of state record in its snapshot; returns the snapshot. */
  private Path fill() {
    try (TwinStore store = open()) {
      store.twins().createTwin("sensor-1", "dtmi:twins:demo:Sensor;1", Map.of("kind", "temperature"));
      store.twins().createTwin("room-1", "dtmi:twins:demo:Room;1", Map.of("temperature", 20.0));
      for (int i = 0; i < 5; i++) {
        store.telemetry().ingest(new TelemetryMessage("sensor-1", Optional.empty(), T0 + i * 1000L,
            Map.of("temperature", JsonNodeFactory.instance.numberNode(20.0 + i)), Optional.of("m-" + i)));
        store.twins().set("room-1", "temperature", 21.0 + i);
      }
      return store.snapshot();
    }
  }

  private static long recordOf(Path snap, int type) {
    TreeMap<Long, Integer> out = new TreeMap<>();
    SnapshotFiles.read(snap, (lsn, t, version, payload, file, offset) -> out.put(offset, t));
    return out.entrySet().stream().filter(e -> e.getValue() == type).findFirst().orElseThrow(() ->
        new AssertionError("no record of type " + type + " in " + snap)).getKey();
  }

  @ParameterizedTest
  @ValueSource(ints = {RecordTypes.MESSAGE_IDS, RecordTypes.HISTORY_SETTINGS, RecordTypes.HISTORY_BLOCKS})
  void aFlippedBitMakesTheSnapshotCorruptAndTheJournalIsReplayedInstead(int type) throws Exception {
    Path snap = fill();
    long at = recordOf(snap, type);
    try (RandomAccessFile f = new RandomAccessFile(snap.toFile(), "rw")) {
      f.seek(at + Frames.RECORD_HEADER);
      int x = f.read();
      f.seek(at + Frames.RECORD_HEADER);
      f.write(x ^ 0x04);
    }
    try (TwinStore store = open()) {
      assertThat(store.recovery().skippedSnapshots()).singleElement().asString()
          .contains(snap.getFileName().toString()).contains("at byte " + at);
      assertThat(store.telemetry().ingest(new TelemetryMessage("sensor-1", Optional.empty(), T0 + 4000,
          Map.of("temperature", JsonNodeFactory.instance.numberNode(24.0)), Optional.of("m-4"))))
          .isEqualTo(dev.twins.core.telemetry.Outcome.DUPLICATE);
      assertThat(store.propertyHistory().orElseThrow().changes("room-1", "temperature", java.time.Instant.EPOCH,
          java.time.Instant.MAX)).hasSize(6);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {RecordTypes.MESSAGE_IDS, RecordTypes.HISTORY_SETTINGS, RecordTypes.HISTORY_BLOCKS})
  void aNewerVersionOfTheRecordStopsTheOpenNamingFileAndOffset(int type) throws Exception {
    Path snap = fill();
    long at = recordOf(snap, type);
    byte[] all = Files.readAllBytes(snap);
    ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
    int len = b.getInt((int) at);
    all[(int) at + 17] = 2; // the record's type version
    CRC32C crc = new CRC32C();
    crc.update(all, (int) at + 8, Frames.RECORD_HEADER - 8 + len);
    b.putInt((int) at + 4, (int) crc.getValue());
    Files.write(snap, all);
    assertThatThrownBy(this::open).isInstanceOfSatisfying(StoreException.class, e -> {
      assertThat(e.code()).isEqualTo(StoreException.Code.UNSUPPORTED_VERSION);
      assertThat(e.file()).contains(snap);
      assertThat(e.offset()).hasValue(at);
      assertThat(e.getMessage()).contains("(" + RecordTypes.name(type) + ") has version 2");
    });
  }

  @org.junit.jupiter.api.Test
  void aJournaledHistorySettingsRecordOfANewerVersionStopsTheOpenNamingFileAndOffset() throws Exception {
    try (TwinStore store = open()) {
      store.twins().createTwin("room-1", "dtmi:twins:demo:Room;1", Map.of("temperature", 20.0));
    }
    Path segment = dir.resolve("journal-0000000000000001.twj");
    byte[] all = Files.readAllBytes(segment);
    ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
    int at = 32;
    while (all[at + 16] != RecordTypes.HISTORY_SETTINGS) at += Frames.RECORD_HEADER + b.getInt(at);
    int len = b.getInt(at);
    all[at + 17] = 2;
    CRC32C crc = new CRC32C();
    crc.update(all, at + 8, Frames.RECORD_HEADER - 8 + len);
    b.putInt(at + 4, (int) crc.getValue());
    Files.write(segment, all);
    long offset = at;
    assertThatThrownBy(this::open).isInstanceOfSatisfying(StoreException.class, e -> {
      assertThat(e.code()).isEqualTo(StoreException.Code.UNSUPPORTED_VERSION);
      assertThat(e.file()).contains(segment);
      assertThat(e.offset()).hasValue(offset);
      assertThat(e.getMessage()).contains("(history settings) has version 2");
    });
  }
}
