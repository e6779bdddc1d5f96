package dev.twins.core.series;

import dev.twins.core.internal.series.SeriesTransfer;
import java.util.List;
import java.util.Objects;

/**
 * A series' samples in their compressed form, for storage: what durable stores write into
 * snapshots so that telemetry history is saved and restored without decoding and encoding every
 * sample again. Not needed for anything else: read series through their own methods.
 *
 * <p>The {@link Contents} of a series are its live samples in time order, in three parts: raw
 * samples before the blocks (the live part of a first block that retention has partly expired),
 * closed blocks as encoded, and the raw samples of the open block after them. The encoding of a
 * block is this version of Twins' own, identified by {@link #ENCODING_VERSION}: a store writes
 * that number beside the blocks and must refuse blocks of another encoding version.
 * {@link #restore} checks every block by decoding it (counts, bit lengths, time order) and
 * recomputes its aggregates, but never encodes samples again.
 *
 * <pre>{@code
 * SeriesBlocks.Contents c = SeriesBlocks.export(series);      // under the series' lock, no decoding
 * SeriesBlocks.restore(store.doubles(twinId, name), c);        // into a new, empty series
 * }</pre>
 */
public final class SeriesBlocks {
  /** The version of the block encoding that {@link #export} gives and {@link #restore} reads. */
  public static final int ENCODING_VERSION = 1;

  private SeriesBlocks() {}

  /**
   * Raw samples: {@code times[i]} with {@code width} value words from {@code words[i * width]}
   * (width 2 for points, else 1). A word is a double's raw bits ({@link Double#doubleToRawLongBits}),
   * a boolean as 0 or 1, a string's index in the {@link Contents#dictionary()}, or a point's
   * longitude then latitude bits. The arrays are not copied: do not change them.
   *
   * @param times the times (epoch milliseconds), non-decreasing
   * @param words the value words
   */
  public record Samples(long[] times, long[] words) {
    /** An empty sample set. */
    public static final Samples NONE = new Samples(new long[0], new long[0]);

    /**
     * Checks the arrays.
     *
     * @throws NullPointerException if an array is null
     */
    public Samples {
      Objects.requireNonNull(times, "times");
      Objects.requireNonNull(words, "words");
    }

    /**
     * Returns the number of samples.
     *
     * @return {@code times.length}
     */
    public int size() {
      return times.length;
    }
  }

  /**
   * One closed block as encoded: {@code count} samples in {@code bits} bits, most significant bit
   * first in {@code words} ({@code (bits + 63) / 64} of them), the values starting at bit
   * {@code valueBits}. The array is not copied: do not change it.
   *
   * @param count the number of samples, at least 1
   * @param bits the number of bits used
   * @param valueBits where the values start (the times come first)
   * @param words the bits
   */
  public record Block(int count, int bits, int valueBits, long[] words) {
    /**
     * Checks the sizes.
     *
     * @throws IllegalArgumentException if a size is impossible
     */
    public Block {
      Objects.requireNonNull(words, "words");
      if (count < 1) throw new IllegalArgumentException("a block holds at least one sample, not " + count);
      if (bits < 64 || valueBits < 64 || valueBits > bits) {
        throw new IllegalArgumentException("impossible bit lengths: " + bits + " bits, values from bit " + valueBits);
      }
      if (words.length != (bits + 63) >>> 6) {
        throw new IllegalArgumentException(bits + " bits need " + ((bits + 63) >>> 6) + " words, not " + words.length);
      }
    }
  }

  /**
   * The live samples of a series.
   *
   * @param kind the kind of series
   * @param dictionary for strings, every distinct value by its code (else empty)
   * @param head raw samples before the blocks
   * @param blocks the closed blocks, in time order
   * @param tail raw samples after the blocks
   */
  public record Contents(SeriesKind kind, List<String> dictionary, Samples head, List<Block> blocks, Samples tail) {
    /**
     * Copies the lists.
     *
     * @throws NullPointerException if a part is null
     */
    public Contents {
      Objects.requireNonNull(kind, "kind");
      dictionary = List.copyOf(dictionary);
      Objects.requireNonNull(head, "head");
      blocks = List.copyOf(blocks);
      Objects.requireNonNull(tail, "tail");
    }

    /**
     * Returns the number of samples.
     *
     * @return the samples of the three parts
     */
    public long size() {
      long n = (long) head.size() + tail.size();
      for (Block b : blocks) n += b.count();
      return n;
    }
  }

  /**
   * Returns the live samples of a series, its closed blocks as they are.
   *
   * @param series a series made by Twins ({@link SeriesStore} or {@code Series.doubles} and siblings)
   * @return its contents
   * @throws IllegalArgumentException if the series was not made by Twins
   */
  public static Contents export(Series series) {
    return SeriesTransfer.export(Objects.requireNonNull(series, "series"));
  }

  /**
   * Fills an empty series with exported contents. Retention applies as to appends: samples that
   * the series' retention does not keep are dropped.
   *
   * @param series an empty series made by Twins, of the contents' kind
   * @param contents what {@link #export} gave (possibly read back from a file)
   * @throws IllegalArgumentException if the kinds differ, the series is not empty, or the contents
   *     are inconsistent (a block that does not decode to its count and bit lengths, times out of
   *     order, a dictionary code out of range); the series is then left empty
   */
  public static void restore(Series series, Contents contents) {
    SeriesTransfer.restore(Objects.requireNonNull(series, "series"), Objects.requireNonNull(contents, "contents"));
  }
}
