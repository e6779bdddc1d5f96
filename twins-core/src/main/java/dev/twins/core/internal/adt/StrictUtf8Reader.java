package dev.twins.core.internal.adt;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 strictly, handing out every character before a malformed sequence first, so
 * the line of the bad bytes is known (the JDK's {@code InputStreamReader} may throw before
 * returning the good characters ahead of them).
 */
public final class StrictUtf8Reader extends Reader {
  private final InputStream in;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
  private final char[] pair = new char[2];
  private int pending = -1;
  private boolean eof;
  private boolean malformed;

  /**
   * Wraps a stream.
   *
   * @param in the bytes, closed by {@link #close()}
   */
  public StrictUtf8Reader(InputStream in) {
    this.in = in;
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (len == 0) return 0;
    if (pending >= 0) {
      cbuf[off] = (char) pending;
      pending = -1;
      return 1;
    }
    if (len == 1) {
      // A supplementary character needs two chars: decode into a pair and keep the second.
      int n = read(pair, 0, 2);
      if (n <= 0) return n;
      cbuf[off] = pair[0];
      if (n == 2) pending = pair[1];
      return 1;
    }
    CharBuffer out = CharBuffer.wrap(cbuf, off, len);
    while (true) {
      if (malformed) throw new MalformedInputException(1);
      CoderResult r = decoder.decode(bytes, out, eof);
      if (r.isError()) {
        malformed = true;
      } else if (r.isUnderflow() && eof) {
        decoder.flush(out);
      }
      int n = out.position() - off;
      if (n > 0) return n;
      if (malformed) continue;
      if (eof) return -1;
      bytes.compact();
      int k = in.read(bytes.array(), bytes.position(), bytes.remaining());
      if (k < 0) {
        eof = true;
      } else {
        bytes.position(bytes.position() + k);
      }
      bytes.flip();
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
