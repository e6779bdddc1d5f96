package dev.twins.core.internal.series;

/**
 * A cursor's position in a {@link Window}: {@code next}, {@code time} and {@code size}, the same
 * for every kind of series; each kind adds the accessors of its values, reading at {@link #at()}.
 */
abstract class WindowCursor {
  final Window w;
  private int i = -1;

  WindowCursor(Window w) {
    this.w = w;
  }

  public boolean next() {
    if (i < w.size) {
      i++;
    }
    return i < w.size;
  }

  public long time() {
    return w.times[at()];
  }

  public int size() {
    return w.size;
  }

  /**
   * @return the index of the sample the cursor is on
   * @throws IllegalStateException when it is on none
   */
  final int at() {
    if (i < 0 || i >= w.size) {
      throw new IllegalStateException("cursor is not on a sample: call next() first");
    }
    return i;
  }
}
