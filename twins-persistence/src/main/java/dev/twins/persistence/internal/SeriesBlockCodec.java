package dev.twins.persistence.internal;

import dev.twins.core.series.Series;
import dev.twins.core.series.SeriesBlocks;
import dev.twins.core.series.SeriesKind;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A telemetry series in a snapshot as its compressed blocks ({@link RecordTypes#SERIES_BLOCK},
 * version 1; see docs/formats.md): the closed blocks are written as the series holds them and
 * read back without encoding the samples again ({@link SeriesBlocks}). A long series is split
 * into parts of at most {@link #PART_BYTES} bytes of blocks, in consecutive records.
 *
 * <pre>
 * twin id, telemetry name (strings); kind (u8: 0 number, 1 boolean, 2 string, 3 point);
 * block encoding version (varint); part number (varint, from 0); last part (u8: 0 or 1);
 * dictionary: count (varint), strings                  -- part 0 only, else count 0
 * head samples: count (varint), samples                -- part 0 only, else count 0
 * blocks: count (varint), per block: sample count, bit length, bit where the values start
 *         (varints), then (bits + 7) / 8 bytes: the bits, most significant first
 * tail samples: count (varint), samples                -- last part only, else count 0
 * a sample: time as a zigzag delta from the previous one (the first from 0), then its value
 *         words (2 for points, else 1), 8 bytes each, little-endian
 * </pre>
 */
public final class SeriesBlockCodec {
  /** Bytes of blocks after which a record is closed and the series goes on in the next one. */
  static final int PART_BYTES = 8 << 20;

  private SeriesBlockCodec() {}

  /** Receives the encoded records of one series. */
  public interface Sink {
    /**
     * One record.
     *
     * @param payload the payload
     * @param len its length
     */
    void record(byte[] payload, int len);
  }

  /**
   * Encodes one series as one or more records.
   *
   * @param twinId the twin
   * @param name the telemetry name ({@code component/name} for a component's)
   * @param series the series
   * @param out a scratch buffer
   * @param sink receives each record
   * @return the number of samples written
   */
  public static long encode(String twinId, String name, Series series, Bytes out, Sink sink) {
    return encode(twinId, name, series, out, sink, PART_BYTES);
  }

  /**
   * Encodes one series as one or more records of at most about {@code partBytes} bytes of blocks.
   *
   * @param twinId the twin
   * @param name the telemetry name
   * @param series the series
   * @param out a scratch buffer
   * @param sink receives each record
   * @param partBytes bytes of blocks after which a record is closed
   * @return the number of samples written
   */
  static long encode(String twinId, String name, Series series, Bytes out, Sink sink, int partBytes) {
    return encode(twinId, name, SeriesBlocks.export(series), out, sink, partBytes);
  }

  /**
   * Encodes exported contents as one or more records.
   *
   * @param twinId the twin
   * @param name the series' name
   * @param c the contents
   * @param out a scratch buffer
   * @param sink receives each record
   * @return the number of samples written
   */
  static long encode(String twinId, String name, SeriesBlocks.Contents c, Bytes out, Sink sink) {
    return encode(twinId, name, c, out, sink, PART_BYTES);
  }

  private static long encode(String twinId, String name, SeriesBlocks.Contents c, Bytes out, Sink sink, int partBytes) {
    int width = c.kind() == SeriesKind.GEO_POINT ? 2 : 1;
    List<SeriesBlocks.Block> blocks = c.blocks();
    int from = 0;
    int part = 0;
    do {
      int to = from;
      long bytes = 0;
      while (to < blocks.size() && (to == from || bytes + blocks.get(to).words().length * 8L <= partBytes)) {
        bytes += blocks.get(to).words().length * 8L;
        to++;
      }
      boolean last = to == blocks.size();
      out.reset();
      out.string(twinId);
      out.string(name);
      out.u8(c.kind().ordinal());
      out.varLong(SeriesBlocks.ENCODING_VERSION);
      out.varLong(part);
      out.u8(last ? 1 : 0);
      List<String> dict = part == 0 ? c.dictionary() : List.of();
      out.varLong(dict.size());
      for (String s : dict) out.string(s);
      samples(part == 0 ? c.head() : SeriesBlocks.Samples.NONE, width, out);
      out.varLong(to - from);
      for (int i = from; i < to; i++) {
        SeriesBlocks.Block b = blocks.get(i);
        out.varLong(b.count());
        out.varLong(b.bits());
        out.varLong(b.valueBits());
        int n = (b.bits() + 7) >>> 3;
        long[] w = b.words();
        for (int k = 0; k < n; k++) out.u8((int) (w[k >>> 3] >>> (56 - 8 * (k & 7))));
      }
      samples(last ? c.tail() : SeriesBlocks.Samples.NONE, width, out);
      sink.record(out.array(), out.length());
      from = to;
      part++;
    } while (from < blocks.size());
    return c.size();
  }

  private static void samples(SeriesBlocks.Samples s, int width, Bytes out) {
    out.varLong(s.size());
    long prev = 0;
    long[] t = s.times();
    long[] w = s.words();
    for (int i = 0; i < t.length; i++) {
      out.zigzag(t[i] - prev);
      prev = t[i];
      for (int k = 0; k < width; k++) out.fixed64(w[i * width + k]);
    }
  }

  private static SeriesBlocks.Samples samples(Bytes.Reader r, int width) {
    int n = r.varInt();
    if ((long) n * (1 + 8 * width) > r.remaining()) throw new IllegalArgumentException(n + " samples past the end");
    long[] t = new long[n];
    long[] w = new long[n * width];
    long prev = 0;
    for (int i = 0; i < n; i++) {
      prev += r.zigzag();
      t[i] = prev;
      for (int k = 0; k < width; k++) w[i * width + k] = r.fixed64();
    }
    return new SeriesBlocks.Samples(t, w);
  }

  /**
   * A series read back from its records, to restore once the graph and its telemetry hub exist.
   *
   * @param twinId the twin
   * @param name the telemetry name
   * @param contents the samples
   * @param offset the offset of its first record, for messages
   */
  public record Stored(String twinId, String name, SeriesBlocks.Contents contents, long offset) {}

  /** Puts the parts of each series back together, in the order of the snapshot. */
  public static final class Assembler {
    private String twinId;
    private String name;
    private SeriesKind kind;
    private int nextPart;
    private long offset;
    private List<String> dictionary;
    private SeriesBlocks.Samples head;
    private List<SeriesBlocks.Block> blocks;

    /** Creates an assembler with no series pending. */
    public Assembler() {}

    /**
     * Takes one record.
     *
     * @param payload the payload
     * @param at the record's offset in its file
     * @return the series if this was its last part, else null
     * @throws IllegalArgumentException if the record is malformed or out of sequence
     * @throws EncodingVersionException if the blocks are of an encoding version this code does not read
     */
    public Stored add(ByteBuffer payload, long at) {
      Bytes.Reader r = new Bytes.Reader(payload);
      String twin = r.string();
      String series = r.string();
      int k = r.u8();
      if (k >= SeriesKind.values().length) throw new IllegalArgumentException("unknown series kind " + k);
      SeriesKind sk = SeriesKind.values()[k];
      long encoding = r.varLong();
      if (encoding != SeriesBlocks.ENCODING_VERSION) {
        throw new EncodingVersionException("the blocks of series " + series + " of twin " + twin
            + " have encoding version " + encoding + "; this version of Twins reads version "
            + SeriesBlocks.ENCODING_VERSION);
      }
      long part = r.varLong();
      int last = r.u8();
      if (last > 1) throw new IllegalArgumentException("bad last-part flag " + last);
      if (part == 0) {
        if (twinId != null) {
          throw new IllegalArgumentException("series " + name + " of twin " + twinId + " ends without its last part");
        }
        twinId = twin;
        name = series;
        kind = sk;
        offset = at;
        blocks = new ArrayList<>();
      } else if (twinId == null || part != nextPart || !twin.equals(twinId) || !series.equals(name) || sk != kind) {
        throw new IllegalArgumentException("part " + part + " of series " + series + " of twin " + twin
            + " does not follow " + (twinId == null ? "a first part" : "part " + (nextPart - 1) + " of series " + name
            + " of twin " + twinId));
      }
      int width = sk == SeriesKind.GEO_POINT ? 2 : 1;
      int nd = r.varInt();
      if (part > 0 && nd > 0) throw new IllegalArgumentException("a dictionary in part " + part);
      if (nd > r.remaining()) throw new IllegalArgumentException(nd + " dictionary values past the end");
      List<String> dict = new ArrayList<>(nd);
      for (int i = 0; i < nd; i++) dict.add(r.string());
      SeriesBlocks.Samples h = samples(r, width);
      if (part > 0 && h.size() > 0) throw new IllegalArgumentException("head samples in part " + part);
      if (part == 0) {
        dictionary = dict;
        head = h;
      }
      int nb = r.varInt();
      if (nb > r.remaining()) throw new IllegalArgumentException(nb + " blocks past the end");
      for (int i = 0; i < nb; i++) {
        int count = r.varInt();
        int bits = r.varInt();
        int valueBits = r.varInt();
        int n = (int) ((bits + 7L) >>> 3);
        if (n > r.remaining()) throw new IllegalArgumentException("a block of " + bits + " bits past the end");
        long[] w = new long[(int) ((bits + 63L) >>> 6)];
        for (int j = 0; j < n; j++) w[j >>> 3] |= (long) r.u8() << (56 - 8 * (j & 7));
        blocks.add(new SeriesBlocks.Block(count, bits, valueBits, w));
      }
      SeriesBlocks.Samples tail = samples(r, width);
      if (last == 0 && tail.size() > 0) throw new IllegalArgumentException("tail samples in part " + part + " (not the last)");
      if (r.hasMore()) throw new IllegalArgumentException("unexpected bytes after the series at " + r.position());
      if (last == 0) {
        nextPart = (int) part + 1;
        return null;
      }
      Stored s = new Stored(twinId, name, new SeriesBlocks.Contents(kind, dictionary, head, blocks, tail), offset);
      twinId = null;
      return s;
    }

    /**
     * Whether a series is waiting for its last part.
     *
     * @return the pending series as "name of twin id", or null
     */
    public String pending() {
      return twinId == null ? null : name + " of twin " + twinId;
    }
  }

  /** Blocks of an encoding version this code does not read. */
  public static final class EncodingVersionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    EncodingVersionException(String message) {
      super(message);
    }
  }
}
