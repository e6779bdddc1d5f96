package dev.twins.persistence.internal;

import dev.twins.core.history.HistoryStorage;
import dev.twins.core.series.Retention;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The records of a store's property history (see docs/formats.md).
 *
 * <pre>
 * history settings (type 24, journal and snapshot), version 1:
 *   flags (u8: 1 every property of every twin); sequence (varint: in a snapshot, the graph
 *   sequence number of the newest change its histories hold; in the journal, the graph's sequence
 *   number when the history started); model count (varint), per model its DTMI (string) and its
 *   name count (varint: 0 for all of the model's) and names (strings); retention: maximum count,
 *   maximum age in milliseconds (varints)
 * history blocks (type 25, snapshot), version 1:
 *   flags (u8: 1 the numbers were all integers), then a series blocks payload (type 19's: twin id,
 *   property name, kind 0 numbers or 2 JSON texts, block encoding version, parts, ...)
 * </pre>
 */
final class HistoryCodec {
  private HistoryCodec() {}

  /** Decoded settings and their sequence number. */
  record Settings(HistoryStorage.Settings settings, long sequence) {}

  static void settings(HistoryStorage.Settings s, long sequence, Bytes out) {
    out.u8(s.all() ? 1 : 0);
    out.varLong(sequence);
    out.varLong(s.selected().size());
    for (Map.Entry<String, List<String>> e : s.selected().entrySet()) {
      out.string(e.getKey());
      out.varLong(e.getValue().size());
      for (String n : e.getValue()) out.string(n);
    }
    out.varLong(s.retention().maxCount());
    out.varLong(s.retention().maxAgeMillis());
  }

  /**
   * Decodes a settings payload.
   *
   * @throws IllegalArgumentException if it is malformed
   */
  static Settings settings(ByteBuffer payload) {
    Bytes.Reader r = new Bytes.Reader(payload);
    int flags = r.u8();
    if (flags > 1) throw new IllegalArgumentException("unknown history flags " + flags);
    long sequence = r.varLong();
    int models = r.varInt();
    if (models > r.remaining()) throw new IllegalArgumentException(models + " models past the end");
    Map<String, List<String>> selected = new LinkedHashMap<>();
    for (int i = 0; i < models; i++) {
      String model = r.string();
      int n = r.varInt();
      if (n > r.remaining()) throw new IllegalArgumentException(n + " names past the end");
      List<String> names = new ArrayList<>(n);
      for (int k = 0; k < n; k++) names.add(r.string());
      selected.put(model, names);
    }
    Retention retention = new Retention(r.varLong(), r.varLong());
    if (r.hasMore()) throw new IllegalArgumentException("unexpected bytes after the history settings at " + r.position());
    return new Settings(new HistoryStorage.Settings(flags == 1, selected, retention), sequence);
  }

  /**
   * Encodes one history as one or more records.
   *
   * @param h the history
   * @param out a scratch buffer
   * @param sink receives each record
   */
  static void blocks(HistoryStorage.Stored h, Bytes out, SeriesBlockCodec.Sink sink) {
    byte[] flag = {(byte) (h.integral() ? 1 : 0)};
    SeriesBlockCodec.encode(h.twinId(), h.property(), h.contents(), out, (p, len) -> {
      byte[] rec = new byte[len + 1];
      rec[0] = flag[0];
      System.arraycopy(p, 0, rec, 1, len);
      sink.record(rec, rec.length);
    });
  }

  /** Puts the parts of each history back together. */
  static final class Assembler {
    private final SeriesBlockCodec.Assembler series = new SeriesBlockCodec.Assembler();
    private boolean integral;

    /**
     * Takes one record.
     *
     * @return the history if this was its last part, else null
     * @throws IllegalArgumentException if the record is malformed or out of sequence
     */
    Stored add(ByteBuffer payload, long at) {
      ByteBuffer b = payload.duplicate();
      int flags = b.get() & 0xFF;
      if (flags > 1) throw new IllegalArgumentException("unknown history flags " + flags);
      boolean first = series.pending() == null;
      if (first) integral = flags == 1;
      else if (integral != (flags == 1)) throw new IllegalArgumentException("the parts of a history disagree on its flags");
      SeriesBlockCodec.Stored s = series.add(b.slice().order(payload.order()), at);
      return s == null ? null : new Stored(new HistoryStorage.Stored(s.twinId(), s.name(), integral, s.contents()),
          s.offset());
    }

    /** @return the history waiting for its last part, or null */
    String pending() {
      return series.pending();
    }
  }

  /** A history read back, with the offset of its first record. */
  record Stored(HistoryStorage.Stored history, long offset) {}
}
