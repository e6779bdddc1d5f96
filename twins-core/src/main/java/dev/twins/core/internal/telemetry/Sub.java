package dev.twins.core.internal.telemetry;

import dev.twins.core.graph.Subscription;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** A listener registration with its delivery counters; a failing listener is counted and logged, never breaks ingest. */
final class Sub<T> implements Subscription {
  private final Consumer<? super T> listener;
  private final Runnable onCancel;
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private volatile Throwable lastFailure;
  volatile boolean cancelled;

  Sub(Consumer<? super T> listener, Runnable onCancel) {
    this.listener = listener;
    this.onCancel = onCancel;
  }

  void deliver(T value) {
    if (cancelled) return;
    delivered.incrementAndGet();
    try {
      listener.accept(value);
    } catch (RuntimeException | AssertionError ex) {
      failures.incrementAndGet();
      lastFailure = ex;
      System.getLogger(Sub.class.getName()).log(System.Logger.Level.WARNING,
          "a telemetry listener failed; the message it was told about stands", ex);
    }
  }

  @Override
  public void cancel() {
    if (!cancelled) {
      cancelled = true;
      onCancel.run();
    }
  }

  @Override
  public long delivered() {
    return delivered.get();
  }

  @Override
  public long failures() {
    return failures.get();
  }

  @Override
  public Optional<Throwable> lastFailure() {
    return Optional.ofNullable(lastFailure);
  }

  @Override
  public String toString() {
    return "Subscription[telemetry, delivered=" + delivered + ", failures=" + failures + (cancelled ? ", cancelled" : "")
        + "]";
  }
}
