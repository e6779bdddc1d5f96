package dev.twins.core.graph;

import java.util.Optional;

/** A registered listener of {@link ChangeEvent}s; cancel it to stop the deliveries. */
public interface Subscription extends AutoCloseable {
  /** Stops deliveries; events already handed to an executor may still arrive. */
  void cancel();

  /** @return how many events were delivered to the listener (failures included) */
  long delivered();

  /** @return how many deliveries threw; a failing listener never breaks the write that caused the event */
  long failures();

  /** @return the last exception the listener threw, if any */
  Optional<Throwable> lastFailure();

  /** Same as {@link #cancel()}. */
  @Override
  default void close() {
    cancel();
  }
}
