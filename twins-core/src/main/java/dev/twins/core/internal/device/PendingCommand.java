package dev.twins.core.internal.device;

import dev.twins.core.device.CommandCall;
import dev.twins.core.device.CommandRecord;
import dev.twins.core.device.CommandRecord.LateReply;
import dev.twins.core.device.CommandRecord.Outcome;
import dev.twins.core.device.CommandReply;
import dev.twins.core.model.CommandPayload;
import dev.twins.core.model.ValueError;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;
import tools.jackson.databind.JsonNode;

/**
 * One invocation from the moment it is handed to a handler: moves once from pending to its end
 * (reply, failure or timeout), and keeps a reply that comes after the timeout. Thread-safe: the
 * handler's stage, the timeout and readers of the log may touch it at once; the caller's future
 * is completed outside the lock.
 */
final class PendingCommand {
  private final CommandCall call;
  private final Clock clock;
  private final Instant sent;
  private final CommandCounters counters;
  private final CompletableFuture<CommandRecord> result = new CompletableFuture<>();
  private CommandRecord record;
  private Future<?> timeout;

  PendingCommand(CommandCall call, Clock clock, Instant sent, CommandCounters counters) {
    this.call = call;
    this.clock = clock;
    this.sent = sent;
    this.counters = counters;
    this.record = new CommandRecord(call.requestId(), call.twinId(), call.command(), call.request(), Outcome.PENDING,
        OptionalInt.empty(), Optional.empty(), Optional.empty(), sent, Optional.empty(), Optional.empty());
  }

  CommandCall call() {
    return call;
  }

  CompletableFuture<CommandRecord> result() {
    return result;
  }

  synchronized CommandRecord snapshot() {
    return record;
  }

  synchronized void timeoutTask(Future<?> task) {
    if (record.outcome() == Outcome.PENDING) {
      timeout = task;
    } else {
      task.cancel(false);
    }
  }

  /** Ends the invocation without a reply from the device (no handler: 404; handler failed: 500). */
  void fail(int status, String why) {
    finish(Outcome.FAILED, status, Optional.empty(), Optional.of(prefix() + why));
  }

  /** The handler's stage completed, with a reply or an exception. */
  void replied(CommandReply reply, Throwable failure) {
    Instant now = clock.instant();
    Optional<String> problem;
    if (failure != null) {
      Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
          : failure;
      problem = Optional.of("the handler failed: " + cause);
    } else if (reply == null) {
      problem = Optional.of("the handler completed without a reply");
    } else {
      problem = reply.isSuccess() ? responseProblem(reply.payload()) : Optional.empty();
    }
    CommandRecord done;
    synchronized (this) {
      if (record.outcome() == Outcome.TIMED_OUT) {
        if (record.late().isEmpty()) {
          CommandReply kept = reply != null ? reply : CommandReply.of(500);
          record = with(record.outcome(), record.status(), record.response(), record.error(),
              Optional.of(new LateReply(kept, now, problem)));
          counters.late.increment();
        }
        return;
      }
      if (record.outcome() != Outcome.PENDING) return;
      if (failure != null || reply == null) {
        record = end(Outcome.FAILED, 500, Optional.empty(), Optional.of(prefix() + problem.orElseThrow()), now);
      } else if (problem.isPresent()) {
        record = end(Outcome.FAILED, 502, reply.payload(), Optional.of(prefix() + problem.get()), now);
      } else if (reply.isSuccess()) {
        record = end(Outcome.SUCCEEDED, reply.status(), reply.payload(), Optional.empty(), now);
      } else {
        record = end(Outcome.FAILED, reply.status(), reply.payload(),
            Optional.of(prefix() + "the device answered " + reply.status()), now);
      }
      done = record;
    }
    result.complete(done);
  }

  /** The timeout fired. */
  void timedOut() {
    finish(Outcome.TIMED_OUT, 504, Optional.empty(), Optional.of(prefix() + "no reply within "
        + java.time.Duration.between(sent, call.deadline()) + " (the device may still answer; a late reply is kept)"));
  }

  private void finish(Outcome outcome, int status, Optional<JsonNode> response, Optional<String> error) {
    Instant now = clock.instant();
    CommandRecord done;
    synchronized (this) {
      if (record.outcome() != Outcome.PENDING) return;
      record = end(outcome, status, response, error, now);
      done = record;
    }
    result.complete(done);
  }

  /** Called under the lock: the one transition out of pending. */
  private CommandRecord end(Outcome outcome, int status, Optional<JsonNode> response, Optional<String> error,
      Instant now) {
    if (timeout != null) timeout.cancel(false);
    switch (outcome) {
      case SUCCEEDED:
        counters.succeeded.increment();
        break;
      case TIMED_OUT:
        counters.timedOut.increment();
        break;
      default:
        counters.failed.increment();
    }
    return new CommandRecord(record.requestId(), record.twinId(), record.command(), record.request(), outcome,
        OptionalInt.of(status), response, error, sent, Optional.of(now), Optional.empty());
  }

  private CommandRecord with(Outcome outcome, OptionalInt status, Optional<JsonNode> response, Optional<String> error,
      Optional<LateReply> late) {
    return new CommandRecord(record.requestId(), record.twinId(), record.command(), record.request(), outcome, status,
        response, error, sent, record.finished(), late);
  }

  private String prefix() {
    return call.twinId() + ": " + call.command() + " (request " + call.requestId() + "): ";
  }

  /** Why a 2xx payload does not fit the Command's response, if it does not. */
  private Optional<String> responseProblem(Optional<JsonNode> payload) {
    Optional<CommandPayload> response = call.definition().response();
    if (response.isEmpty()) {
      return payload.isPresent() ? Optional.of("the command declares no response, but the device sent "
          + Payloads.describe(payload.get())) : Optional.empty();
    }
    List<ValueError> errors = Payloads.check(response.get(), payload);
    return errors.isEmpty() ? Optional.empty() : Optional.of("the response does not fit "
        + Payloads.what(response.get()) + ": " + Payloads.render("/response", errors));
  }
}
