package dev.twins.core.internal.adt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The UTF-8 decoder of the bulk-import reader. */
class StrictUtf8ReaderTest {
  private static final String TEXT = "a\u00e9\uD83D\uDE00b\n" + "x".repeat(70_000) + "\uD83D\uDE01";

  private static String readAll(StrictUtf8Reader r, int chunk) throws IOException {
    StringBuilder sb = new StringBuilder();
    char[] buf = new char[chunk];
    int n;
    while ((n = r.read(buf, 0, chunk)) >= 0) sb.append(buf, 0, n);
    return sb.toString();
  }

  @Test
  void decodesWithAnyChunkSizeIncludingOneCharAtATime() throws IOException {
    byte[] bytes = TEXT.getBytes(StandardCharsets.UTF_8);
    for (int chunk : new int[] {1, 2, 3, 4096, 100_000}) {
      assertThat(readAll(new StrictUtf8Reader(new ByteArrayInputStream(bytes)), chunk)).as("chunk %d", chunk).isEqualTo(TEXT);
    }
  }

  @Test
  void decodesWhenTheStreamHandsOverOneByteAtATime() throws IOException {
    byte[] bytes = TEXT.getBytes(StandardCharsets.UTF_8);
    InputStream trickle = new InputStream() {
      private int pos;

      @Override
      public int read() {
        return pos < bytes.length ? bytes[pos++] & 0xff : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (pos >= bytes.length) return -1;
        b[off] = bytes[pos++];
        return 1;
      }
    };
    assertThat(readAll(new StrictUtf8Reader(trickle), 7)).isEqualTo(TEXT);
  }

  @Test
  void handsOutTheGoodCharactersBeforeFailingOnBadBytes() throws IOException {
    byte[] bytes = {'o', 'k', '\n', (byte) 0xC3, 0x28};
    StrictUtf8Reader r = new StrictUtf8Reader(new ByteArrayInputStream(bytes));
    char[] buf = new char[10];
    assertThat(r.read(buf, 0, 10)).isEqualTo(3);
    assertThat(new String(buf, 0, 3)).isEqualTo("ok\n");
    assertThatThrownBy(() -> r.read(buf, 0, 10)).isInstanceOf(MalformedInputException.class);
  }

  @Test
  void aTruncatedSequenceAtTheEndIsMalformed() {
    byte[] bytes = {'o', (byte) 0xE2, (byte) 0x82};
    StrictUtf8Reader r = new StrictUtf8Reader(new ByteArrayInputStream(bytes));
    assertThatThrownBy(() -> readAll(r, 10)).isInstanceOf(MalformedInputException.class);
  }
}
