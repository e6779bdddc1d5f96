package dev.twins.persistence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.twins.core.graph.GraphSnapshot;
import dev.twins.core.graph.Relation;
import dev.twins.core.graph.Twin;
import dev.twins.core.model.ModelParser;
import dev.twins.core.model.ModelWriter;
import dev.twins.core.model.Models;
import dev.twins.core.series.GeoCursor;
import dev.twins.core.series.GeoSeries;
import dev.twins.core.series.Series;
import dev.twins.core.series.SeriesStore;
import dev.twins.core.telemetry.TelemetryHub;
import dev.twins.core.telemetry.TelemetryMessage;
import dev.twins.persistence.StoreException;
import dev.twins.persistence.TwinStore;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Telemetry history in snapshots as compressed blocks (record type 19), and the older sample records (type 20). */
class SeriesBlockRecordTest {
  private static final long T0 = 1_700_000_000_000L;
  private static final Models MODELS = ModelParser.parseJson("""
      [{"@context": "dtmi:dtdl:context;3", "@id": "dtmi:test:Tracker;1", "@type": "Interface",
        "contents": [
          {"@type": "Property", "name": "label", "schema": "string"},
          {"@type": "Telemetry", "name": "temperature", "schema": "double"},
          {"@type": "Telemetry", "name": "moving", "schema": "boolean"},
          {"@type": "Telemetry", "name": "mode", "schema": "string"},
          {"@type": "Telemetry", "name": "position", "schema": "point"}
        ]}]""");
  private static final String[] NAMES = {"temperature", "moving", "mode", "position"};

  @TempDir Path dir;

  private TwinStore open() {
    return TwinStore.builder(dir).models(MODELS).snapshotEvery(0).open();
  }

  /** Two trackers, 700 readings of each telemetry (several closed blocks and an open one). */
  private void fill(TwinStore store, int from, int to) {
    TelemetryHub hub = store.telemetry();
    store.batch(() -> {
      for (String id : List.of("t-1", "t-2")) {
        if (store.twins().twin(id).isEmpty()) store.twins().createTwin(id, "dtmi:test:Tracker;1", Map.of("label", id));
        for (int i = from; i < to; i++) {
          long t = T0 + i * 1000L;
          hub.ingest(id, "temperature", t, 20 + (i % 50) * 0.1);
          hub.ingest(new TelemetryMessage(id, Optional.empty(), t, Map.of("moving", JsonNodeFactory.instance
              .booleanNode(i % 9 < 4), "mode", JsonNodeFactory.instance.stringNode("mode-" + i / 100), "position",
              point(31 + i * 1e-4, -24 - i * 1e-4)), Optional.empty()));
        }
      }
    });
  }

  private static ObjectNode point(double lon, double lat) {
    ObjectNode p = JsonNodeFactory.instance.objectNode();
    p.put("type", "Point");
    p.putArray("coordinates").add(lon).add(lat);
    return p;
  }

  /** Every sample of every series of the store, as text. */
  private static List<String> history(TwinStore store) {
    List<String> out = new ArrayList<>();
    for (String id : List.of("t-1", "t-2")) {
      for (String n : NAMES) {
        Series s = store.telemetry().series(id, n).orElseThrow();
        out.add(id + " " + n + " " + s.size() + " " + s.firstTime() + " " + s.lastTime());
        if (s instanceof GeoSeries g) {
          GeoCursor c = g.scan(Long.MIN_VALUE, Long.MAX_VALUE);
          while (c.next()) out.add(c.time() + ":" + c.lon() + "," + c.lat());
        }
        out.add(n + " last " + store.telemetry().last(id, n).orElseThrow());
      }
    }
    out.add(store.telemetry().series("t-1", "temperature").map(s -> ((dev.twins.core.series.DoubleSeries) s)
        .stats(Long.MIN_VALUE, Long.MAX_VALUE).toString()).orElseThrow());
    out.add(store.telemetry().series("t-2", "mode").map(s -> ((dev.twins.core.series.StringSeries) s)
        .valueAt(T0 + 250_500).orElseThrow()).orElseThrow());
    return out;
  }

  /** The record types of a snapshot, in order, with their offsets. */
  private static TreeMap<Long, Integer> records(Path snapshot) {
    TreeMap<Long, Integer> out = new TreeMap<>();
    SnapshotFiles.read(snapshot, (lsn, type, version, payload, file, offset) -> out.put(offset, type));
    return out;
  }

  @Test
  void seriesRoundTripAsBlocksAndTheJournalTailAppliesAfterThem() {
    List<String> expected;
    Path snap;
    try (TwinStore store = open()) {
      fill(store, 0, 700);
      snap = store.snapshot();
      fill(store, 700, 720);   // the journal after the snapshot
      expected = history(store);
    }
    assertThat(records(snap).values()).contains(RecordTypes.SERIES_BLOCK).doesNotContain(RecordTypes.SERIES_SAMPLES)
        .filteredOn(t -> t == RecordTypes.SERIES_BLOCK).hasSize(8);
    try (TwinStore store = open()) {
      assertThat(store.recovery().snapshot()).contains(snap);
      assertThat(store.recovery().telemetryRefused()).isZero();
      assertThat(history(store)).isEqualTo(expected);
      store.snapshot();
    }
    try (TwinStore store = open()) {
      assertThat(store.recovery().recordsReplayed()).isZero();
      assertThat(history(store)).isEqualTo(expected);
      // and the restored series take new readings
      fill(store, 720, 721);
      assertThat(store.telemetry().series("t-1", "temperature").orElseThrow().size()).isEqualTo(721);
    }
  }

  @Test
  void aLongSeriesIsSplitIntoPartsThatReadBackTogether() {
    SeriesStore store = SeriesStore.create();
    for (int i = 0; i < 50_000; i++) store.doubles("t", "x").append(T0 + i, Math.sin(i) * 1e6);
    Series s = store.doubles("t", "x");
    List<byte[]> parts = new ArrayList<>();
    assertThat(encodeInParts(s, new Bytes(64), parts)).isEqualTo(50_000);
    assertThat(parts.size()).isGreaterThan(1);
    SeriesBlockCodec.Assembler a = new SeriesBlockCodec.Assembler();
    SeriesBlockCodec.Stored done = null;
    for (int i = 0; i < parts.size(); i++) {
      done = a.add(ByteBuffer.wrap(parts.get(i)).order(ByteOrder.LITTLE_ENDIAN), i);
      assertThat(done == null).isEqualTo(i < parts.size() - 1);
    }
    SeriesStore back = SeriesStore.create();
    dev.twins.core.series.SeriesBlocks.restore(back.doubles("t", "x"), done.contents());
    assertThat(back.doubles("t", "x").stats(Long.MIN_VALUE, Long.MAX_VALUE))
        .isEqualTo(store.doubles("t", "x").stats(Long.MIN_VALUE, Long.MAX_VALUE));
    // a part out of sequence is refused
    SeriesBlockCodec.Assembler b = new SeriesBlockCodec.Assembler();
    assertThatThrownBy(() -> b.add(ByteBuffer.wrap(parts.get(1)), 0)).hasMessageContaining("does not follow");
  }

  /** Encodes with small parts: the blocks of 50,000 noisy doubles are well over the 64 KiB used here. */
  private static long encodeInParts(Series s, Bytes b, List<byte[]> parts) {
    return SeriesBlockCodec.encode("t", "x", s, b, (p, len) -> parts.add(java.util.Arrays.copyOf(p, len)), 64 << 10);
  }

  @Test
  void aDamagedBlockRecordIsFoundWithItsFileAndOffset() throws Exception {
    Path snap;
    try (TwinStore store = open()) {
      fill(store, 0, 700);
      snap = store.snapshot();
    }
    long at = records(snap).entrySet().stream().filter(e -> e.getValue() == RecordTypes.SERIES_BLOCK)
        .findFirst().orElseThrow().getKey();
    try (RandomAccessFile f = new RandomAccessFile(snap.toFile(), "rw")) {
      f.seek(at + Frames.RECORD_HEADER + 40);
      int x = f.read();
      f.seek(at + Frames.RECORD_HEADER + 40);
      f.write(x ^ 0x10);
    }
    assertThatThrownBy(() -> SnapshotFiles.read(snap, (lsn, type, version, payload, file, offset) -> { }))
        .isInstanceOfSatisfying(StoreException.class, e -> {
          assertThat(e.code()).isEqualTo(StoreException.Code.CORRUPT);
          assertThat(e.file()).contains(snap);
          assertThat(e.offset()).hasValue(at);
        });
    // the store falls back to the journal (which still holds everything) and says why
    try (TwinStore store = open()) {
      assertThat(store.recovery().skippedSnapshots()).singleElement().asString()
          .contains(snap.getFileName().toString()).contains("at byte " + at);
      assertThat(store.telemetry().series("t-1", "temperature").orElseThrow().size()).isEqualTo(700);
    }
  }

  /** The offset of block record {@code i} of a snapshot. */
  private static long blockRecord(Path snap, int i) {
    return records(snap).entrySet().stream().filter(e -> e.getValue() == RecordTypes.SERIES_BLOCK).skip(i)
        .findFirst().orElseThrow().getKey();
  }

  /** Rewrites block record {@code i} of a snapshot with a new payload (and a valid CRC). */
  private static void rewriteBlockRecord(Path snap, int i, java.util.function.UnaryOperator<byte[]> change)
      throws Exception {
    byte[] all = java.nio.file.Files.readAllBytes(snap);
    ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
    long at = blockRecord(snap, i);
    int len = b.getInt((int) at);
    byte[] payload = java.util.Arrays.copyOfRange(all, (int) at + Frames.RECORD_HEADER, (int) at + Frames.RECORD_HEADER
        + len);
    byte[] changed = change.apply(payload);
    assertThat(changed).hasSameSizeAs(payload);
    System.arraycopy(changed, 0, all, (int) at + Frames.RECORD_HEADER, len);
    CRC32C crc = new CRC32C();
    crc.update(all, (int) at + 8, Frames.RECORD_HEADER - 8 + len);
    b.putInt((int) at + 4, (int) crc.getValue());
    java.nio.file.Files.write(snap, all);
  }

  @Test
  void aBlockThatDoesNotDecodeIsCorruptWithItsOffsetAndANewerEncodingIsRefused() throws Exception {
    Path snap;
    try (TwinStore store = open()) {
      fill(store, 0, 700);
      snap = store.snapshot();
    }
    long at = records(snap).entrySet().stream().filter(e -> e.getValue() == RecordTypes.SERIES_BLOCK)
        .findFirst().orElseThrow().getKey();
    // the first series is t-1's "mode": id (4 bytes), name (5), kind, encoding version at byte 10
    rewriteBlockRecord(snap, 0, p -> {
      assertThat(p[10]).isEqualTo((byte) 1);
      p[10] = 2;
      return p;
    });
    assertThatThrownBy(this::open).isInstanceOfSatisfying(StoreException.class, e -> {
      assertThat(e.code()).isEqualTo(StoreException.Code.UNSUPPORTED_VERSION);
      assertThat(e.offset()).hasValue(at);
      assertThat(e.getMessage()).contains(snap.getFileName().toString()).contains("encoding version 2");
    });
    rewriteBlockRecord(snap, 0, p -> {
      p[10] = 1;
      return p;
    });
    // a block whose sample count does not fit its bits: the record's CRC is right, its contents are not
    long temperature = blockRecord(snap, 3);
    rewriteBlockRecord(snap, 3, p -> {
      // "t-1", "temperature", kind, version, part, last, no dictionary, no head, 2 blocks, the first of 256 samples
      assertThat(new byte[] {p[16], p[20], p[21], p[22], p[23], p[24]}).containsExactly(0, 0, 0, 2, (byte) 0x80, 2);
      p[23] = (byte) 0xFF;
      p[24] = 1;
      return p;
    });
    assertThatThrownBy(this::open).isInstanceOfSatisfying(StoreException.class, e -> {
      assertThat(e.code()).isEqualTo(StoreException.Code.CORRUPT);
      assertThat(e.offset()).hasValue(temperature);
      assertThat(e.getMessage()).contains(snap.getFileName().toString()).contains("series temperature of twin t-1")
          .contains("block 1 of 2");
    });
  }

  @Test
  void aSnapshotWithSeriesAsSampleRecordsStillReads() {
    List<String> expected;
    try (TwinStore store = open()) {
      fill(store, 0, 300);
      expected = history(store);
    }
    // write the snapshot as Twins did before blocks: records of type 20, every sample
    StoreEngine engine = StoreEngine.open(new StoreEngine.Config(dir, dev.twins.persistence.Durability.os(), MODELS,
        b -> b, b -> b, 64L << 20, 0, dev.twins.persistence.CorruptionPolicy.FAIL));
    Path snap;
    try {
      GraphSnapshot g = engine.graph().snapshot();
      try (SnapshotFiles.Writer w = new SnapshotFiles.Writer(dir, engine.lastLsn())) {
        Bytes b = new Bytes(256);
        b.varLong(g.sequence());
        b.instant(Instant.now());
        w.add(RecordTypes.SNAPSHOT_INFO, 1, b.array(), b.length());
        byte[] m = ModelWriter.toJson(MODELS).getBytes(StandardCharsets.UTF_8);
        w.add(RecordTypes.MODELS, 1, m, m.length);
        for (Twin t : g.twins()) {
          b.reset();
          EventCodec.twin(t, b);
          w.add(RecordTypes.TWIN, 1, b.array(), b.length());
        }
        for (Relation r : g.relations()) {
          b.reset();
          EventCodec.relation(r, b);
          w.add(RecordTypes.RELATION, 1, b.array(), b.length());
        }
        SeriesStore ss = engine.telemetry().seriesStore().orElseThrow();
        for (String id : new java.util.TreeSet<>(ss.twinIds())) {
          for (Map.Entry<String, Series> e : new TreeMap<>(ss.seriesOf(id)).entrySet()) {
            b.reset();
            SeriesCodec.encode(id, e.getKey(), e.getValue(), b);
            w.add(RecordTypes.SERIES_SAMPLES, 1, b.array(), b.length());
          }
        }
        b.reset();
        b.varLong(g.twins().size());
        b.varLong(g.relations().size());
        snap = w.commit(b.array(), b.length());
      }
    } finally {
      engine.close();
    }
    assertThat(records(snap).values()).contains(RecordTypes.SERIES_SAMPLES).doesNotContain(RecordTypes.SERIES_BLOCK);
    try (TwinStore store = open()) {
      assertThat(store.recovery().snapshot()).contains(snap);
      assertThat(store.recovery().recordsReplayed()).isZero();
      assertThat(history(store)).isEqualTo(expected);
    }
  }
}
