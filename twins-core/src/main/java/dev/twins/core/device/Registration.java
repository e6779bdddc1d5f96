package dev.twins.core.device;

/** A registered command handler or device connector; cancel it to stop routing commands to it. */
public interface Registration extends AutoCloseable {
  /** Unregisters the handler; commands already handed to it still complete. */
  void cancel();

  /** Same as {@link #cancel()}. */
  @Override
  default void close() {
    cancel();
  }
}
