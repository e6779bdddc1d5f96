package dev.twins.core.internal.adt;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits a character stream into lines without making a string per line: each line is a slice
 * of one reused buffer. Lines end at {@code \n}, {@code \r\n} or a lone {@code \r}; a byte order
 * mark before the first line is dropped. The buffer grows for long lines, up to a limit.
 */
final class LineReader {
  /** Longest line accepted, in chars; a longer one would hold most of a file in memory. */
  static final int MAX_LINE = 1 << 26;

  private final Reader in;
  private char[] buf = new char[1 << 16];
  private int pos;
  private int end;
  private boolean eof;
  private boolean skipLf;
  private boolean first = true;
  private int lineNumber;
  private int lineStart;
  private int lineLength;

  LineReader(Reader in) {
    this.in = in;
  }

  /**
   * Advances to the next line.
   *
   * @return false at the end of input
   * @throws IOException if reading fails
   * @throws LineTooLongException if a line exceeds {@link #MAX_LINE}
   */
  boolean next() throws IOException {
    int scan = pos;
    while (true) {
      if (skipLf) {
        if (pos == end && !fill()) return false;
        if (buf[pos] == '\n') pos++;
        skipLf = false;
        scan = pos;
      }
      if (first) {
        if (pos == end && !fill()) return false;
        if (buf[pos] == '\uFEFF') pos++;
        first = false;
        scan = pos;
      }
      for (int i = scan; i < end; i++) {
        char c = buf[i];
        if (c == '\n' || c == '\r') {
          lineStart = pos;
          lineLength = i - pos;
          pos = i + 1;
          skipLf = c == '\r';
          lineNumber++;
          return true;
        }
      }
      scan = end;
      if (eof) {
        if (pos == end) return false;
        lineStart = pos;
        lineLength = end - pos;
        pos = end;
        lineNumber++;
        return true;
      }
      int before = pos;
      fill();
      scan -= before - pos;
    }
  }

  /**
   * Reads more input, first moving the unread part to the front (or growing the buffer).
   *
   * @return false if nothing more could be read (then {@link #eof} is set)
   */
  private boolean fill() throws IOException {
    if (eof) return false;
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, end - pos);
      end -= pos;
      pos = 0;
    }
    if (end == buf.length) {
      if (buf.length >= MAX_LINE) throw new LineTooLongException(lineNumber + 1);
      char[] bigger = new char[Math.min(MAX_LINE, buf.length * 2)];
      System.arraycopy(buf, 0, bigger, 0, end);
      buf = bigger;
    }
    int n = in.read(buf, end, buf.length - end);
    if (n < 0) {
      eof = true;
      return false;
    }
    end += n;
    return true;
  }

  /** @return the buffer holding the current line (valid until the next call of {@link #next}) */
  char[] buffer() {
    return buf;
  }

  /** @return where the current line starts in {@link #buffer()} */
  int start() {
    return lineStart;
  }

  /** @return the length of the current line, without its terminator */
  int length() {
    return lineLength;
  }

  /** @return the 1-based number of the current line */
  int lineNumber() {
    return lineNumber;
  }

  /** @return whether the current line holds only spaces and tabs */
  boolean blank() {
    for (int i = lineStart, e = lineStart + lineLength; i < e; i++) {
      char c = buf[i];
      if (c != ' ' && c != '\t') return false;
    }
    return true;
  }

  /** Thrown when a line is longer than {@link #MAX_LINE}. */
  static final class LineTooLongException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int line;

    LineTooLongException(int line) {
      super("line " + line + " is longer than " + MAX_LINE + " characters");
      this.line = line;
    }
  }
}
