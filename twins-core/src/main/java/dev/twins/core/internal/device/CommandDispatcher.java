package dev.twins.core.internal.device;

import dev.twins.core.device.CommandCall;
import dev.twins.core.device.CommandCounts;
import dev.twins.core.device.CommandException;
import dev.twins.core.device.CommandException.Code;
import dev.twins.core.device.CommandHandler;
import dev.twins.core.device.CommandRecord;
import dev.twins.core.device.CommandReply;
import dev.twins.core.device.Registration;
import dev.twins.core.graph.Twin;
import dev.twins.core.graph.Twins;
import dev.twins.core.model.Command;
import dev.twins.core.model.CommandPayload;
import dev.twins.core.model.Component;
import dev.twins.core.model.Content;
import dev.twins.core.model.Dtmi;
import dev.twins.core.model.Interface;
import dev.twins.core.model.ValueError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * Sends DTDL Commands to the handlers the embedding service registers, validates requests and
 * responses, times out pending invocations, and keeps a bounded log per twin.
 *
 * <p>Handlers are found per twin first (a device connector), then per Interface and command name:
 * the Interface that declares the command (the component's Interface for a component command) or
 * any Interface it extends. Timeouts run on one shared daemon thread; cancelled timeouts are
 * removed at once, so finished invocations hold no timer entries.
 */
public final class CommandDispatcher {
  private static final ScheduledThreadPoolExecutor TIMER = timer();

  private final Twins twins;
  private final Clock clock;
  private final Duration defaultTimeout;
  private final int logCapacity;
  private final AtomicLong ids = new AtomicLong();
  private final CommandCounters counters = new CommandCounters();
  private final ConcurrentHashMap<HandlerKey, CommandHandler> byCommand = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, CommandHandler> byTwin = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, TwinLog> logs = new ConcurrentHashMap<>();

  /**
   * Creates a dispatcher.
   *
   * @param twins the graph whose twins receive commands
   * @param clock the clock of the log's times and of deadlines
   * @param defaultTimeout the timeout of invocations that name none
   * @param logCapacity how many invocations each twin's log keeps
   */
  public CommandDispatcher(Twins twins, Clock clock, Duration defaultTimeout, int logCapacity) {
    this.twins = Objects.requireNonNull(twins, "twins");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.defaultTimeout = checkTimeout(defaultTimeout);
    if (logCapacity < 1) throw new IllegalArgumentException("the command log keeps at least 1 record, got " + logCapacity);
    this.logCapacity = logCapacity;
  }

  /** @return the timeout of invocations that name none */
  public Duration defaultTimeout() {
    return defaultTimeout;
  }

  /**
   * Registers a handler for a command of an Interface (and of every Interface that extends it).
   *
   * @param model the Interface DTMI that declares (or inherits) the command
   * @param command the Command name
   * @param handler the handler
   * @return the registration
   * @throws IllegalArgumentException if the model is not in the graph's models or has no such Command
   */
  public Registration handle(String model, String command, CommandHandler handler) {
    Objects.requireNonNull(handler, "handler");
    Interface iface = twins.models().get(model).orElseThrow(() -> new IllegalArgumentException("model " + model
        + " is not in the graph's model set"));
    Content c = iface.contents().get(command);
    if (!(c instanceof Command)) {
      throw new IllegalArgumentException(model + " declares no Command '" + command + "'; its Commands are "
          + commandNames(iface));
    }
    HandlerKey key = new HandlerKey(iface.id(), command);
    byCommand.put(key, handler);
    return () -> byCommand.remove(key, handler);
  }

  /**
   * Registers a twin's device connector: it receives every command of that twin, before any
   * handler registered per model.
   *
   * @param twinId the twin (which need not exist yet)
   * @param connector the connector
   * @return the registration
   */
  public Registration connect(String twinId, CommandHandler connector) {
    Objects.requireNonNull(twinId, "twinId");
    Objects.requireNonNull(connector, "connector");
    byTwin.put(twinId, connector);
    return () -> byTwin.remove(twinId, connector);
  }

  /**
   * Invokes a command.
   *
   * @param twinId the twin
   * @param command {@code name} or {@code component/name}
   * @param request the request payload, if any
   * @param timeout how long to wait for the reply
   * @return a stage that completes with the record once the invocation is over (never exceptionally)
   * @throws CommandException if the twin or command does not exist, or the request does not fit
   */
  public CompletionStage<CommandRecord> invoke(String twinId, String command, Optional<JsonNode> request,
      Duration timeout) {
    Objects.requireNonNull(twinId, "twinId");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(request, "request");
    checkTimeout(timeout);
    Twin twin = twins.twin(twinId).orElseThrow(() -> new CommandException(Code.TWIN_NOT_FOUND, twinId, command,
        "no such twin", List.of()));
    Interface model = twins.models().get(twin.model()).orElseThrow(() -> new CommandException(Code.COMMAND_NOT_FOUND,
        twinId, command, "the twin's model " + twin.model() + " is not in the graph's model set", List.of()));
    Optional<String> component = Optional.empty();
    Interface owner = model;
    String name = command;
    int slash = command.indexOf('/');
    if (slash >= 0) {
      String cname = command.substring(0, slash);
      Content c = model.contents().get(cname);
      if (!(c instanceof Component)) {
        throw new CommandException(Code.COMMAND_NOT_FOUND, twinId, command, "'" + cname + "' is not a Component of "
            + model.id(), List.of());
      }
      component = Optional.of(cname);
      owner = ((Component) c).schema();
      name = command.substring(slash + 1);
    }
    Content c = owner.contents().get(name);
    if (!(c instanceof Command)) {
      throw new CommandException(Code.COMMAND_NOT_FOUND, twinId, command, owner.id() + " declares no Command '" + name
          + "'; its Commands are " + commandNames(owner), List.of());
    }
    Command definition = (Command) c;
    checkRequest(twinId, command, definition, request);

    Instant now = clock.instant();
    CommandCall call = new CommandCall(ids.incrementAndGet(), twinId, component, command, definition, request,
        now.plus(timeout));
    PendingCommand p = new PendingCommand(call, clock, now, counters);
    counters.sent.increment();
    logs.computeIfAbsent(twinId, k -> new TwinLog()).add(p);
    CommandHandler handler = handlerFor(twinId, owner, name);
    if (handler == null) {
      p.fail(404, "no handler is registered for twin " + twinId + " or for Command '" + name + "' of " + owner.id()
          + " (the device is not connected)");
      return p.result().minimalCompletionStage();
    }
    p.timeoutTask(TIMER.schedule(p::timedOut, timeout.toNanos(), TimeUnit.NANOSECONDS));
    CompletionStage<CommandReply> stage;
    try {
      stage = handler.handle(call);
    } catch (RuntimeException ex) {
      p.replied(null, ex);
      return p.result().minimalCompletionStage();
    }
    if (stage == null) {
      p.replied(null, null);
    } else {
      stage.whenComplete(p::replied);
    }
    return p.result().minimalCompletionStage();
  }

  /**
   * Returns a twin's command log.
   *
   * @param twinId the twin
   * @return its latest invocations, oldest first, as they stand now
   */
  public List<CommandRecord> log(String twinId) {
    TwinLog log = logs.get(twinId);
    return log == null ? List.of() : log.snapshot();
  }

  /** @return the counters */
  public CommandCounts counts() {
    return counters.snapshot();
  }

  private CommandHandler handlerFor(String twinId, Interface owner, String name) {
    CommandHandler h = byTwin.get(twinId);
    if (h != null) return h;
    h = byCommand.get(new HandlerKey(owner.id(), name));
    if (h != null) return h;
    for (Dtmi a : owner.ancestors()) {
      h = byCommand.get(new HandlerKey(a, name));
      if (h != null) return h;
    }
    return null;
  }

  private static void checkRequest(String twinId, String command, Command definition, Optional<JsonNode> request) {
    Optional<CommandPayload> declared = definition.request();
    if (declared.isEmpty()) {
      if (request.isPresent()) {
        throw new CommandException(Code.INVALID_REQUEST, twinId, command, "the Command takes no request, but "
            + Payloads.describe(request.get()) + " was given", List.of(new ValueError("", "no request",
            "the Command takes no request")));
      }
      return;
    }
    List<ValueError> errors = Payloads.check(declared.get(), request);
    if (!errors.isEmpty()) {
      throw new CommandException(Code.INVALID_REQUEST, twinId, command, "the request does not fit "
          + Payloads.what(declared.get()) + ": " + Payloads.render("/request", errors), errors);
    }
  }

  private static String commandNames(Interface iface) {
    List<String> names = new ArrayList<>();
    for (Command c : iface.commands()) names.add(c.name());
    return names.isEmpty() ? "none" : String.join(", ", names);
  }

  private static Duration checkTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("a command timeout must be positive, got " + timeout);
    }
    return timeout;
  }

  private static ScheduledThreadPoolExecutor timer() {
    ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
      Thread thread = new Thread(r, "twins-command-timeouts");
      thread.setDaemon(true);
      return thread;
    });
    t.setRemoveOnCancelPolicy(true);
    return t;
  }

  private record HandlerKey(Dtmi model, String command) {}

  /** The latest invocations of one twin, bounded; the oldest is pushed out (and counted) when full. */
  private final class TwinLog {
    private final ArrayDeque<PendingCommand> entries = new ArrayDeque<>();

    synchronized void add(PendingCommand p) {
      if (entries.size() >= logCapacity) {
        entries.removeFirst();
        counters.evicted.increment();
      }
      entries.addLast(p);
    }

    List<CommandRecord> snapshot() {
      List<PendingCommand> copy;
      synchronized (this) {
        copy = new ArrayList<>(entries);
      }
      List<CommandRecord> out = new ArrayList<>(copy.size());
      for (PendingCommand p : copy) out.add(p.snapshot());
      return out;
    }
  }
}
