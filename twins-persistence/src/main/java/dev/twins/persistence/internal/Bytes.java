package dev.twins.persistence.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/** A growable byte array with the primitive encodings of the binary records (see docs/formats.md). */
public final class Bytes {
  private byte[] buf;
  private int len;

  /** @param capacity the initial capacity */
  public Bytes(int capacity) {
    this.buf = new byte[Math.max(16, capacity)];
  }

  /** @return the array (valid up to {@link #length()}) */
  public byte[] array() {
    return buf;
  }

  /** @return the number of bytes written */
  public int length() {
    return len;
  }

  /** Forgets the content. */
  public void reset() {
    len = 0;
  }

  private void ensure(int n) {
    if (len + n > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
  }

  /**
   * Leaves room for bytes written later with {@link #setInt} and {@link #setLong}.
   *
   * @param n how many
   * @return where they start
   */
  public int skip(int n) {
    ensure(n);
    int at = len;
    len += n;
    return at;
  }

  /** @param at where @param v 4 bytes, little-endian, written over what is there */
  public void setInt(int at, int v) {
    for (int i = 0; i < 4; i++) buf[at + i] = (byte) (v >>> (8 * i));
  }

  /** @param at where @param v 8 bytes, little-endian, written over what is there */
  public void setLong(int at, long v) {
    for (int i = 0; i < 8; i++) buf[at + i] = (byte) (v >>> (8 * i));
  }

  /** @param b a byte */
  public void u8(int b) {
    ensure(1);
    buf[len++] = (byte) b;
  }

  /** @param v an unsigned LEB128 varint */
  public void varLong(long v) {
    ensure(10);
    while ((v & ~0x7FL) != 0) {
      buf[len++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    buf[len++] = (byte) v;
  }

  /** @param v a signed value, zigzag then varint */
  public void zigzag(long v) {
    varLong((v << 1) ^ (v >> 63));
  }

  /** @param s a string: varint byte length, then UTF-8 (the JDK's own encoder: one copy for ASCII text) */
  public void string(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    bytes(b, b.length);
  }

  /** @param b bytes @param n how many: varint length, then the bytes */
  public void bytes(byte[] b, int n) {
    varLong(n);
    ensure(n);
    System.arraycopy(b, 0, buf, len, n);
    len += n;
  }

  /** @param b bytes @param n how many, copied as they are (no length) */
  public void raw(byte[] b, int n) {
    ensure(n);
    System.arraycopy(b, 0, buf, len, n);
    len += n;
  }

  /** @param v 8 bytes, little-endian */
  public void fixed64(long v) {
    ensure(8);
    for (int i = 0; i < 8; i++) buf[len++] = (byte) (v >>> (8 * i));
  }

  /** @param t an instant: zigzag epoch seconds, varint nanoseconds */
  public void instant(Instant t) {
    zigzag(t.getEpochSecond());
    varLong(t.getNano());
  }

  /** Reads what {@link Bytes} wrote. */
  public static final class Reader {
    private final ByteBuffer b;

    /** @param b the bytes, from position to limit */
    public Reader(ByteBuffer b) {
      this.b = b;
    }

    /** @return the buffer read from (its position is the reader's) */
    public ByteBuffer buffer() {
      return b;
    }

    /** @return whether bytes remain */
    public boolean hasMore() {
      return b.hasRemaining();
    }

    /** @return the position (for messages) */
    public int position() {
      return b.position();
    }

    /** @return the number of bytes left */
    public int remaining() {
      return b.remaining();
    }

    /** @return 8 bytes, little-endian */
    public long fixed64() {
      long v = 0;
      for (int i = 0; i < 8; i++) v |= (long) (b.get() & 0xff) << (8 * i);
      return v;
    }

    /** @return a byte */
    public int u8() {
      return b.get() & 0xff;
    }

    /** @return a varint */
    public long varLong() {
      long v = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        byte x = b.get();
        v |= (long) (x & 0x7F) << shift;
        if (x >= 0) return v;
      }
      throw new IllegalArgumentException("varint longer than 10 bytes");
    }

    /** @return a varint that must fit an int */
    public int varInt() {
      long v = varLong();
      if (v < 0 || v > Integer.MAX_VALUE) throw new IllegalArgumentException("length out of range: " + v);
      return (int) v;
    }

    /** @return a zigzag value */
    public long zigzag() {
      long v = varLong();
      return (v >>> 1) ^ -(v & 1);
    }

    /** @return a string */
    public String string() {
      int n = varInt();
      if (n > b.remaining()) throw new IllegalArgumentException("string of " + n + " bytes past the end");
      String s;
      if (b.hasArray()) {
        s = new String(b.array(), b.arrayOffset() + b.position(), n, StandardCharsets.UTF_8);
        b.position(b.position() + n);
      } else {
        byte[] x = new byte[n];
        b.get(x);
        s = new String(x, StandardCharsets.UTF_8);
      }
      return s;
    }

    /** @return a byte slice (a view) */
    public ByteBuffer bytes() {
      int n = varInt();
      if (n > b.remaining()) throw new IllegalArgumentException("field of " + n + " bytes past the end");
      ByteBuffer s = b.slice(b.position(), n);
      b.position(b.position() + n);
      return s;
    }

    /** @return an instant */
    public Instant instant() {
      long s = zigzag();
      long n = varLong();
      return Instant.ofEpochSecond(s, n);
    }
  }
}
