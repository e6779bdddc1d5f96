package dev.twins.core.graph;

/**
 * The persistence SPI of the graph: told of every change as it commits, so that a journal can
 * record the changes in exactly the order they commit and make each write wait for its record to
 * be durable without holding the graph's locks (so that concurrent writes share one fsync).
 *
 * <p>Set with {@link Twins.Builder#commitHook}; a graph has at most one. For every change, live or
 * {@link Twins#apply applied}:
 *
 * <ol>
 *   <li>{@link #committing} is called in the writing thread, inside the graph's commit section (in
 *       commit order, one change at a time), before the change becomes visible. It must only
 *       enqueue (for example append the encoded event to an in-memory buffer): it holds up every
 *       other writer. If it throws, the change is not made and the write throws a
 *       {@link GraphException} with {@link GraphException.Code#NOT_DURABLE} carrying the cause.
 *   <li>The change is made visible and delivered to synchronous subscribers.
 *   <li>The returned {@link Completion} runs in the writing thread after the graph's locks are
 *       released and before the write call returns (after all of a write's changes, for a cascade
 *       delete). If it throws, the write throws a {@link GraphException} with
 *       {@link GraphException.Code#NOT_DURABLE} carrying the cause: the change was not
 *       acknowledged; the hook should refuse later changes and take back the ones it could not make
 *       durable with {@link Twins#revert}, newest first, before the failure is reported.
 * </ol>
 *
 * <p>{@link Twins.Builder#restore} delivers no changes to the hook (the snapshot is already stored).
 */
@FunctionalInterface
public interface CommitHook {
  /**
   * Takes a change that is committing.
   *
   * @param event the change, with its sequence number
   * @return what to run before the write returns, or {@link Completion#none()}
   * @throws RuntimeException to refuse the change (it is then not made)
   */
  Completion committing(ChangeEvent event);

  /** What a write runs before it returns, outside the graph's locks: typically a wait for durability. */
  @FunctionalInterface
  interface Completion {
    /**
     * Finishes the write.
     *
     * @throws RuntimeException if the change cannot be acknowledged (the write then throws
     *     {@link GraphException} with {@link GraphException.Code#NOT_DURABLE})
     */
    void complete();

    /** @return a completion that does nothing (and costs nothing) */
    static Completion none() {
      return CommitHooks.NONE;
    }
  }
}
