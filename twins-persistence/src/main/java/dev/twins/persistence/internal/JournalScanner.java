package dev.twins.persistence.internal;

import dev.twins.persistence.StoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * Reads the journal on open: checks every segment header and record, delivers the records after a
 * given lsn in order, and finds where writing continues. Modifies nothing: a torn tail and a
 * damaged record are reported in the {@link Result} and the caller decides.
 */
public final class JournalScanner {
  /** Receives the records. */
  public interface Handler {
    /**
     * One record.
     *
     * @param lsn its sequence number
     * @param type its type
     * @param version its type's version
     * @param payload its payload (valid during the call only)
     * @param file the segment, for messages
     * @param offset the record's offset in the segment, for messages
     */
    void record(long lsn, int type, int version, ByteBuffer payload, Path file, long offset);
  }

  /**
   * Where a segment stops being valid.
   *
   * @param file the segment
   * @param offset the offset of the first bad byte
   * @param length the file's length
   * @param problem what is wrong
   */
  public record Damage(Path file, long offset, long length, String problem) {}

  /**
   * What the scan found.
   *
   * @param segments the valid segments, oldest first (after a damage: up to the damaged one)
   * @param validLength the valid length of the last of {@code segments}
   * @param nextLsn the lsn the next record gets
   * @param delivered how many records were delivered
   * @param tornTail a torn record at the tail, to be cut off (a normal result of a crash)
   * @param corruption damage that is not a torn tail: the journal is not trustworthy past it
   * @param laterSegments segments after a corruption (to delete if the caller truncates)
   */
  public record Result(List<JournalWriter.Segment> segments, long validLength, long nextLsn, long delivered,
      Optional<Damage> tornTail, Optional<StoreException> corruption, List<Path> laterSegments) {}

  private JournalScanner() {}

  /**
   * Lists the segment files of a directory by number.
   *
   * @param dir the directory
   * @return number to file, ascending
   * @throws StoreException if the directory cannot be listed
   */
  public static TreeMap<Long, Path> segmentFiles(Path dir) {
    TreeMap<Long, Path> out = new TreeMap<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "journal-*.twj")) {
      for (Path p : ds) {
        String n = p.getFileName().toString();
        String hex = n.substring("journal-".length(), n.length() - ".twj".length());
        try {
          out.put(Long.parseUnsignedLong(hex, 16), p);
        } catch (NumberFormatException e) {
          throw Errors.corrupt(p, -1, "not a journal segment name (expected journal-<16 hex digits>.twj)");
        }
      }
    } catch (IOException e) {
      throw Errors.io(dir, "listing the journal", e);
    }
    return out;
  }

  /**
   * Scans the journal.
   *
   * @param dir the store directory
   * @param fromLsn the first lsn to deliver (the records before it are covered by a snapshot)
   * @param handler receives the records from {@code fromLsn} on
   * @return what was found
   * @throws StoreException if a segment is missing or has an unknown format (never for a torn
   *     tail or a damaged record, which are returned)
   */
  public static Result scan(Path dir, long fromLsn, Handler handler) {
    TreeMap<Long, Path> files = segmentFiles(dir);
    List<JournalWriter.Segment> segments = new ArrayList<>();
    if (files.isEmpty()) {
      return new Result(List.of(), 0, fromLsn, 0, Optional.empty(), Optional.empty(), List.of());
    }
    List<Long> numbers = new ArrayList<>(files.keySet());
    for (int i = 1; i < numbers.size(); i++) {
      if (numbers.get(i) != numbers.get(i - 1) + 1) {
        throw new StoreException(StoreException.Code.MISSING_SEGMENT, dir.resolve(JournalWriter.segmentName(
            numbers.get(i - 1) + 1)), -1, "journal segment is missing (found " + files.get(numbers.get(i - 1)).getFileName()
            + " and " + files.get(numbers.get(i)).getFileName() + ")", null);
      }
    }
    // read the headers; skip the segments wholly before fromLsn
    List<Frames.Header> headers = new ArrayList<>();
    Optional<Damage> tornHeader = Optional.empty();
    for (int i = 0; i < numbers.size(); i++) {
      Path f = files.get(numbers.get(i));
      boolean last = i == numbers.size() - 1;
      Frames.Header h = readHeader(f, numbers.get(i), last);
      if (h == null) { // the last segment was created but its header not written before a crash
        tornHeader = Optional.of(new Damage(f, 0, size(f), "journal segment header is incomplete"));
        numbers.remove(i);
        break;
      }
      headers.add(h);
    }
    if (numbers.isEmpty()) {
      return new Result(List.of(), 0, fromLsn, 0, tornHeader, Optional.empty(), List.of());
    }
    int start = 0;
    while (start + 1 < headers.size() && headers.get(start + 1).firstLsn() <= fromLsn) start++;
    for (int i = 0; i < start; i++) {
      segments.add(new JournalWriter.Segment(numbers.get(i), headers.get(i).firstLsn(), files.get(numbers.get(i))));
    }
    long expected = headers.get(start).firstLsn();
    if (expected > fromLsn) {
      throw new StoreException(StoreException.Code.MISSING_SEGMENT, files.get(numbers.get(start)), -1,
          "the journal starts at record " + expected + " but records from " + fromLsn
              + " on are needed (a segment or a snapshot is missing)", null);
    }
    long delivered = 0;
    CRC32C crc = new CRC32C();
    for (int i = start; i < numbers.size(); i++) {
      Path f = files.get(numbers.get(i));
      Frames.Header h = headers.get(i);
      boolean last = i == numbers.size() - 1;
      if (h.firstLsn() != expected) {
        throw new StoreException(StoreException.Code.MISSING_SEGMENT, f, 16, "the segment starts at record "
            + h.firstLsn() + " but the previous one ends before record " + expected + " (records are missing)", null);
      }
      segments.add(new JournalWriter.Segment(numbers.get(i), h.firstLsn(), f));
      ByteBuffer b = readAll(f);
      int size = b.limit();
      int pos = Frames.FILE_HEADER;
      while (pos < size) {
        String problem = null;
        boolean torn = false;
        int len = 0;
        if (size - pos < Frames.RECORD_HEADER) {
          problem = "the segment ends inside a record header";
          torn = true;
        } else {
          len = b.getInt(pos);
          if (len < 0 || len > Frames.MAX_PAYLOAD || (long) pos + Frames.RECORD_HEADER + len > size) {
            problem = len < 0 || len > Frames.MAX_PAYLOAD ? "impossible record length " + Integer.toUnsignedString(len)
                : "the segment ends inside a record of " + len + " bytes";
            torn = (long) pos + Frames.RECORD_HEADER + Integer.toUnsignedLong(len) > size || allZero(b, pos, size);
          } else {
            crc.reset();
            crc.update(b.duplicate().position(pos + 8).limit(pos + Frames.RECORD_HEADER + len));
            if ((int) crc.getValue() != b.getInt(pos + 4)) {
              problem = "record fails its checksum";
              torn = pos + Frames.RECORD_HEADER + len == size || allZero(b, pos, size);
            } else if (b.getLong(pos + 8) != expected) {
              problem = "expected record " + expected + " but found record " + b.getLong(pos + 8);
            }
          }
        }
        if (problem != null) {
          Damage d = new Damage(f, pos, size, problem);
          if (torn && last) {
            return finish(segments, pos, expected, delivered, Optional.of(d), Optional.empty(), List.of(), fromLsn);
          }
          List<Path> later = new ArrayList<>();
          for (int j = i + 1; j < numbers.size(); j++) later.add(files.get(numbers.get(j)));
          StoreException ex = Errors.corrupt(f, pos, problem + (last ? "" : " (in a segment that is not the last)"));
          return finish(segments, pos, expected, delivered, Optional.empty(), Optional.of(ex), later, fromLsn);
        }
        if (expected >= fromLsn) {
          ByteBuffer payload = b.duplicate().position(pos + Frames.RECORD_HEADER).limit(pos + Frames.RECORD_HEADER + len)
              .slice().order(ByteOrder.LITTLE_ENDIAN);
          handler.record(expected, b.get(pos + 16) & 0xff, b.get(pos + 17) & 0xff, payload, f, pos);
          delivered++;
        }
        expected++;
        pos += Frames.RECORD_HEADER + len;
      }
      if (last) return finish(segments, size, expected, delivered, tornHeader, Optional.empty(), List.of(), fromLsn);
    }
    throw new AssertionError("unreachable");
  }

  private static Result finish(List<JournalWriter.Segment> segments, long validLength, long nextLsn, long delivered,
      Optional<Damage> torn, Optional<StoreException> corruption, List<Path> later, long fromLsn) {
    return new Result(List.copyOf(segments), validLength, Math.max(nextLsn, fromLsn), delivered, torn, corruption,
        List.copyOf(later));
  }

  private static boolean allZero(ByteBuffer b, int from, int to) {
    for (int i = from; i < to; i++) if (b.get(i) != 0) return false;
    return true;
  }

  private static Frames.Header readHeader(Path f, long number, boolean last) {
    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
      ByteBuffer b = ByteBuffer.allocate(Frames.FILE_HEADER).order(ByteOrder.LITTLE_ENDIAN);
      while (b.hasRemaining() && ch.read(b) >= 0) {
        // read on
      }
      if (b.hasRemaining()) {
        if (last) return null;
        throw Errors.corrupt(f, b.position(), "journal segment is shorter than its header");
      }
      b.flip();
      if (last && allZero(b, 0, Frames.FILE_HEADER)) return null;
      Frames.Header h = Frames.readHeader(f, b, Frames.JOURNAL_MAGIC, "journal segment");
      if (h.number() != number) {
        throw Errors.corrupt(f, 8, "journal segment header says segment " + h.number() + " but the file name says " + number);
      }
      return h;
    } catch (IOException e) {
      throw Errors.io(f, "reading the journal", e);
    }
  }

  private static long size(Path f) {
    try {
      return Files.size(f);
    } catch (IOException e) {
      throw Errors.io(f, "reading the journal", e);
    }
  }

  private static ByteBuffer readAll(Path f) {
    try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
      long n = ch.size();
      if (n > Integer.MAX_VALUE - 16) throw Errors.corrupt(f, -1, "journal segment is larger than 2 GiB");
      ByteBuffer b = ByteBuffer.allocate((int) n).order(ByteOrder.LITTLE_ENDIAN);
      while (b.hasRemaining() && ch.read(b) >= 0) {
        // read on
      }
      b.flip();
      return b;
    } catch (IOException e) {
      throw Errors.io(f, "reading the journal", e);
    }
  }
}
