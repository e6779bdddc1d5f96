package dev.twins.persistence.internal;

import dev.twins.persistence.StoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * Snapshot files: {@code snapshot-<lsn as 16 hex digits>.twsnap}, the state after journal record
 * {@code lsn}. Written to a {@code .tmp} file, fsynced, renamed atomically and the directory
 * fsynced, so a snapshot file is either complete or absent. Same framing as the journal (the
 * records' lsn field counts the records from 1); the last record is {@link RecordTypes#END}.
 */
public final class SnapshotFiles {
  private SnapshotFiles() {}

  /**
   * Returns a snapshot's file name.
   *
   * @param lsn the last journal record it covers
   * @return the name
   */
  public static String name(long lsn) {
    return String.format(Locale.ROOT, "snapshot-%016x.twsnap", lsn);
  }

  /**
   * Lists the snapshots of a directory (ignoring temporary files).
   *
   * @param dir the directory
   * @return lsn to file, ascending
   * @throws StoreException if the directory cannot be listed or a name is malformed
   */
  public static TreeMap<Long, Path> list(Path dir) {
    TreeMap<Long, Path> out = new TreeMap<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "snapshot-*.twsnap")) {
      for (Path p : ds) {
        String n = p.getFileName().toString();
        try {
          out.put(Long.parseUnsignedLong(n.substring("snapshot-".length(), n.length() - ".twsnap".length()), 16), p);
        } catch (NumberFormatException e) {
          throw Errors.corrupt(p, -1, "not a snapshot name (expected snapshot-<16 hex digits>.twsnap)");
        }
      }
    } catch (IOException e) {
      throw Errors.io(dir, "listing the snapshots", e);
    }
    return out;
  }

  /** Writes one snapshot. */
  public static final class Writer implements AutoCloseable {
    private final Path dir;
    private final Path tmp;
    private final Path target;
    private final FileChannel ch;
    private final ByteBuffer buf = ByteBuffer.allocate(4 << 20).order(ByteOrder.LITTLE_ENDIAN);
    private long count;
    private boolean done;

    /**
     * Starts a snapshot.
     *
     * @param dir the store directory
     * @param lsn the last journal record the snapshot covers
     * @throws StoreException if the temporary file cannot be created
     */
    public Writer(Path dir, long lsn) {
      this.dir = dir;
      this.target = dir.resolve(name(lsn));
      this.tmp = dir.resolve(name(lsn) + ".tmp");
      try {
        Files.deleteIfExists(tmp);
        ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        buf.put(Frames.header(Frames.SNAPSHOT_MAGIC, 0, lsn));
      } catch (IOException e) {
        throw Errors.io(tmp, "creating a snapshot", e);
      }
    }

    /**
     * Adds a record.
     *
     * @param type its type
     * @param version its version
     * @param payload the payload
     * @param len its length
     * @throws StoreException if writing fails
     */
    public void add(int type, int version, byte[] payload, int len) {
      int need = Frames.RECORD_HEADER + len;
      if (buf.remaining() < need) flush();
      if (buf.remaining() < need) {
        ByteBuffer big = ByteBuffer.allocate(need).order(ByteOrder.LITTLE_ENDIAN);
        Frames.putRecord(big, ++count, type, version, payload, 0, len);
        big.flip();
        write(big);
      } else {
        Frames.putRecord(buf, ++count, type, version, payload, 0, len);
      }
    }

    /**
     * Adds records framed elsewhere ({@link Frames#frame}); their lsns must follow the records
     * added so far.
     *
     * @param framed the records
     * @param records how many
     * @throws StoreException if writing fails
     */
    public void addFramed(Bytes framed, int records) {
      if (buf.remaining() < framed.length()) {
        flush();
      }
      if (buf.remaining() < framed.length()) {
        write(ByteBuffer.wrap(framed.array(), 0, framed.length()));
      } else {
        buf.put(framed.array(), 0, framed.length());
      }
      count += records;
    }

    /** @return the number of records added so far */
    public long count() {
      return count;
    }

    private void flush() {
      buf.flip();
      write(buf);
      buf.clear();
    }

    private void write(ByteBuffer b) {
      try {
        while (b.hasRemaining()) ch.write(b);
      } catch (IOException e) {
        throw Errors.io(tmp, "writing a snapshot", e);
      }
    }

    /**
     * Adds the END record, fsyncs, renames the file into place and fsyncs the directory.
     *
     * @param end the END payload
     * @param len its length
     * @return the snapshot file
     * @throws StoreException if writing fails
     */
    public Path commit(byte[] end, int len) {
      add(RecordTypes.END, RecordTypes.V1, end, len);
      flush();
      try {
        ch.force(true);
        ch.close();
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw Errors.io(tmp, "committing a snapshot", e);
      }
      Fsync.directory(dir);
      done = true;
      return target;
    }

    /** Deletes the temporary file unless the snapshot was committed. */
    @Override
    public void close() {
      if (done) return;
      try {
        ch.close();
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // best effort: a left-over .tmp file is ignored and replaced later
      }
    }
  }

  /**
   * Reads a snapshot, checking every record, and hands the records (END included) to the handler.
   *
   * @param file the snapshot
   * @param handler receives the records
   * @return the lsn the snapshot covers
   * @throws StoreException if the file is damaged (CORRUPT, with the offset) or of another
   *     format version (UNSUPPORTED_VERSION)
   */
  public static long read(Path file, JournalScanner.Handler handler) {
    ByteBuffer b;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long n = ch.size();
      if (n > Integer.MAX_VALUE - 16) throw Errors.corrupt(file, -1, "snapshots larger than 2 GiB are not supported");
      b = ByteBuffer.allocate((int) n).order(ByteOrder.LITTLE_ENDIAN);
      while (b.hasRemaining() && ch.read(b) >= 0) {
        // read on
      }
      b.flip();
    } catch (IOException e) {
      throw Errors.io(file, "reading a snapshot", e);
    }
    if (b.limit() < Frames.FILE_HEADER) throw Errors.corrupt(file, b.limit(), "snapshot is shorter than its header");
    Frames.Header h = Frames.readHeader(file, b, Frames.SNAPSHOT_MAGIC, "snapshot");
    int size = b.limit();
    int pos = Frames.FILE_HEADER;
    long expected = 1;
    CRC32C crc = new CRC32C();
    while (pos < size) {
      if (size - pos < Frames.RECORD_HEADER) throw Errors.corrupt(file, pos, "snapshot ends inside a record header");
      int len = b.getInt(pos);
      if (len < 0 || (long) pos + Frames.RECORD_HEADER + len > size) {
        throw Errors.corrupt(file, pos, "snapshot ends inside a record (or a record length is damaged)");
      }
      crc.reset();
      crc.update(b.duplicate().position(pos + 8).limit(pos + Frames.RECORD_HEADER + len));
      if ((int) crc.getValue() != b.getInt(pos + 4)) throw Errors.corrupt(file, pos, "snapshot record fails its checksum");
      if (b.getLong(pos + 8) != expected) {
        throw Errors.corrupt(file, pos, "expected snapshot record " + expected + " but found " + b.getLong(pos + 8));
      }
      int type = b.get(pos + 16) & 0xff;
      ByteBuffer payload = b.duplicate().position(pos + Frames.RECORD_HEADER).limit(pos + Frames.RECORD_HEADER + len)
          .slice().order(ByteOrder.LITTLE_ENDIAN);
      handler.record(expected, type, b.get(pos + 17) & 0xff, payload, file, pos);
      pos += Frames.RECORD_HEADER + len;
      expected++;
      if (type == RecordTypes.END) {
        if (pos != size) throw Errors.corrupt(file, pos, "bytes after the end of the snapshot");
        return h.firstLsn();
      }
    }
    throw Errors.corrupt(file, pos, "snapshot has no end record (it is incomplete)");
  }
}
