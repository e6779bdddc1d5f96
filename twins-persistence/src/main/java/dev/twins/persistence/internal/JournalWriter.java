package dev.twins.persistence.internal;

import dev.twins.persistence.Durability;
import dev.twins.persistence.StoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The appending side of the journal, with group commit. Callers {@link #append} records (in the
 * order they must be replayed: the caller serialises appends, for example inside the graph's
 * commit) into an in-memory buffer and get the record's sequence number (lsn); a single flusher
 * thread writes whatever has gathered with one {@code write} and, per the {@link Durability}, one
 * {@code fsync}; {@link #await} blocks until a record is as durable as the policy promises.
 */
public final class JournalWriter implements AutoCloseable {
  private static final int INITIAL_BUFFER = 1 << 16;
  private static final int MAX_PENDING = 32 << 20;

  /** A segment of the journal: its number, its first record's lsn and its file. */
  public record Segment(long number, long firstLsn, Path file) {}

  private final Path dir;
  private final Durability durability;
  private final long segmentLimit;
  private final long intervalNanos;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition hasData = lock.newCondition();
  private final Condition progress = lock.newCondition();
  private final List<Segment> segments;
  private final Thread flusher;

  // guarded by lock
  private ByteBuffer active = buffer(INITIAL_BUFFER);
  private ByteBuffer spare = buffer(INITIAL_BUFFER);
  private long nextLsn;
  private long appended;
  private long written;
  private long synced;
  private long syncRequested;
  private StoreException failure;
  private boolean failureSettled;
  private boolean closing;
  private boolean closed;
  private long groups;
  private long fsyncs;

  // test seams
  private volatile Runnable beforeFsync;
  private volatile IOException failWrites;
  private volatile IOException failFsyncs;

  private volatile FailureHandler failureHandler;
  /** The last record acknowledged under the policy (read without the lock). */
  private volatile long acknowledgedLsn;

  /** Told once, in the flusher thread, when the journal fails; writers waiting for records wake only after it returns. */
  @FunctionalInterface
  public interface FailureHandler {
    /**
     * Handles the failure (for example takes back in memory what was not acknowledged).
     *
     * @param failure the failure, naming the segment file
     * @param acknowledgedLsn the last record acknowledged under the durability policy (written and,
     *     for {@link Durability.Mode#EVERY_WRITE}, fsynced); every later record is not
     */
    void failed(StoreException failure, long acknowledgedLsn);
  }

  // flusher thread only
  private FileChannel channel;
  private long segmentBytes;
  /** The length of the current segment up to the last acknowledged group. */
  private long acknowledgedBytes;
  private long lastSync = System.nanoTime();

  /**
   * Opens the writer at the end of the journal.
   *
   * @param dir the store directory
   * @param durability the policy
   * @param segmentLimit roll to a new segment once one holds this many bytes
   * @param segments the existing segments, oldest first (may be empty)
   * @param validLength the valid length of the last segment (its file is truncated to it)
   * @param nextLsn the lsn of the next record
   * @return the writer
   * @throws StoreException if the files cannot be opened
   */
  public static JournalWriter open(Path dir, Durability durability, long segmentLimit, List<Segment> segments,
      long validLength, long nextLsn) {
    return new JournalWriter(dir, durability, segmentLimit, segments, validLength, nextLsn);
  }

  private JournalWriter(Path dir, Durability durability, long segmentLimit, List<Segment> existing, long validLength,
      long nextLsn) {
    this.dir = dir;
    this.durability = durability;
    this.segmentLimit = segmentLimit;
    this.intervalNanos = durability.interval().toNanos();
    this.segments = new ArrayList<>(existing);
    this.nextLsn = nextLsn;
    this.appended = nextLsn - 1;
    this.written = appended;
    this.synced = appended;
    this.syncRequested = appended;
    this.acknowledgedLsn = appended;
    try {
      if (segments.isEmpty()) {
        createSegment(1, nextLsn);
      } else {
        Segment last = segments.get(segments.size() - 1);
        channel = FileChannel.open(last.file(), StandardOpenOption.WRITE);
        if (channel.size() != validLength) {
          channel.truncate(validLength);
          channel.force(true);
        }
        channel.position(validLength);
        segmentBytes = validLength;
        acknowledgedBytes = validLength;
      }
    } catch (IOException e) {
      throw Errors.io(dir, "opening the journal", e);
    }
    flusher = new Thread(this::flushLoop, "twins-journal-" + dir.getFileName());
    flusher.setDaemon(true);
    flusher.start();
  }

  private static ByteBuffer buffer(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }

  /**
   * Returns the file name of a segment.
   *
   * @param number the segment number
   * @return {@code journal-<16 hex digits>.twj}
   */
  public static String segmentName(long number) {
    return String.format(Locale.ROOT, "journal-%016x.twj", number);
  }

  /**
   * Adds a record; it is written by the next group.
   *
   * @param type the record type
   * @param version the type's version
   * @param payload the payload
   * @param len the payload's length
   * @return the record's lsn
   * @throws StoreException if the journal failed or is closed
   */
  public long append(int type, int version, byte[] payload, int len) {
    if (len > Frames.MAX_PAYLOAD) {
      throw new IllegalArgumentException("a journal record holds at most " + Frames.MAX_PAYLOAD + " bytes, got " + len);
    }
    int need = Frames.RECORD_HEADER + len;
    lock.lock();
    try {
      checkOpen();
      while (active.position() > MAX_PENDING) {
        progress.awaitUninterruptibly();
        checkOpen();
      }
      if (active.remaining() < need) {
        ByteBuffer bigger = buffer(Math.max(active.capacity() * 2, active.position() + need));
        active.flip();
        bigger.put(active);
        active = bigger;
      }
      long lsn = nextLsn++;
      Frames.putRecord(active, lsn, type, version, payload, 0, len);
      appended = lsn;
      hasData.signal();
      return lsn;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits until a record is as durable as the policy promises: fsynced for
   * {@link Durability.Mode#EVERY_WRITE}, written to the OS otherwise.
   *
   * @param lsn the record
   * @throws StoreException if the journal failed before the record was durable
   */
  public void await(long lsn) {
    if (durability.mode() == Durability.Mode.EVERY_WRITE) {
      awaitSynced(lsn, false);
    } else {
      lock.lock();
      try {
        while (written < lsn) {
          if (failureSettled) throw failure;
          progress.awaitUninterruptibly();
        }
      } finally {
        lock.unlock();
      }
    }
  }

  /**
   * Writes and fsyncs everything appended so far, whatever the policy.
   *
   * @throws StoreException if the journal failed
   */
  public void sync() {
    long lsn;
    lock.lock();
    try {
      lsn = appended;
    } finally {
      lock.unlock();
    }
    awaitSynced(lsn, true);
  }

  private void awaitSynced(long lsn, boolean request) {
    lock.lock();
    try {
      if (request && syncRequested < lsn) {
        syncRequested = lsn;
        hasData.signal();
      }
      while (synced < lsn) {
        if (failureSettled) throw failure;
        progress.awaitUninterruptibly();
      }
    } finally {
      lock.unlock();
    }
  }

  /** @return the last record acknowledged under the policy (written, and fsynced under everyWrite) */
  public long acknowledgedLsn() {
    return acknowledgedLsn;
  }

  /** Waits, if the journal failed, until its failure handler has run; returns at once otherwise. */
  public void awaitFailureHandled() {
    lock.lock();
    try {
      while (failure != null && !failureSettled) progress.awaitUninterruptibly();
    } finally {
      lock.unlock();
    }
  }

  /** @return the lsn of the last record appended */
  public long lastLsn() {
    lock.lock();
    try {
      return appended;
    } finally {
      lock.unlock();
    }
  }

  /** @return how many groups were written so far (for tests and statistics) */
  public long groups() {
    lock.lock();
    try {
      return groups;
    } finally {
      lock.unlock();
    }
  }

  /** @return how many group fsyncs of the journal were made so far (for tests and statistics) */
  public long fsyncs() {
    lock.lock();
    try {
      return fsyncs;
    } finally {
      lock.unlock();
    }
  }

  /** @return the failure that stopped the journal, if any */
  public java.util.Optional<StoreException> failure() {
    lock.lock();
    try {
      return java.util.Optional.ofNullable(failure);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Test seam: runs an action in the flusher thread before each group's fsync (for example to hold
   * the fsync until other writers have appended).
   *
   * @param action the action, or null for none
   */
  public void beforeFsync(Runnable action) {
    beforeFsync = action;
  }

  /**
   * Sets what to do when the journal fails (once, in the flusher thread, before the waiting writers
   * are woken with the failure).
   *
   * @param handler the handler, or null for none
   */
  public void onFailure(FailureHandler handler) {
    failureHandler = handler;
  }

  /**
   * Test seam: makes every later group fsync fail with an I/O error after the group was written,
   * as a failing disk would.
   *
   * @param error the error, or null to stop failing
   */
  public void failFsyncs(IOException error) {
    failFsyncs = error;
  }

  /**
   * Test seam: makes every later group write fail with an I/O error, as a full or failing disk would.
   *
   * @param error the error, or null to stop failing
   */
  public void failWrites(IOException error) {
    failWrites = error;
  }

  /** @return the segments, oldest first */
  public List<Segment> segments() {
    synchronized (segments) {
      return List.copyOf(segments);
    }
  }

  /**
   * Deletes the segments whose records all have an lsn of at most {@code coveredLsn} (never the
   * segment being written).
   *
   * @param coveredLsn the lsn a snapshot covers
   * @return the segments deleted
   */
  public List<Segment> deleteCoveredSegments(long coveredLsn) {
    List<Segment> gone = new ArrayList<>();
    synchronized (segments) {
      while (segments.size() > 1 && segments.get(1).firstLsn() - 1 <= coveredLsn) {
        Segment s = segments.remove(0);
        try {
          Files.deleteIfExists(s.file());
        } catch (IOException e) {
          throw Errors.io(s.file(), "deleting a covered journal segment", e);
        }
        gone.add(s);
      }
    }
    if (!gone.isEmpty()) Fsync.directory(dir);
    return gone;
  }

  private void checkOpen() {
    if (failure != null) throw failure;
    if (closing) throw new StoreException(StoreException.Code.CLOSED, dir, -1, "the store is closed", null);
  }

  private void flushLoop() {
    while (true) {
      ByteBuffer buf;
      long upto;
      boolean sync;
      lock.lock();
      try {
        while (true) {
          boolean unsynced = synced < written;
          if (active.position() > 0) break;
          if (syncRequested > synced && written >= syncRequested) break;
          if (closing) break;
          if (unsynced && durability.mode() == Durability.Mode.INTERVAL) {
            long wait = lastSync + intervalNanos - System.nanoTime();
            if (wait <= 0) break;
            hasData.awaitNanos(wait);
          } else {
            hasData.awaitUninterruptibly();
          }
        }
        buf = active;
        active = spare;
        upto = appended;
        sync = durability.mode() == Durability.Mode.EVERY_WRITE || syncRequested > synced || closing
            || (durability.mode() == Durability.Mode.INTERVAL && System.nanoTime() - lastSync >= intervalNanos);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        lock.unlock();
      }
      try {
        IOException injected = failWrites;
        if (injected != null) throw injected;
        buf.flip();
        while (buf.hasRemaining()) segmentBytes += channel.write(buf);
        if (sync) {
          Runnable seam = beforeFsync;
          if (seam != null) seam.run();
          IOException fsyncError = failFsyncs;
          if (fsyncError != null) throw fsyncError;
          channel.force(false);
          lastSync = System.nanoTime();
        }
        buf.clear();
        if (buf.capacity() > MAX_PENDING) buf = buffer(INITIAL_BUFFER);
        if (sync || durability.mode() != Durability.Mode.EVERY_WRITE) acknowledgedBytes = segmentBytes;
        boolean roll = segmentBytes >= segmentLimit;
        if (roll) rollSegment(upto + 1);
        lock.lock();
        try {
          spare = buf;
          written = upto;
          if (sync || roll) synced = upto;
          if (durability.mode() != Durability.Mode.EVERY_WRITE || synced == upto) acknowledgedLsn = upto;
          if (sync) fsyncs++;
          groups++;
          progress.signalAll();
          if (closing && active.position() == 0 && synced == appended) {
            closed = true;
            channel.close();
            return;
          }
        } finally {
          lock.unlock();
        }
      } catch (IOException | StoreException e) {
        failed(e instanceof StoreException ? (StoreException) e
            : Errors.io(currentFile(), "writing the journal", (IOException) e));
        return;
      }
    }
  }

  /**
   * Stops the journal: refuses appends at once, cuts what was written of the unacknowledged groups
   * off the segment (best effort: the disk failed), runs the failure handler, and only then wakes
   * the writers waiting for records with the failure.
   */
  private void failed(StoreException f) {
    long acknowledged;
    lock.lock();
    try {
      failure = f;
      acknowledged = written;
      progress.signalAll(); // appenders blocked on a full buffer throw now
    } finally {
      lock.unlock();
    }
    try {
      if (channel.isOpen() && channel.size() > acknowledgedBytes) {
        channel.truncate(acknowledgedBytes);
        channel.force(false);
      }
    } catch (IOException | RuntimeException ignored) {
      // the disk failed: the unacknowledged records may stay in the file (they were never acknowledged)
    }
    try {
      channel.close();
    } catch (IOException ignored) {
      // already failed
    }
    FailureHandler h = failureHandler;
    try {
      if (h != null) h.failed(f, acknowledged);
    } catch (RuntimeException ex) {
      f.addSuppressed(ex);
      System.getLogger(JournalWriter.class.getName()).log(System.Logger.Level.ERROR,
          "handling the journal failure of " + dir + " failed", ex);
    } finally {
      lock.lock();
      try {
        failureSettled = true;
        progress.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  private Path currentFile() {
    synchronized (segments) {
      return segments.isEmpty() ? dir : segments.get(segments.size() - 1).file();
    }
  }

  private void rollSegment(long firstLsn) throws IOException {
    channel.force(false);
    channel.close();
    long number;
    synchronized (segments) {
      number = segments.get(segments.size() - 1).number() + 1;
    }
    createSegment(number, firstLsn);
  }

  private void createSegment(long number, long firstLsn) throws IOException {
    Path file = dir.resolve(segmentName(number));
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    ByteBuffer h = Frames.header(Frames.JOURNAL_MAGIC, number, firstLsn);
    while (h.hasRemaining()) ch.write(h);
    ch.force(true);
    Fsync.directory(dir);
    channel = ch;
    segmentBytes = Frames.FILE_HEADER;
    acknowledgedBytes = segmentBytes;
    synchronized (segments) {
      segments.add(new Segment(number, firstLsn, file));
    }
  }

  /**
   * Writes and fsyncs what is pending, then stops the flusher.
   *
   * @throws StoreException if the last group could not be written
   */
  @Override
  public void close() {
    lock.lock();
    try {
      if (closing) return;
      closing = true;
      hasData.signal();
    } finally {
      lock.unlock();
    }
    try {
      flusher.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    lock.lock();
    try {
      if (failure != null) throw failure;
      if (!closed) throw new StoreException(StoreException.Code.IO, dir, -1, "the journal did not close", null);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public String toString() {
    return "JournalWriter[" + dir + ", " + durability + ", lastLsn=" + lastLsn() + "]";
  }
}
