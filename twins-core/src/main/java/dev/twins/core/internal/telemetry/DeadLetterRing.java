package dev.twins.core.internal.telemetry;

import dev.twins.core.telemetry.DeadLetter;
import java.util.ArrayList;
import java.util.List;

/** The newest rejected messages, bounded: the oldest is forgotten when a new one does not fit. */
final class DeadLetterRing {
  private final DeadLetter[] ring;
  private long written;

  DeadLetterRing(int capacity) {
    this.ring = new DeadLetter[capacity];
  }

  synchronized void add(DeadLetter d) {
    if (ring.length == 0) return;
    ring[(int) (written % ring.length)] = d;
    written++;
  }

  synchronized List<DeadLetter> list() {
    int n = (int) Math.min(written, ring.length);
    List<DeadLetter> out = new ArrayList<>(n);
    for (long i = written - n; i < written; i++) out.add(ring[(int) (i % ring.length)]);
    return out;
  }

  synchronized void clear() {
    java.util.Arrays.fill(ring, null);
    written = 0;
  }
}
