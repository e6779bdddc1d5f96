package dev.twins.persistence.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.CRC32C;

/**
 * The framing shared by journal segments and snapshot files (all integers little-endian; see
 * docs/formats.md).
 *
 * <pre>
 * file header (32 bytes): magic[4] formatVersion:u16 kind-specific:u16 number:u64 firstLsn:u64 crc32c:u32 zero:u32
 * record:                 length:u32 crc32c:u32 lsn:u64 type:u8 typeVersion:u8 payload[length]
 * </pre>
 *
 * The header CRC covers its first 24 bytes; a record's CRC covers everything after the CRC field
 * (lsn, type, typeVersion and payload).
 */
public final class Frames {
  /** Size of a file header. */
  public static final int FILE_HEADER = 32;
  /** Size of a record header (length, crc, lsn, type, version). */
  public static final int RECORD_HEADER = 18;
  /** The largest payload accepted (a bigger length field means a damaged record). */
  public static final int MAX_PAYLOAD = 1 << 28;
  /** Magic of journal segments: {@code TWJL}. */
  public static final int JOURNAL_MAGIC = 0x4C4A5754;
  /** Magic of snapshot files: {@code TWSN}. */
  public static final int SNAPSHOT_MAGIC = 0x4E535754;
  /** The format version this code writes and reads, for both kinds of file. */
  public static final int FORMAT_VERSION = 1;

  private Frames() {}

  /**
   * Writes a file header.
   *
   * @param magic the magic
   * @param number the segment number (journal) or zero
   * @param firstLsn the first record's lsn (journal) or the lsn covered (snapshot)
   * @return the 32 bytes
   */
  public static ByteBuffer header(int magic, long number, long firstLsn) {
    ByteBuffer b = ByteBuffer.allocate(FILE_HEADER).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(magic).putShort((short) FORMAT_VERSION).putShort((short) 0).putLong(number).putLong(firstLsn);
    CRC32C crc = new CRC32C();
    crc.update(b.array(), 0, 24);
    b.putInt((int) crc.getValue()).putInt(0);
    b.flip();
    return b;
  }

  /** A decoded file header. */
  record Header(int version, long number, long firstLsn) {}

  /**
   * Checks and decodes a file header.
   *
   * @param file the file, for messages
   * @param b at least 32 bytes, little-endian, positioned at the header
   * @param magic the expected magic
   * @param what the kind of file, for messages
   * @return the header
   * @throws dev.twins.persistence.StoreException if the magic, the CRC or the version is wrong
   */
  static Header readHeader(Path file, ByteBuffer b, int magic, String what) {
    int at = b.position();
    int m = b.getInt(at);
    if (m != magic) {
      throw Errors.corrupt(file, 0, "not a " + what + " (magic " + String.format(Locale.ROOT, "%08x", m) + ")");
    }
    CRC32C crc = new CRC32C();
    crc.update(b.duplicate().position(at).limit(at + 24));
    if ((int) crc.getValue() != b.getInt(at + 24)) {
      throw Errors.corrupt(file, 0, what + " header fails its checksum");
    }
    int version = Short.toUnsignedInt(b.getShort(at + 4));
    if (version != FORMAT_VERSION) {
      throw Errors.version(file, 4, what + " has format version " + version + "; this version of Twins reads version "
          + FORMAT_VERSION + (version > FORMAT_VERSION ? " (written by a newer Twins?)" : ""));
    }
    return new Header(version, b.getLong(at + 8), b.getLong(at + 16));
  }

  /**
   * Frames the records of a chunk in a byte array: encodes each item's payload right after room
   * for its header, then fills the header in (length, CRC, lsn, type, version).
   *
   * @param items the items
   * @param from the first item of the chunk
   * @param to after its last item
   * @param firstLsn the lsn of the chunk's first record
   * @param type the record type
   * @param version the type's version
   * @param encoder writes an item's payload
   * @param <T> the item type
   * @return the framed records
   */
  public static <T> Bytes frame(java.util.List<T> items, int from, int to, long firstLsn, int type, int version,
      java.util.function.BiConsumer<T, Bytes> encoder) {
    Bytes out = new Bytes(Math.max(1024, (to - from) * 160));
    CRC32C crc = new CRC32C();
    for (int i = from; i < to; i++) {
      int start = out.skip(RECORD_HEADER);
      encoder.accept(items.get(i), out);
      int len = out.length() - start - RECORD_HEADER;
      out.setInt(start, len);
      out.setLong(start + 8, firstLsn + (i - from));
      out.array()[start + 16] = (byte) type;
      out.array()[start + 17] = (byte) version;
      crc.reset();
      crc.update(out.array(), start + 8, RECORD_HEADER - 8 + len);
      out.setInt(start + 4, (int) crc.getValue());
    }
    return out;
  }

  /**
   * Appends one record to a buffer (which must have room).
   *
   * @param b the buffer, little-endian and array-backed
   * @param lsn the record's sequence number
   * @param type the record type
   * @param version the type's version
   * @param payload the payload
   * @param off its offset
   * @param len its length
   */
  public static void putRecord(ByteBuffer b, long lsn, int type, int version, byte[] payload, int off, int len) {
    int start = b.position();
    b.putInt(len).putInt(0).putLong(lsn).put((byte) type).put((byte) version).put(payload, off, len);
    CRC32C crc = new CRC32C();
    crc.update(b.array(), b.arrayOffset() + start + 8, RECORD_HEADER - 8 + len);
    b.putInt(start + 4, (int) crc.getValue());
  }
}
