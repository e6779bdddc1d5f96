package dev.twins.persistence.internal;

import dev.twins.persistence.StoreException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * The many records of a snapshot (twins, relationships), encoded and decoded in chunks on every
 * processor ({@link Parallel}): encoding frames whole chunks of records on worker threads while
 * the snapshot's thread writes the finished chunks in order; decoding first checks the whole file
 * (CRCs, record numbers) and then decodes the collected records in parallel.
 */
public final class SnapshotRecords {
  /** Records per chunk of work. */
  static final int CHUNK = 4096;

  private SnapshotRecords() {}

  /**
   * Adds one record per item to a snapshot, encoded in parallel.
   *
   * @param w the snapshot
   * @param items the items
   * @param type their record type
   * @param encoder writes an item's payload and returns the type version it wrote
   * @param <T> the item type
   * @throws StoreException if writing fails
   */
  public static <T> void write(SnapshotFiles.Writer w, List<T> items, int type, Frames.Encoder<T> encoder) {
    int size = items.size();
    int chunks = (size + CHUNK - 1) / CHUNK;
    long first = w.count() + 1;
    int[] written = {0};
    Parallel.pipeline(chunks, k -> Frames.frame(items, k * CHUNK, Math.min(size, (k + 1) * CHUNK),
        first + (long) k * CHUNK, type, encoder), b -> {
          int n = Math.min(CHUNK, size - written[0]);
          w.addFramed(b, n);
          written[0] += n;
        });
  }

  /**
   * Computes a value on a thread of its own (with one processor, on the calling thread when asked
   * for it), e.g. while the snapshot's thread writes other records.
   *
   * @param work what to compute
   * @param <V> the value type
   * @return gives the value once it is computed (rethrowing its failure)
   */
  public static <V> Supplier<V> inBackground(Callable<V> work) {
    FutureTask<V> task = new FutureTask<>(work);
    if (Parallel.threads() > 1) {
      Thread t = new Thread(task, "twins-snapshot-positions");
      t.setDaemon(true);
      t.start();
    }
    return () -> {
      task.run();   // no-op once it has run (or while it runs on its thread: get() waits)
      return Parallel.join(task);
    };
  }

  /**
   * Decodes one record's payload.
   *
   * @param <T> what it decodes to
   */
  @FunctionalInterface
  public interface Decoder<T> {
    /**
     * Decodes a payload.
     *
     * @param index the record's position among the collected records, from 0
     * @param version the record's type version
     * @param r the payload
     * @return the decoded value
     */
    T decode(int index, int version, Bytes.Reader r);
  }

  /**
   * Records of one type collected while a snapshot is read, decoded once the whole file checked out.
   *
   * @param <T> what they decode to
   */
  public static final class Collected<T> {
    private final Decoder<T> decoder;
    private final String what;
    private byte[] array;
    private int[] starts = new int[1024];
    private int[] lengths = new int[1024];
    private byte[] versions = new byte[1024];
    private int n;

    /**
     * Creates an empty collection.
     *
     * @param what the kind of record, for messages
     * @param decoder decodes a payload of a given type version
     */
    public Collected(String what, Decoder<T> decoder) {
      this.what = what;
      this.decoder = decoder;
    }

    /**
     * Keeps a record's payload (a view of the file's bytes, valid after the read).
     *
     * @param version the record's type version
     * @param payload the payload, array-backed
     */
    public void add(int version, ByteBuffer payload) {
      if (array == null) array = payload.array();
      if (payload.array() != array) throw new IllegalStateException("records of two buffers");
      if (n == starts.length) {
        starts = Arrays.copyOf(starts, n * 2);
        lengths = Arrays.copyOf(lengths, n * 2);
        versions = Arrays.copyOf(versions, n * 2);
      }
      versions[n] = (byte) version;
      starts[n] = payload.arrayOffset() + payload.position();
      lengths[n] = payload.remaining();
      n++;
    }

    /** @return the number of records kept */
    public int size() {
      return n;
    }

    /**
     * Decodes every record, in parallel.
     *
     * @param file the snapshot, for messages
     * @return the decoded records, in file order
     * @throws StoreException (CORRUPT, with the record's offset) if a record does not decode
     */
    public List<T> decode(Path file) {
      @SuppressWarnings("unchecked")
      T[] out = (T[]) new Object[n];
      int chunks = (n + CHUNK - 1) / CHUNK;
      Parallel.forEach(chunks, k -> {
        for (int i = k * CHUNK, end = Math.min(n, (k + 1) * CHUNK); i < end; i++) {
          ByteBuffer b = ByteBuffer.wrap(array, starts[i], lengths[i]).slice().order(ByteOrder.LITTLE_ENDIAN);
          try {
            Bytes.Reader r = new Bytes.Reader(b);
            out[i] = decoder.decode(i, versions[i], r);
            if (r.hasMore()) throw new IllegalArgumentException("unexpected bytes after the " + what + " at " + r.position());
          } catch (RuntimeException e) {
            throw new StoreException(StoreException.Code.CORRUPT, file, starts[i] - Frames.RECORD_HEADER, "snapshot "
                + what + " record cannot be decoded: " + e.getMessage(), e);
          }
        }
      });
      return Arrays.asList(out);
    }
  }
}
