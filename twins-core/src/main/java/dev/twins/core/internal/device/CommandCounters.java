package dev.twins.core.internal.device;

import dev.twins.core.device.CommandCounts;
import java.util.concurrent.atomic.LongAdder;

/** The counters behind {@link CommandCounts}. */
final class CommandCounters {
  final LongAdder sent = new LongAdder();
  final LongAdder succeeded = new LongAdder();
  final LongAdder failed = new LongAdder();
  final LongAdder timedOut = new LongAdder();
  final LongAdder late = new LongAdder();
  final LongAdder evicted = new LongAdder();

  CommandCounts snapshot() {
    // read the ends before the start, so that pending() is never negative
    long s = succeeded.sum();
    long f = failed.sum();
    long t = timedOut.sum();
    return new CommandCounts(Math.max(sent.sum(), s + f + t), s, f, t, late.sum(), evicted.sum());
  }
}
