package dev.twins.core.device;

/**
 * How many command invocations ended how, since the {@link Devices} was made. Every invocation that
 * passed validation is counted once as sent and, when over, once as succeeded, failed or timed out;
 * a reply after the timeout is counted as late too; a record pushed out of a full per-twin log is
 * counted as evicted.
 *
 * @param sent invocations handed to a handler (or refused with 404 for want of one)
 * @param succeeded invocations that ended with a valid 2xx reply
 * @param failed invocations that ended with a failure status
 * @param timedOut invocations that got no reply in time
 * @param late replies that came after their invocation timed out
 * @param evicted records pushed out of a full per-twin log
 */
public record CommandCounts(long sent, long succeeded, long failed, long timedOut, long late, long evicted) {
  /** @return invocations still waiting for a reply */
  public long pending() {
    return sent - succeeded - failed - timedOut;
  }
}
