package dev.twins.persistence;

import java.time.Duration;
import java.util.Objects;

/**
 * When a store's writes reach the disk, and so what a crash can lose. Writes are grouped: many
 * threads' records go to the journal with one {@code write} (and one {@code fsync}) per group.
 *
 * <table>
 * <caption>What each policy can lose</caption>
 * <tr><th>policy</th><th>a write returns after</th><th>process crash (kill -9)</th><th>power loss, kernel crash</th></tr>
 * <tr><td>{@link #everyWrite()}</td><td>its group was written and fsynced</td><td>nothing acknowledged</td><td>nothing acknowledged</td></tr>
 * <tr><td>{@link #every(Duration) every(N ms)}</td><td>its group was written to the OS</td><td>nothing acknowledged</td><td>at most the last N ms (plus one fsync) of acknowledged writes</td></tr>
 * <tr><td>{@link #os()}</td><td>its group was written to the OS</td><td>nothing acknowledged</td><td>whatever the OS had not written back (on Linux typically up to 30 s)</td></tr>
 * </table>
 *
 * <p>In every case a crash never leaves a half-applied write: a torn record at the journal's tail is
 * dropped on the next open, and a write that was not acknowledged may or may not be there.
 *
 * @param mode the policy
 * @param interval for {@link Mode#INTERVAL}, the longest time between fsyncs; zero otherwise
 */
public record Durability(Mode mode, Duration interval) {
  /** The kinds of policy. */
  public enum Mode {
    /** fsync before acknowledging each write (group commit shares one fsync among concurrent writes). */
    EVERY_WRITE,
    /** Write to the OS before acknowledging; fsync at most every {@link #interval()}. */
    INTERVAL,
    /** Write to the OS before acknowledging; never fsync (except on close and for snapshots). */
    OS
  }

  /**
   * Checks the interval.
   *
   * @throws IllegalArgumentException if the interval is not positive for {@link Mode#INTERVAL}, or
   *     not zero otherwise
   */
  public Durability {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(interval, "interval");
    if (mode == Mode.INTERVAL ? interval.isNegative() || interval.isZero() : !interval.isZero()) {
      throw new IllegalArgumentException(mode == Mode.INTERVAL
          ? "the fsync interval must be positive, got " + interval
          : "only the INTERVAL policy has an interval, got " + interval + " for " + mode);
    }
  }

  /** @return fsync before every acknowledgement: nothing acknowledged is ever lost (the default) */
  public static Durability everyWrite() {
    return new Durability(Mode.EVERY_WRITE, Duration.ZERO);
  }

  /**
   * Returns a policy that fsyncs at most every {@code interval}.
   *
   * @param interval the longest time between fsyncs, positive
   * @return the policy
   * @throws IllegalArgumentException if the interval is not positive
   */
  public static Durability every(Duration interval) {
    return new Durability(Mode.INTERVAL, interval);
  }

  /** @return leave writing back to the OS: survives a process crash, not a power loss */
  public static Durability os() {
    return new Durability(Mode.OS, Duration.ZERO);
  }

  /** Renders e.g. {@code Durability[everyWrite]} or {@code Durability[every 10ms]}. */
  @Override
  public String toString() {
    switch (mode) {
      case EVERY_WRITE:
        return "Durability[everyWrite]";
      case INTERVAL:
        return "Durability[every " + interval.toMillis() + "ms]";
      default:
        return "Durability[os]";
    }
  }
}
