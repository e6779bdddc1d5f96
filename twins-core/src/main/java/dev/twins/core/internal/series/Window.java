package dev.twins.core.internal.series;

import java.util.Arrays;

/** A copy of the samples of a window: times and value words, growing as samples are added. */
final class Window {
  final int width;
  long[] times = new long[16];
  long[] words;
  int size;

  Window(int width) {
    this.width = width;
    this.words = new long[16 * width];
  }

  void add(long time, long w0, long w1) {
    if (size == times.length) {
      times = Arrays.copyOf(times, size * 2);
      words = Arrays.copyOf(words, size * 2 * width);
    }
    times[size] = time;
    words[size * width] = w0;
    if (width == 2) {
      words[size * width + 1] = w1;
    }
    size++;
  }
}
