package dev.twins.core.internal.series;

import dev.twins.core.series.Retention;
import dev.twins.core.series.SeriesBlocks;
import dev.twins.core.series.SeriesKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The time-ordered samples of one series: closed blocks, encoded by a {@link BlockCodec} and
 * immutable, followed by an open block of plain arrays that takes appends. Each sample is a time
 * and {@code width} value words (a double's raw bits, a boolean as 0/1, a dictionary code, or a
 * longitude and latitude).
 *
 * <p>Retention is exact for reads and lazy for memory: a sample is dead when more than {@code
 * maxCount} samples follow it or when it is older than {@code newest - maxAge}; dead samples can
 * only sit in the first block, which reads skip, and a first block is dropped once all its
 * samples are dead. Not thread-safe: the series that owns a column serializes access to it.
 */
public final class Column {
  private static final int INITIAL = 8;
  private static final Block[] NO_BLOCKS = new Block[0];
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  final int width;
  private final BlockCodec codec;
  private final Aggregates aggregates;
  private final int capacity;
  private final long maxCount;
  private final long maxAge;

  private Block[] blocks = NO_BLOCKS;
  private int nblocks;
  private long[] times = new long[INITIAL];
  private long[] values;
  private int open;
  /** Samples physically held, dead ones included. */
  private long physical;
  private long newest = Long.MIN_VALUE;

  /** What a closed block keeps about its decoded samples besides their times. */
  enum Aggregates {
    /** Nothing: reads decode the block. */
    NONE,
    /** Sum, min, max, mean, m2, the step integral and the last value of double words. */
    DOUBLES,
    /**
     * The step integral and the last value of 0/1 words (booleans): the time true, so that a
     * time-weighted share skips whole blocks.
     */
    BOOLEANS
  }

  Column(int width, BlockCodec codec, Aggregates aggregates, int capacity, Retention retention) {
    if (capacity < INITIAL || Integer.bitCount(capacity) != 1) {
      throw new IllegalArgumentException("block capacity must be a power of 2 >= 8: " + capacity);
    }
    this.width = width;
    this.codec = codec;
    this.aggregates = aggregates;
    this.capacity = capacity;
    this.maxCount = retention.maxCount();
    this.maxAge = retention.maxAgeMillis();
    this.values = new long[INITIAL * width];
  }

  // ---- writes ----

  /** Appends a one-word sample. */
  boolean append(long time, long value) {
    if (open > 0 ? time >= times[open - 1] : nblocks == 0 || time >= blocks[nblocks - 1].lastTime) {
      if (open == times.length) {
        grow();
      }
      times[open] = time;
      values[open] = value;
      open++;
      afterInOrderAppend(time);
      return true;
    }
    return insert(time, value, 0);
  }

  /** Appends a two-word sample. */
  boolean append(long time, long v0, long v1) {
    if (open > 0 ? time >= times[open - 1] : nblocks == 0 || time >= blocks[nblocks - 1].lastTime) {
      if (open == times.length) {
        grow();
      }
      times[open] = time;
      values[2 * open] = v0;
      values[2 * open + 1] = v1;
      open++;
      afterInOrderAppend(time);
      return true;
    }
    return insert(time, v0, v1);
  }

  private void afterInOrderAppend(long time) {
    physical++;
    newest = time;
    if (open >= capacity) {
      close();
    }
    if (nblocks > 0 && (physical > maxCount || maxAge != Long.MAX_VALUE)) {
      dropDeadBlocks();
    }
  }

  private void grow() {
    int n = Math.min(capacity, times.length * 2);
    times = Arrays.copyOf(times, n);
    values = Arrays.copyOf(values, n * width);
  }

  private void close() {
    Block b = encode(times, values, open);
    if (nblocks == blocks.length) {
      blocks = Arrays.copyOf(blocks, Math.max(4, nblocks * 2));
    }
    blocks[nblocks++] = b;
    open = 0;
  }

  private Block encode(long[] t, long[] v, int n) {
    Scratch s = SCRATCH.get();
    BitWriter out = s.writer;
    out.reset();
    int valueBits = codec.encode(t, v, n, out);
    long[] data = out.toArray();
    return newBlock(t, v, n, data, out.bits(), valueBits);
  }

  /** A block of encoded samples, with the aggregates of the decoded ones (see {@link Aggregates}). */
  private Block newBlock(long[] t, long[] v, int n, long[] data, int bits, int valueBits) {
    double sum = Double.NaN;
    double min = Double.NaN;
    double max = Double.NaN;
    double mean = Double.NaN;
    double m2 = Double.NaN;
    double integral = Double.NaN;
    double lastValue = Double.NaN;
    if (aggregates == Aggregates.DOUBLES) {
      sum = 0;
      min = Double.longBitsToDouble(v[0]);
      max = min;
      for (int i = 0; i < n; i++) {
        double x = Double.longBitsToDouble(v[i]);
        sum += x;
        min = Math.min(min, x);
        max = Math.max(max, x);
      }
      mean = sum / n;
      m2 = 0;
      for (int i = 0; i < n; i++) {
        double d = Double.longBitsToDouble(v[i]) - mean;
        m2 += d * d;
      }
      integral = 0;
      for (int i = 0; i + 1 < n; i++) {
        long dt = t[i + 1] - t[i];
        if (dt != 0) {
          integral += Double.longBitsToDouble(v[i]) * dt;
        }
      }
      lastValue = Double.longBitsToDouble(v[n - 1]);
    } else if (aggregates == Aggregates.BOOLEANS) {
      integral = 0;
      for (int i = 0; i + 1 < n; i++) {
        if (v[i] != 0) {
          integral += t[i + 1] - t[i];
        }
      }
      lastValue = v[n - 1];
    }
    return new Block(t[0], t[n - 1], n, data, bits, valueBits, sum, min, max, mean, m2,
        integral, lastValue);
  }

  /** The cutoff time of the age retention: samples before it are dead. */
  long cutoff() {
    if (maxAge == Long.MAX_VALUE || newest == Long.MIN_VALUE) {
      return Long.MIN_VALUE;
    }
    long c = newest - maxAge;
    return c > newest ? Long.MIN_VALUE : c;
  }

  /** How many samples at the head are dead by count. */
  long deadByCount() {
    return physical > maxCount ? physical - maxCount : 0;
  }

  private void dropDeadBlocks() {
    long cutoff = cutoff();
    int drop = 0;
    while (drop < nblocks) {
      Block b = blocks[drop];
      if (b.lastTime < cutoff || deadByCount() >= b.count) {
        physical -= b.count;
        drop++;
      } else {
        break;
      }
    }
    if (drop > 0) {
      System.arraycopy(blocks, drop, blocks, 0, nblocks - drop);
      Arrays.fill(blocks, nblocks - drop, nblocks, null);
      nblocks -= drop;
    }
  }

  private boolean insert(long time, long v0, long v1) {
    if (time < cutoff()) {
      return false;
    }
    if (maxCount != Long.MAX_VALUE && size() >= maxCount && time < firstLiveTime()) {
      return false;
    }
    if (nblocks == 0 || (open > 0 && time >= times[0])) {
      int pos = upperBound(times, 0, open, time);
      if (open == times.length) {
        grow();
      }
      System.arraycopy(times, pos, times, pos + 1, open - pos);
      System.arraycopy(values, pos * width, values, (pos + 1) * width, (open - pos) * width);
      times[pos] = time;
      values[pos * width] = v0;
      if (width == 2) {
        values[pos * width + 1] = v1;
      }
      open++;
      physical++;
      if (open >= capacity) {
        close();
      }
    } else {
      int bi = lastBlockStartingAtOrBefore(time);
      Block b = blocks[bi];
      Scratch s = SCRATCH.get();
      s.ensure(b.count + 1, width);
      decode(b, s.times, s.values);
      int n = b.count;
      int pos = upperBound(s.times, 0, n, time);
      System.arraycopy(s.times, pos, s.times, pos + 1, n - pos);
      System.arraycopy(s.values, pos * width, s.values, (pos + 1) * width, (n - pos) * width);
      s.times[pos] = time;
      s.values[pos * width] = v0;
      if (width == 2) {
        s.values[pos * width + 1] = v1;
      }
      n++;
      if (n <= 2 * capacity) {
        blocks[bi] = encode(s.times, s.values, n);
      } else {
        int half = n / 2;
        Block first = encode(s.times, s.values, half);
        long[] t2 = Arrays.copyOfRange(s.times, half, n);
        long[] v2 = Arrays.copyOfRange(s.values, half * width, n * width);
        Block second = encode(t2, v2, n - half);
        if (nblocks == blocks.length) {
          blocks = Arrays.copyOf(blocks, nblocks * 2);
        }
        System.arraycopy(blocks, bi + 1, blocks, bi + 2, nblocks - bi - 1);
        blocks[bi] = first;
        blocks[bi + 1] = second;
        nblocks++;
      }
      physical++;
    }
    if (physical > maxCount) {
      dropDeadBlocks();
    }
    return true;
  }

  private long firstLiveTime() {
    Cursor c = new Cursor();
    c.seekFirst();
    return c.valid() ? c.time() : Long.MAX_VALUE;
  }

  private int lastBlockStartingAtOrBefore(long time) {
    int lo = 0;
    int hi = nblocks - 1;
    int found = 0;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (blocks[mid].firstTime <= time) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  private void decode(Block b, long[] t, long[] v) {
    BitReader in = SCRATCH.get().reader;
    in.reset(b.data);
    codec.decode(in, b.count, t, v);
  }

  // ---- reads ----

  /** The number of live samples. */
  long size() {
    if (physical == 0) {
      return 0;
    }
    Cursor c = new Cursor();
    c.load(0);
    return physical - (c.start - 0L);
  }

  long newest() {
    return newest;
  }

  /**
   * Copies the words of the newest sample at or before {@code asOf} into {@code out} when it is
   * the open block's last one (the common case, answered without a cursor).
   *
   * @return whether it was
   */
  boolean newestOpenWords(long asOf, long[] out) {
    if (open == 0 || times[open - 1] > asOf) {
      return false;
    }
    int i = open - 1;
    out[0] = values[i * width];
    if (width == 2) {
      out[1] = values[i * width + 1];
    }
    return true;
  }

  boolean isEmpty() {
    return size() == 0;
  }

  /** Bytes held: encoded blocks with their overhead, and the open block's arrays. */
  long storedBytes() {
    long bytes = 16L + 8L * times.length + 8L * values.length;
    for (int i = 0; i < nblocks; i++) {
      bytes += Block.OVERHEAD_BYTES + 8L * blocks[i].data.length;
    }
    return bytes;
  }

  /** Bytes of the encoded data alone, for compression measurements; the open block counts raw. */
  long encodedBytes() {
    long bytes = (8L + 8L * width) * open;
    for (int i = 0; i < nblocks; i++) {
      bytes += blocks[i].encodedBytes();
    }
    return bytes;
  }

  /** Closes the open block, if any, so that everything is compressed (for measurements). */
  void flush() {
    if (open > 0) {
      close();
    }
  }

  int blockCount() {
    return nblocks;
  }

  static int upperBound(long[] a, int from, int to, long key) {
    int lo = from;
    int hi = to;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] <= key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  static int lowerBound(long[] a, int from, int to, long key) {
    int lo = from;
    int hi = to;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (a[mid] < key) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  // ---- snapshots: the live samples with the closed blocks as they are ----

  /**
   * Returns the live samples: the live part of a first block that also holds dead samples
   * (decoded), every other closed block as it is, then the open block's samples.
   */
  SeriesBlocks.Contents export(SeriesKind kind, List<String> dictionary) {
    SeriesBlocks.Samples head = SeriesBlocks.Samples.NONE;
    SeriesBlocks.Samples tail = SeriesBlocks.Samples.NONE;
    List<SeriesBlocks.Block> out = new ArrayList<>(nblocks);
    int from = 0;
    if (nblocks > 0 && (deadByCount() > 0 || blocks[0].firstTime < cutoff())) {
      head = liveSamples(0);
      from = 1;
    }
    for (int i = from; i < nblocks; i++) {
      Block b = blocks[i];
      out.add(new SeriesBlocks.Block(b.count, b.dataBits, b.valueBits, b.data));
    }
    if (open > 0) {
      tail = nblocks == 0 ? liveSamples(0)
          : new SeriesBlocks.Samples(Arrays.copyOf(times, open), Arrays.copyOf(values, open * width));
    }
    return new SeriesBlocks.Contents(kind, dictionary, head, out, tail);
  }

  private SeriesBlocks.Samples liveSamples(int block) {
    Cursor c = new Cursor();
    c.load(block);
    return new SeriesBlocks.Samples(Arrays.copyOfRange(c.t, c.start, c.end),
        Arrays.copyOfRange(c.v, c.start * width, c.end * width));
  }

  /** Whether the column holds nothing at all. */
  boolean isBlank() {
    return nblocks == 0 && open == 0 && physical == 0;
  }

  /**
   * Fills an empty column: appends the head samples, closes them into a block, adopts the closed
   * blocks after decoding each to check it (and to compute its aggregates), appends the tail
   * samples, then applies retention. Leaves the column empty if anything does not fit.
   *
   * @param wordLimit every value word must be in {@code [0, wordLimit)}; negative: no limit
   */
  void restore(SeriesBlocks.Samples head, List<SeriesBlocks.Block> in, SeriesBlocks.Samples tail,
      long wordLimit) {
    if (!isBlank()) {
      throw new IllegalArgumentException("a series can only be restored when it is empty");
    }
    try {
      long last = appendRaw(head, Long.MIN_VALUE, wordLimit, "the samples before the blocks");
      if (open > 0) {
        close();
      }
      Scratch s = SCRATCH.get();
      BitReader r = s.reader;
      for (int i = 0; i < in.size(); i++) {
        SeriesBlocks.Block b = in.get(i);
        int n = b.count();
        String what = "block " + (i + 1) + " of " + in.size();
        if (n > 2 * capacity) {
          throw new IllegalArgumentException(what + " holds " + n + " samples; at most " + 2 * capacity
              + " fit");
        }
        s.ensure(n, width);
        try {
          r.reset(b.words());
          TimeCodec.decode(r, n, s.times);
          if (r.position() != b.valueBits()) {
            throw new IllegalArgumentException(what + ": its times end at bit " + r.position()
                + ", not at bit " + b.valueBits());
          }
          r.reset(b.words());
          codec.decode(r, n, s.times, s.values);
          if (r.position() != b.bits()) {
            throw new IllegalArgumentException(what + ": its samples end at bit " + r.position()
                + ", not at bit " + b.bits());
          }
        } catch (IndexOutOfBoundsException e) {
          throw new IllegalArgumentException(what + " does not decode: it ends too early", e);
        }
        checkOrder(s.times, n, last, what);
        checkWords(s.values, n * width, wordLimit, what);
        if (nblocks == blocks.length) {
          blocks = Arrays.copyOf(blocks, Math.max(4, nblocks * 2));
        }
        blocks[nblocks++] = newBlock(s.times, s.values, n, b.words(), b.bits(), b.valueBits());
        physical += n;
        last = s.times[n - 1];
        newest = last;
      }
      appendRaw(tail, last, wordLimit, "the samples after the blocks");
      if (nblocks > 0 && (physical > maxCount || maxAge != Long.MAX_VALUE)) {
        dropDeadBlocks();
      }
    } catch (RuntimeException e) {
      blocks = NO_BLOCKS;
      nblocks = 0;
      open = 0;
      physical = 0;
      newest = Long.MIN_VALUE;
      throw e;
    }
  }

  private long appendRaw(SeriesBlocks.Samples raw, long last, long wordLimit, String what) {
    int n = raw.size();
    if (raw.words().length != n * width) {
      throw new IllegalArgumentException(what + ": " + n + " samples need " + n * width
          + " value words, not " + raw.words().length);
    }
    checkOrder(raw.times(), n, last, what);
    checkWords(raw.words(), n * width, wordLimit, what);
    for (int i = 0; i < n; i++) {
      if (width == 1) {
        append(raw.times()[i], raw.words()[i]);
      } else {
        append(raw.times()[i], raw.words()[2 * i], raw.words()[2 * i + 1]);
      }
    }
    return n == 0 ? last : raw.times()[n - 1];
  }

  private static void checkOrder(long[] t, int n, long last, String what) {
    long prev = last;
    for (int i = 0; i < n; i++) {
      if (t[i] < prev) {
        throw new IllegalArgumentException(what + ": sample " + (i + 1) + " at " + t[i]
            + " comes before the previous one at " + prev);
      }
      prev = t[i];
    }
  }

  private static void checkWords(long[] w, int n, long limit, String what) {
    if (limit < 0) {
      return;
    }
    for (int i = 0; i < n; i++) {
      if (w[i] < 0 || w[i] >= limit) {
        throw new IllegalArgumentException(what + ": value " + w[i] + " of sample " + (i + 1)
            + " is out of range (" + limit + " values)");
      }
    }
  }

  /**
   * A position among the live samples, moving forward or backward one block at a time. Closed
   * blocks are decoded into arrays of its own; the open block is read in place. Valid until the
   * column changes.
   */
  final class Cursor {
    long[] t;
    long[] v;
    /** The live samples of the loaded block are {@code [start, end)}. */
    int start;
    int end;
    int pos;
    private int block = -1;
    private final Scratch scratch = SCRATCH.get();

    /** The number of blocks, the open block included when it holds samples. */
    int blocks() {
      return nblocks + (open > 0 ? 1 : 0);
    }

    /** Loads block {@code b} (the open block is {@code nblocks}); pos is left at start. */
    void load(int b) {
      block = b;
      if (b < nblocks) {
        Block bl = blocks[b];
        scratch.ensureRead(Math.max(bl.count, capacity), width);
        decode(bl, scratch.readTimes, scratch.readValues);
        t = scratch.readTimes;
        v = scratch.readValues;
        end = bl.count;
      } else {
        t = times;
        v = values;
        end = open;
      }
      start = 0;
      if (b == 0) {
        long dead = deadByCount();
        start = (int) Math.min(end, Math.max(dead, lowerBound(t, 0, end, cutoff())));
      }
      pos = start;
    }

    /** Block {@code b}'s first time. */
    long firstTimeOf(int b) {
      return b < nblocks ? blocks[b].firstTime : times[0];
    }

    /** Block {@code b}'s last time. */
    long lastTimeOf(int b) {
      return b < nblocks ? blocks[b].lastTime : times[open - 1];
    }

    /** Whether block {@code b} is closed and all its samples are live (its aggregates hold). */
    boolean wholeClosed(int b) {
      return b < nblocks && (b > 0 || (deadByCount() == 0 && blocks[0].firstTime >= cutoff()));
    }

    Block closed(int b) {
      return blocks[b];
    }

    /**
     * Decodes the times of closed block {@code b} up to the first at or after {@code bound}, into
     * {@link #t}; does not load the block's values.
     *
     * @return the index of that time, or the block's count if there is none
     */
    int timesUntil(int b, long bound) {
      Block bl = blocks[b];
      scratch.ensureRead(Math.max(bl.count, capacity), width);
      BitReader in = scratch.reader;
      in.reset(bl.data);
      t = scratch.readTimes;
      return TimeCodec.decodeUntil(in, bl.count, bound, t);
    }

    /**
     * Sums values {@code [from, to)} of closed block {@code b}, decoding only its first {@code to}
     * values.
     */
    double sumValues(int b, int from, int to) {
      Block bl = blocks[b];
      scratch.ensureRead(Math.max(bl.count, capacity), width);
      BitReader in = scratch.reader;
      in.reset(bl.data, bl.valueBits);
      long[] vs = scratch.readValues;
      codec.decodeValues(in, bl.count, to, vs);
      double sum = 0;
      for (int i = from; i < to; i++) {
        sum += Double.longBitsToDouble(vs[i]);
      }
      return sum;
    }

    int index() {
      return block;
    }

    /** The first block whose last time is at least {@code from}; {@link #blocks()} if none. */
    int firstBlockEndingAtOrAfter(long from) {
      int n = blocks();
      int lo = 0;
      int hi = n - 1;
      int found = n;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        if (lastTimeOf(mid) >= from) {
          found = mid;
          hi = mid - 1;
        } else {
          lo = mid + 1;
        }
      }
      return found;
    }

    /** The last block whose first time is at most {@code asOf}; -1 if none. */
    int lastBlockStartingAtOrBefore(long asOf) {
      int lo = 0;
      int hi = blocks() - 1;
      int found = -1;
      while (lo <= hi) {
        int mid = (lo + hi) >>> 1;
        if (firstTimeOf(mid) <= asOf) {
          found = mid;
          lo = mid + 1;
        } else {
          hi = mid - 1;
        }
      }
      return found;
    }

    /** Moves to the first live sample with time at least {@code from}. */
    void seek(long from) {
      int n = blocks();
      int found = firstBlockEndingAtOrAfter(from);
      if (found == n) {
        block = n;
        t = null;
        return;
      }
      load(found);
      pos = Math.max(start, lowerBound(t, start, end, from));
      normalizeForward();
    }

    void seekFirst() {
      seek(Long.MIN_VALUE);
    }

    /** Moves to the last live sample with time at most {@code asOf}. */
    void seekLast(long asOf) {
      int found = lastBlockStartingAtOrBefore(asOf);
      if (found < 0) {
        block = -1;
        t = null;
        return;
      }
      load(found);
      pos = upperBound(t, start, end, asOf) - 1;
      normalizeBackward();
    }

    private void normalizeForward() {
      while (pos >= end) {
        if (block + 1 >= blocks()) {
          block = blocks();
          t = null;
          return;
        }
        load(block + 1);
      }
    }

    private void normalizeBackward() {
      while (pos < start) {
        if (block <= 0) {
          block = -1;
          t = null;
          return;
        }
        load(block - 1);
        pos = end - 1;
      }
    }

    boolean valid() {
      return t != null;
    }

    long time() {
      return t[pos];
    }

    long word() {
      return v[pos * width];
    }

    long word2() {
      return v[pos * width + 1];
    }

    void next() {
      pos++;
      normalizeForward();
    }

    void previous() {
      pos--;
      normalizeBackward();
    }

    /** Skips the rest of the loaded block: the next sample is the first of the next block. */
    void nextBlock() {
      pos = end;
      normalizeForward();
    }
  }

  /**
   * Buffers of one thread: for encoding and inserting, and for the one cursor a thread uses at a
   * time (functions never nest cursors).
   */
  static final class Scratch {
    final BitWriter writer = new BitWriter();
    final BitReader reader = new BitReader();
    long[] times = new long[0];
    long[] values = new long[0];
    long[] readTimes = new long[0];
    long[] readValues = new long[0];

    void ensureRead(int n, int width) {
      if (readTimes.length < n || readValues.length < n * width) {
        readTimes = new long[n];
        readValues = new long[n * width];
      }
    }

    void ensure(int n, int width) {
      if (times.length < n || values.length < n * width) {
        times = new long[n];
        values = new long[n * width];
      }
    }
  }
}
