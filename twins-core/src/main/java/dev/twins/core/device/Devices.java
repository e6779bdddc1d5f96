package dev.twins.core.device;

import dev.twins.core.graph.GraphException;
import dev.twins.core.graph.Twins;
import dev.twins.core.internal.device.CommandDispatcher;
import dev.twins.core.internal.device.DesiredStates;
import dev.twins.core.internal.graph.AdtJson;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The device side of a twin graph: desired and reported values of writable properties, the way
 * IoT Plug and Play keeps them, and DTDL Commands sent to the devices through handlers the
 * embedding service registers. Thread-safe.
 *
 * <pre>{@code
 * Devices devices = Devices.attach(twins);
 * devices.setDesired("reactor-1", "coolingSetPoint", 160.0);        // desired v1, PENDING
 * devices.report("reactor-1", "coolingSetPoint", 160.0, Ack.applied(1));  // IN_SYNC
 *
 * devices.handle("dtmi:example:Reactor;1", "openValve", call -> connector.send(call));
 * devices.invoke("reactor-1", "openValve", 80).thenAccept(r -> log(r.status()));
 * }</pre>
 *
 * <p><b>Desired state.</b> Kept in the twin's property metadata ({@code $metadata.<property>}
 * members {@code desiredValue}, {@code desiredVersion}, {@code ackCode}, {@code ackVersion},
 * {@code ackDescription}) and written by JSON Patch through the graph, so every step is a
 * {@link dev.twins.core.graph.ChangeEvent} that subscribers see and a journal records, and the
 * state travels with the twin. Desired versions increase per twin.
 *
 * <p><b>Commands.</b> {@link #invoke} validates the request against the Command's request schema,
 * hands it to the twin's connector or to the handler of its model and command, validates a 2xx
 * response against the response schema, and records the invocation with an HTTP-like status in
 * the twin's bounded command log; a pending command times out with 504 and a later reply is kept as
 * late.
 *
 * <p>Keep one {@code Devices} per graph: handlers, connectors and command logs belong to it, while
 * desired state lives in the graph and is shared by all.
 */
public final class Devices {
  private final Twins twins;
  private final DesiredStates desired;
  private final CommandDispatcher commands;

  private Devices(Twins twins, Clock clock, Duration timeout, int logCapacity) {
    this.twins = twins;
    this.desired = new DesiredStates(twins);
    this.commands = new CommandDispatcher(twins, clock, timeout, logCapacity);
  }

  /**
   * Attaches the device side to a graph with the defaults: commands time out after 30 seconds, each
   * twin's command log keeps its latest 100 invocations.
   *
   * @param twins the graph
   * @return the device side
   */
  public static Devices attach(Twins twins) {
    return builder(twins).build();
  }

  /**
   * Starts a device side with options.
   *
   * @param twins the graph
   * @return the builder
   */
  public static Builder builder(Twins twins) {
    return new Builder(twins);
  }

  /** @return the graph this device side writes to */
  public Twins twins() {
    return twins;
  }

  // ------------------------------------------------------------------------------------ desired state

  /**
   * Sets the value a back end wants a device to apply to a writable property, with the twin's next
   * desired version. The property's value is not changed: that is the device's to report.
   *
   * @param twinId the twin
   * @param property a writable property's name, or {@code component/property}
   * @param value the value, converted to JSON like {@link Twins#set}'s
   * @return the property after the write, {@link SyncStatus#PENDING}
   * @throws GraphException if the twin does not exist, the property is not a writable Property of
   *     its model ({@code NOT_WRITABLE}), or the value does not fit its schema ({@code VALIDATION_FAILED},
   *     with the JSON pointer {@code /$metadata/<property>/desiredValue...})
   */
  public WritableProperty setDesired(String twinId, String property, Object value) {
    return desired.setDesired(twinId, property, value);
  }

  /**
   * Records a device's report of a writable property: its value and its answer to a desired
   * version, in one change of the twin.
   *
   * @param twinId the twin
   * @param property a writable property's name, or {@code component/property}
   * @param value the value the device has now
   * @param ack the device's answer
   * @return the property after the write
   * @throws GraphException if the twin does not exist, the property is not writable, or the value
   *     does not fit its schema
   */
  public WritableProperty report(String twinId, String property, Object value, Ack ack) {
    return desired.report(twinId, property, value, ack);
  }

  /**
   * Records a device's answer without a new value, e.g. {@link Ack#inProgress} or
   * {@link Ack#rejected}.
   *
   * @param twinId the twin
   * @param property a writable property's name, or {@code component/property}
   * @param ack the device's answer
   * @return the property after the write
   * @throws GraphException if the twin does not exist or the property is not writable
   */
  public WritableProperty acknowledge(String twinId, String property, Ack ack) {
    return desired.acknowledge(twinId, property, ack);
  }

  /**
   * Reads the desired and reported sides of one writable property.
   *
   * @param twinId the twin
   * @param property a writable property's name, or {@code component/property}
   * @return the property; {@link WritableProperty#status()} tells whether the device applied the latest desired value
   * @throws GraphException if the twin does not exist or the property is not writable
   */
  public WritableProperty writable(String twinId, String property) {
    return desired.read(twinId, property);
  }

  /**
   * Reads every writable property of a twin (its components' included).
   *
   * @param twinId the twin
   * @return one entry per writable property of the model, in declaration order
   * @throws GraphException if the twin does not exist
   */
  public List<WritableProperty> writables(String twinId) {
    return desired.readAll(twinId);
  }

  // ------------------------------------------------------------------------------------ commands

  /**
   * Registers the handler of one Command of a model; it also serves the models that extend it.
   * For a component's command, name the component's Interface.
   *
   * @param model the Interface DTMI
   * @param command the Command name
   * @param handler the handler
   * @return the registration; a later registration for the same model and command replaces it
   * @throws IllegalArgumentException if the model is not in the graph's models or has no such Command
   */
  public Registration handle(String model, String command, CommandHandler handler) {
    return commands.handle(model, command, handler);
  }

  /**
   * Registers a twin's device connector: it receives every command of the twin (components'
   * included), before any handler registered per model.
   *
   * @param twinId the twin
   * @param connector the connector
   * @return the registration
   */
  public Registration connect(String twinId, CommandHandler connector) {
    return commands.connect(twinId, connector);
  }

  /**
   * Invokes a Command without a request (or with a nullable request left out), with the default timeout.
   *
   * @param twinId the twin
   * @param command the Command name, or {@code component/name}
   * @return a stage that completes with the invocation's record when it is over; never exceptionally
   * @throws CommandException if the twin or Command does not exist, or the Command needs a request
   */
  public CompletionStage<CommandRecord> invoke(String twinId, String command) {
    return commands.invoke(twinId, command, Optional.empty(), commands.defaultTimeout());
  }

  /**
   * Invokes a Command with the default timeout.
   *
   * @param twinId the twin
   * @param command the Command name, or {@code component/name}
   * @param request the request payload: numbers, strings, booleans, maps, lists or a {@code JsonNode}
   * @return a stage that completes with the invocation's record when it is over; never exceptionally
   * @throws CommandException if the twin or Command does not exist, or the request does not fit the
   *     Command's request schema ({@link CommandException#problems()} name the JSON pointers)
   */
  public CompletionStage<CommandRecord> invoke(String twinId, String command, Object request) {
    return invoke(twinId, command, request, commands.defaultTimeout());
  }

  /**
   * Invokes a Command.
   *
   * @param twinId the twin
   * @param command the Command name, or {@code component/name}
   * @param request the request payload, converted to JSON
   * @param timeout how long to wait for the device's reply; positive
   * @return a stage that completes with the invocation's record when it is over; never exceptionally
   * @throws CommandException if the twin or Command does not exist, or the request does not fit
   * @throws IllegalArgumentException if the timeout is not positive
   */
  public CompletionStage<CommandRecord> invoke(String twinId, String command, Object request, Duration timeout) {
    Objects.requireNonNull(request, "request");
    return commands.invoke(twinId, command, Optional.of(AdtJson.toJson(request)), timeout);
  }

  /**
   * Returns a twin's command log: its latest invocations, oldest first, as they stand now (pending
   * ones included, late replies attached).
   *
   * @param twinId the twin
   * @return the records, empty for a twin that never got a command
   */
  public List<CommandRecord> commandLog(String twinId) {
    return commands.log(twinId);
  }

  /** @return how many invocations were sent and how they ended */
  public CommandCounts commandCounts() {
    return commands.counts();
  }

  /** Renders the command counts, e.g. {@code Devices[sent=12, pending=1, succeeded=10, failed=1, timedOut=0, late=0]}. */
  @Override
  public String toString() {
    CommandCounts c = commands.counts();
    return "Devices[sent=" + c.sent() + ", pending=" + c.pending() + ", succeeded=" + c.succeeded() + ", failed="
        + c.failed() + ", timedOut=" + c.timedOut() + ", late=" + c.late() + "]";
  }

  /** Options of a device side, each checked as it is set. */
  public static final class Builder {
    private final Twins twins;
    private Clock clock = Clock.systemUTC();
    private Duration timeout = Duration.ofSeconds(30);
    private int logCapacity = 100;

    private Builder(Twins twins) {
      this.twins = Objects.requireNonNull(twins, "twins");
    }

    /**
     * Sets the timeout of invocations that name none (default 30 seconds).
     *
     * @param timeout a positive duration
     * @return this builder
     * @throws IllegalArgumentException if it is not positive
     */
    public Builder commandTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("a command timeout must be positive, got " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Sets how many invocations each twin's command log keeps (default 100); older ones are pushed
     * out and counted in {@link CommandCounts#evicted()}.
     *
     * @param capacity at least 1
     * @return this builder
     * @throws IllegalArgumentException if it is less than 1
     */
    public Builder commandLogCapacity(int capacity) {
      if (capacity < 1) throw new IllegalArgumentException("the command log keeps at least 1 record, got " + capacity);
      this.logCapacity = capacity;
      return this;
    }

    /**
     * Sets the clock of the command log's times and deadlines (default: the UTC system clock).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** @return the device side */
    public Devices build() {
      return new Devices(twins, clock, timeout, logCapacity);
    }
  }
}
