package dev.twins.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.twins.core.graph.Twin;
import dev.twins.core.graph.Twins;
import dev.twins.persistence.StoreException;
import dev.twins.persistence.TwinStore;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshots of more records than one chunk: written and read in parallel chunks, in order. */
class SnapshotRecordsTest {
  private static final int ROOMS = 2 * SnapshotRecords.CHUNK + 17;

  @TempDir Path dir;

  private TwinStore open() {
    return TwinStore.builder(dir).models(Twins.demo().models()).snapshotEvery(0).open();
  }

  private static List<String> state(Twins g) {
    List<String> out = new ArrayList<>();
    List<Twin> twins = new ArrayList<>(g.twins());
    twins.sort(Comparator.comparing(Twin::id));
    for (Twin t : twins) {
      out.add(t.toJson().toString());
      g.outgoing(t.id()).forEach(r -> out.add(r.toJson().toString()));
    }
    return out;
  }

  @Test
  void manyChunksRoundTripInOrderAndADamagedOneIsNamed() throws Exception {
    List<String> expected;
    Path snap;
    try (TwinStore store = open()) {
      Twins g = store.twins();
      store.batch(() -> {
        g.createTwin("floor", "dtmi:twins:demo:Floor;1", Map.of("level", 1));
        for (int i = 0; i < ROOMS; i++) {
          g.createTwin("room-" + i, "dtmi:twins:demo:Room;1", Map.of("temperature", 20.0 + i % 9, "occupied", i % 2 == 0));
          g.relate("floor", "has-" + i, "hasRoom", "room-" + i);
        }
      });
      snap = store.snapshot();
      expected = state(g);
    }
    // every record in its place: the lsns of the file follow from 1 (checked by the reader), the types in order
    TreeMap<Long, Integer> types = new TreeMap<>();
    SnapshotFiles.read(snap, (lsn, type, version, payload, file, offset) -> types.put(lsn, type));
    assertThat(types.values()).filteredOn(t -> t == RecordTypes.TWIN).hasSize(ROOMS + 1);
    assertThat(types.values()).filteredOn(t -> t == RecordTypes.RELATION).hasSize(ROOMS);
    assertThat(types.get(3L)).isEqualTo(RecordTypes.TWIN);
    assertThat(types.get(3L + ROOMS)).isEqualTo(RecordTypes.TWIN);
    assertThat(types.get(4L + ROOMS)).isEqualTo(RecordTypes.RELATION);
    // relationships refer to their twins by position and to names by code (version 3), twins to
    // names by code (version 2): no id string repeated, one names record
    List<Integer> relVersions = new ArrayList<>();
    List<Integer> twinVersions = new ArrayList<>();
    SnapshotFiles.read(snap, (lsn, type, version, payload, file, offset) -> {
      if (type == RecordTypes.RELATION) relVersions.add(version);
      if (type == RecordTypes.TWIN) twinVersions.add(version);
    });
    assertThat(relVersions).hasSize(ROOMS).containsOnly(RecordTypes.V3);
    assertThat(twinVersions).hasSize(ROOMS + 1).containsOnly(RecordTypes.V2);
    assertThat(types.values()).filteredOn(t -> t == RecordTypes.NAMES).hasSize(1);
    try (TwinStore store = open()) {
      assertThat(store.recovery().snapshot()).contains(snap);
      assertThat(store.recovery().recordsReplayed()).isZero();
      assertThat(state(store.twins())).isEqualTo(expected);
    }
    // a record that passes its CRC but does not decode, in a later chunk: named by its offset
    long[] at = {-1};
    int[] seen = {0};
    SnapshotFiles.read(snap, (lsn, type, version, payload, file, offset) -> {
      if (type == RecordTypes.RELATION && ++seen[0] == SnapshotRecords.CHUNK + 5) at[0] = offset;
    });
    byte[] all = java.nio.file.Files.readAllBytes(snap);
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(all).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    int p = (int) at[0];
    int len = b.getInt(p);
    all[p + Frames.RECORD_HEADER + len - 1] = 'x';   // the properties' closing brace
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(all, p + 8, Frames.RECORD_HEADER - 8 + len);
    b.putInt(p + 4, (int) crc.getValue());
    try (RandomAccessFile f = new RandomAccessFile(snap.toFile(), "rw")) {
      f.write(all);
    }
    try (TwinStore store = open()) {
      // a damaged snapshot is skipped (reported with its file and offset); the journal still holds everything
      assertThat(store.recovery().skippedSnapshots()).singleElement().asString()
          .contains(snap.getFileName().toString()).contains("at byte " + at[0]).contains("relationship");
      assertThat(state(store.twins())).isEqualTo(expected);
    }
    assertThatThrownBy(() -> SnapshotFiles.read(dir.resolve("missing.twsnap"), (l, t, v, pl, f, o) -> { }))
        .isInstanceOf(StoreException.class);
  }

  /** Rewrites the type version and, optionally, the first twin position of the n-th relationship record. */
  private static long rewriteRelationship(Path snap, int nth, int version, long sourceIndex) throws Exception {
    long[] at = {-1};
    int[] seen = {0};
    SnapshotFiles.read(snap, (lsn, type, v, payload, file, offset) -> {
      if (type == RecordTypes.RELATION && ++seen[0] == nth) at[0] = offset;
    });
    byte[] all = java.nio.file.Files.readAllBytes(snap);
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(all).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    int p = (int) at[0];
    int len = b.getInt(p);
    all[p + 17] = (byte) version;
    if (sourceIndex >= 0) {
      // payload: id (varint length + bytes), then the source position as a varint
      int q = p + Frames.RECORD_HEADER;
      int idLen = all[q];   // short ids: one-byte varint
      int src = q + 1 + idLen;
      int end = src;
      while ((all[end] & 0x80) != 0) end++;
      byte[] before = java.util.Arrays.copyOfRange(all, q, src);
      byte[] after = java.util.Arrays.copyOfRange(all, end + 1, q + len);
      Bytes idx = new Bytes(16);
      idx.varLong(sourceIndex);
      byte[] rebuilt = new byte[before.length + idx.length() + after.length];
      System.arraycopy(before, 0, rebuilt, 0, before.length);
      System.arraycopy(idx.array(), 0, rebuilt, before.length, idx.length());
      System.arraycopy(after, 0, rebuilt, before.length + idx.length(), after.length);
      int newLen = rebuilt.length;
      byte[] out = new byte[all.length - len + newLen];
      System.arraycopy(all, 0, out, 0, q);
      System.arraycopy(rebuilt, 0, out, q, newLen);
      System.arraycopy(all, q + len, out, q + newLen, all.length - q - len);
      all = out;
      b = java.nio.ByteBuffer.wrap(all).order(java.nio.ByteOrder.LITTLE_ENDIAN);
      b.putInt(p, newLen);
      len = newLen;
    }
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(all, p + 8, Frames.RECORD_HEADER - 8 + len);
    b.putInt(p + 4, (int) crc.getValue());
    java.nio.file.Files.write(snap, all);
    return at[0];
  }

  private Path smallStore(int rooms) {
    try (TwinStore store = open()) {
      Twins g = store.twins();
      store.batch(() -> {
        g.createTwin("floor", "dtmi:twins:demo:Floor;1", Map.of("level", 1));
        for (int i = 0; i < rooms; i++) {
          g.createTwin("room-" + i, "dtmi:twins:demo:Room;1", Map.of("temperature", 20.0));
          g.relate("floor", "has-" + i, "hasRoom", "room-" + i);
        }
      });
      return store.snapshot();
    }
  }

  @Test
  void aTwinPositionOutsideTheSnapshotIsCorruptionNamedByOffset() throws Exception {
    Path snap = smallStore(5);
    long at = rewriteRelationship(snap, 3, RecordTypes.V3, 1_000);
    // the journal still holds everything: the damaged snapshot is skipped and reported
    try (TwinStore store = open()) {
      assertThat(store.recovery().skippedSnapshots()).singleElement().asString()
          .contains(snap.getFileName().toString()).contains("at byte " + at)
          .contains("relationship has-2").contains("twin record 1000").contains("holds 6 twins");
      assertThat(store.twins().relationCount()).isEqualTo(5);
    }
  }

  @Test
  void aRelationshipRecordOfANewerVersionIsRefused() throws Exception {
    Path snap = smallStore(3);
    long at = rewriteRelationship(snap, 2, 4, -1);
    assertThatThrownBy(this::open).isInstanceOfSatisfying(StoreException.class, e -> {
      assertThat(e.code()).isEqualTo(StoreException.Code.UNSUPPORTED_VERSION);
      assertThat(e.file()).contains(snap);
      assertThat(e.offset()).hasValue(at);
      assertThat(e.getMessage()).contains("has version 4").contains("versions 1 to 3");
    });
  }

  /** Replaces the payload and type version of the n-th record of a type (fixing its length and CRC). */
  private static long rewriteRecord(Path snap, int type, int nth, int version,
      java.util.function.UnaryOperator<byte[]> payload) throws Exception {
    long[] at = {-1};
    int[] seen = {0};
    SnapshotFiles.read(snap, (lsn, t, v, p, file, offset) -> {
      if (t == type && ++seen[0] == nth) at[0] = offset;
    });
    byte[] all = java.nio.file.Files.readAllBytes(snap);
    int p = (int) at[0];
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(all).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    int len = b.getInt(p);
    byte[] old = java.util.Arrays.copyOfRange(all, p + Frames.RECORD_HEADER, p + Frames.RECORD_HEADER + len);
    byte[] now = payload.apply(old);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    out.write(all, 0, p + Frames.RECORD_HEADER);
    out.write(now);
    out.write(all, p + Frames.RECORD_HEADER + len, all.length - p - Frames.RECORD_HEADER - len);
    byte[] rebuilt = out.toByteArray();
    java.nio.ByteBuffer r = java.nio.ByteBuffer.wrap(rebuilt).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    r.putInt(p, now.length);
    rebuilt[p + 17] = (byte) version;
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(rebuilt, p + 8, Frames.RECORD_HEADER - 8 + now.length);
    r.putInt(p + 4, (int) crc.getValue());
    java.nio.file.Files.write(snap, rebuilt);
    return at[0];
  }

  @Test
  void aTwinRecordOfANewerVersionIsRefusedWithFileAndOffset() throws Exception {
    Path snap = smallStore(3);
    long at = rewriteRecord(snap, RecordTypes.TWIN, 2, 3, x -> x);
    assertThatThrownBy(this::open).isInstanceOfSatisfying(StoreException.class, e -> {
      assertThat(e.code()).isEqualTo(StoreException.Code.UNSUPPORTED_VERSION);
      assertThat(e.file()).contains(snap);
      assertThat(e.offset()).hasValue(at);
      assertThat(e.getMessage()).contains("(twin) has version 3").contains("versions 1 to 2");
    });
  }

  @Test
  void aNamesRecordOfANewerVersionIsRefused() throws Exception {
    Path snap = smallStore(3);
    long at = rewriteRecord(snap, RecordTypes.NAMES, 1, 2, x -> x);
    assertThatThrownBy(this::open).isInstanceOfSatisfying(StoreException.class, e -> {
      assertThat(e.code()).isEqualTo(StoreException.Code.UNSUPPORTED_VERSION);
      assertThat(e.offset()).hasValue(at);
      assertThat(e.getMessage()).contains("(names) has version 2");
    });
  }

  @Test
  void namesMissingFromTheNamesRecordAreCorruptionNamedByFileAndOffset() throws Exception {
    Path snap = smallStore(3);
    // an empty names record: every code of the twin and relationship records points past it
    rewriteRecord(snap, RecordTypes.NAMES, 1, RecordTypes.V1, x -> new byte[] {0});
    List<Long> recordOffsets = new ArrayList<>();
    SnapshotFiles.read(snap, (lsn, type, v, p, file, offset) -> {
      if (type == RecordTypes.TWIN || type == RecordTypes.RELATION) recordOffsets.add(offset);
    });
    try (TwinStore store = open()) {
      // skipped and reported (the journal still holds everything)
      String report = String.valueOf(store.recovery().skippedSnapshots());
      assertThat(report).contains(snap.getFileName().toString()).contains("code").contains("0 names");
      assertThat(recordOffsets).anySatisfy(o -> assertThat(report).contains("at byte " + o));
      assertThat(store.twins().relationCount()).isEqualTo(3);
    }
  }

  @Test
  void bytesAfterTheNamesAreCorruption() throws Exception {
    Path snap = smallStore(2);
    // the names record's payload twice over: a count, the names, then the same again
    rewriteRecord(snap, RecordTypes.NAMES, 1, RecordTypes.V1, x -> {
      byte[] twice = java.util.Arrays.copyOf(x, x.length * 2);
      System.arraycopy(x, 0, twice, x.length, x.length);
      return twice;
    });
    try (TwinStore store = open()) {
      assertThat(String.valueOf(store.recovery().skippedSnapshots())).contains(snap.getFileName().toString())
          .contains("unexpected bytes after the names");
    }
  }
}
