package dev.twins.core.telemetry;

import dev.twins.core.graph.Subscription;
import dev.twins.core.graph.Twins;
import dev.twins.core.internal.telemetry.HubCore;
import dev.twins.core.internal.telemetry.LineIngest;
import dev.twins.core.model.Dtmi;
import dev.twins.core.series.Retention;
import dev.twins.core.series.Series;
import dev.twins.core.series.SeriesStore;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * Telemetry for a twin graph: takes messages from devices, checks them against the twins' DTDL
 * Telemetry schemas, keeps each twin's newest readings (and, with series on, their history), and
 * keeps derived properties up to date through {@link #rules()}.
 *
 * <pre>{@code
 * Twins twins = Twins.demo();
 * TelemetryHub hub = TelemetryHub.attach(twins);
 * hub.rules().add(Rule.fromRelated("dtmi:twins:demo:Room;1", "temperature", "hasSensor",
 *     Rule.Source.telemetry("temperature"), Aggregate.MEAN));
 * hub.ingest("sensor-101", "temperature", Instant.now().toEpochMilli(), 23.5);   // ACCEPTED
 * twins.twin("room-101").orElseThrow().number("temperature");                    // 23.5
 *
 * Channel ch = hub.channel("sensor-101", "temperature");   // resolved once: the fast path
 * ch.ingest(Instant.now().toEpochMilli(), 23.7);
 * }</pre>
 *
 * <p><b>Ingest.</b> A message names a twin, optionally a component, a source time, one or more
 * values by Telemetry name and optionally a message id. Every value is checked against its
 * schema; a message with any bad value, an unknown twin or telemetry, a NaN or infinite number or
 * a time that cannot be read is rejected as a whole, counted, and kept in a bounded list of
 * {@link DeadLetter}s. A message whose id the twin saw within the duplicate window is dropped and
 * counted. A message older than the twin's newest reading is placed by its source time and
 * counted as late; the newest reading stays. Every call returns after the twin's readings, its
 * series and every derived property reflect the message. Calls are thread-safe: messages for one
 * twin are applied one at a time, messages for different twins in parallel.
 *
 * <p><b>The graph.</b> The hub follows the graph: a deleted twin's telemetry is dropped, a twin
 * moved to another model keeps the readings of the telemetries the new model declares with the
 * same kind of schema. Telemetry itself creates no change events of the graph; the properties
 * written by rules do, like any other write. Listen to accepted messages with {@link #subscribe}
 * (this is where a journal records telemetry) and to threshold crossings with
 * {@link #onThreshold}.
 */
public final class TelemetryHub implements AutoCloseable {
  private final HubCore core;
  private final Twins twins;

  private TelemetryHub(Twins twins, HubCore core) {
    this.twins = twins;
    this.core = core;
  }

  /**
   * Attaches a hub with the default settings to a graph.
   *
   * @param twins the graph
   * @return the hub
   */
  public static TelemetryHub attach(Twins twins) {
    return builder(twins).build();
  }

  /**
   * Starts a hub with settings.
   *
   * @param twins the graph
   * @return the builder
   */
  public static Builder builder(Twins twins) {
    return new Builder(twins);
  }

  /** @return the graph this hub feeds */
  public Twins twins() {
    return twins;
  }

  // ------------------------------------------------------------------------------------ ingest

  /**
   * Resolves one telemetry of one twin for fast, repeated ingest.
   *
   * @param twinId the twin
   * @param telemetry the Telemetry name, or {@code component/name} for a component's
   * @return the channel
   * @throws TelemetryException if the graph has no such twin or its model no such Telemetry
   */
  public Channel channel(String twinId, String telemetry) {
    return core.channel(Objects.requireNonNull(twinId, "twinId"), Objects.requireNonNull(telemetry, "telemetry"));
  }

  /**
   * Ingests one number.
   *
   * @param twinId the twin
   * @param telemetry the Telemetry name ({@code component/name} for a component's)
   * @param epochMillis the source time in epoch milliseconds
   * @param value the value
   * @return the outcome; on {@link Outcome#REJECTED} the reason is in {@link #deadLetters()}
   */
  public Outcome ingest(String twinId, String telemetry, long epochMillis, double value) {
    return core.ingest(Objects.requireNonNull(twinId, "twinId"), Objects.requireNonNull(telemetry, "telemetry"),
        epochMillis, value);
  }

  /**
   * Ingests one message.
   *
   * @param message the message
   * @return the outcome; on {@link Outcome#REJECTED} the reason is in {@link #deadLetters()}
   */
  public Outcome ingest(TelemetryMessage message) {
    return core.ingest(Objects.requireNonNull(message, "message"), "api", 0, null);
  }

  /**
   * Ingests a batch of messages, one after the other.
   *
   * @param messages the messages
   * @return the counts and the rejections, each with its position in the batch (from 1)
   */
  public IngestReport ingestAll(List<TelemetryMessage> messages) {
    return new LineIngest(core, "batch").batch(messages);
  }

  /**
   * Ingests NDJSON text: one message per line, as a JSON object with members {@code twinId}
   * (string), {@code sourceTime} (RFC 3339 string with offset, or epoch milliseconds),
   * {@code values} (object of Telemetry name to value), and optionally {@code component} and
   * {@code messageId}. Blank lines are skipped; a leading byte order mark is allowed.
   *
   * <pre>{@code
   * {"twinId":"sensor-101","sourceTime":"2024-05-01T12:00:00Z","values":{"temperature":21.5},"messageId":"m1"}
   * }</pre>
   *
   * <p>A bad line is rejected with its line number and the JSON pointer (or column, for JSON syntax
   * errors) at fault; the other lines go on.
   *
   * @param in the text
   * @param source a name for the report and the dead letters, e.g. the file name
   * @return the report
   * @throws UncheckedIOException if reading fails
   */
  public IngestReport ingestNdjson(Reader in, String source) {
    return new LineIngest(core, source).ndjson(in);
  }

  /**
   * Ingests an NDJSON file (UTF-8); see {@link #ingestNdjson(Reader, String)}.
   *
   * @param file the file
   * @return the report, named after the file
   * @throws UncheckedIOException if reading fails
   */
  public IngestReport ingestNdjson(Path file) {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return ingestNdjson(r, file.getFileName().toString());
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + file + " failed: " + e.getMessage(), e);
    }
  }

  /**
   * Ingests CSV text (RFC 4180: comma-separated, fields quoted with {@code "} and {@code ""} inside
   * quotes, LF or CRLF, a quoted field cannot span lines, an optional byte order mark). The first
   * line is a header naming the columns {@code twinId} and {@code sourceTime}, optionally
   * {@code messageId} and {@code component}, and one column per Telemetry name. Each row is one
   * message with the values of its non-empty telemetry cells. Cells are read by the Telemetry's
   * schema: numbers as decimal numbers, booleans as {@code true}/{@code false}/{@code 1}/{@code 0},
   * strings and enum values as they are, objects, arrays and GeoJSON as JSON text.
   *
   * <pre>{@code
   * twinId,sourceTime,temperature,occupancy
   * sensor-101,2024-05-01T12:00:00Z,21.5,true
   * sensor-101,2024-05-01T12:01:00Z,21.6,
   * }</pre>
   *
   * <p>A bad row is rejected with its line number and column (header name and 1-based column);
   * the other rows go on.
   *
   * @param in the text
   * @param source a name for the report and the dead letters, e.g. the file name
   * @return the report
   * @throws TelemetryException if the header is missing, names a column twice, or lacks twinId,
   *     sourceTime or a telemetry column
   * @throws UncheckedIOException if reading fails
   */
  public IngestReport ingestCsv(Reader in, String source) {
    return new LineIngest(core, source).csv(in);
  }

  /**
   * Ingests a CSV file (UTF-8); see {@link #ingestCsv(Reader, String)}.
   *
   * @param file the file
   * @return the report, named after the file
   * @throws TelemetryException if the header is unusable
   * @throws UncheckedIOException if reading fails
   */
  public IngestReport ingestCsv(Path file) {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return ingestCsv(r, file.getFileName().toString());
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + file + " failed: " + e.getMessage(), e);
    }
  }

  // ------------------------------------------------------------------------------------ reads

  /**
   * Returns the newest reading (by source time) of a twin's telemetry.
   *
   * @param twinId the twin
   * @param telemetry the Telemetry name or {@code component/name}
   * @return the value, empty when there is none (or no such twin or telemetry)
   */
  public Optional<JsonNode> last(String twinId, String telemetry) {
    return core.last(twinId, telemetry);
  }

  /**
   * Returns the series of a twin's telemetry.
   *
   * @param twinId the twin
   * @param telemetry the Telemetry name or {@code component/name}
   * @return the series; empty when series are off, there is no such twin or telemetry, or its
   *     schema has no series (objects, arrays, maps, geometries other than points)
   */
  public Optional<Series> series(String twinId, String telemetry) {
    SeriesStore store = core.store();
    if (store == null) return Optional.empty();
    core.last(twinId, telemetry);   // makes the twin's series if the twin exists
    return store.find(twinId, telemetry);
  }

  /**
   * Returns the store of every series this hub keeps, by twin id and telemetry name (for queries
   * over many twins). Read it; write telemetry through the hub.
   *
   * @return the store; empty when series are off
   */
  public Optional<SeriesStore> seriesStore() {
    return Optional.ofNullable(core.store());
  }

  /** @return the counters since the hub was created */
  public IngestCounts counts() {
    return core.counts();
  }

  /** @return the kept rejections, oldest first (at most the dead-letter capacity; every rejection is counted) */
  public List<DeadLetter> deadLetters() {
    return core.deadLetters();
  }

  /** Forgets the kept rejections; the counters stay. */
  public void clearDeadLetters() {
    core.clearDeadLetters();
  }

  // ------------------------------------------------------------------------------------ rules and listeners

  /**
   * Calls an action with the newest reading of every telemetry whose history is not kept (series
   * off, or a schema kept without series), as one message per twin and telemetry: what a snapshot
   * needs to bring those readings back (ingesting the messages again restores them).
   *
   * @param action told of each reading
   */
  public void forEachLastWithoutSeries(Consumer<? super TelemetryMessage> action) {
    Objects.requireNonNull(action, "action");
    core.forEachLastWithoutSeries(action::accept);
  }

  /**
   * Calls an action with the message ids each twin remembers for its duplicate window: what a
   * snapshot needs so that a message sent again after a reopen is still dropped as a duplicate.
   *
   * @param action told of each twin that remembers ids
   */
  public void forEachRecentMessageIds(Consumer<? super RecentMessageIds> action) {
    Objects.requireNonNull(action, "action");
    core.forEachRecentMessageIds(action::accept);
  }

  /**
   * Replaces the message ids a twin remembers with stored ones (for a durable store, before its
   * journal is replayed).
   *
   * @param ids what {@link #forEachRecentMessageIds} gave
   * @return false if the graph has no such twin (nothing is remembered)
   */
  public boolean restoreRecentMessageIds(RecentMessageIds ids) {
    return core.restoreRecentMessageIds(Objects.requireNonNull(ids, "ids"));
  }

  /**
   * Remembers a message's id as its ingest would, without applying the message (for a durable
   * store replaying a journal record whose values a snapshot already holds).
   *
   * @param message the message
   * @return false if the message has no id or the graph has no such twin
   */
  public boolean rememberMessageId(TelemetryMessage message) {
    return core.rememberMessageId(Objects.requireNonNull(message, "message"));
  }

  /** @return the rules that derive properties from telemetry and along relationships */
  public Rules rules() {
    return core.rules();
  }

  /**
   * Propagates, in the calling thread, every change made through the graph API that rules read,
   * and waits for propagation running on the executor. Ingest calls need no settling: they return
   * after their derived values are written. Writes made with the graph's own API are propagated on
   * the propagation executor; call this to see their effects at once (in tests, before a query).
   */
  public void settle() {
    core.settle();
  }

  /**
   * Subscribes to accepted messages. The listener runs in the ingesting thread after the message
   * is applied, in order per twin; it must be quick. A journal records telemetry here; a listener
   * that throws is counted in its subscription and never breaks ingest.
   *
   * @param filter which messages to deliver
   * @param listener the listener
   * @return the subscription
   */
  public Subscription subscribe(Predicate<? super TelemetryMessage> filter, Consumer<? super TelemetryMessage> listener) {
    return core.subscribe(Objects.requireNonNull(filter, "filter"), Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Tells a listener when a numeric telemetry of the twins of a model goes above a threshold and
   * when it comes back to it or below ("notify when a reactor's temperature goes above 180 and when
   * it comes back"). The newest reading by source time counts; late readings do not. A twin whose
   * newest reading is above the threshold when the watch starts is taken as already above.
   *
   * @param model the model DTMI; twins of models extending it are watched too
   * @param telemetry the Telemetry name or {@code component/name}
   * @param threshold the threshold
   * @param listener told of each crossing, in the ingesting thread
   * @return the subscription
   * @throws TelemetryException if the model is not in the graph's models
   */
  public Subscription onThreshold(String model, String telemetry, double threshold,
      Consumer<? super ThresholdCrossing> listener) {
    Dtmi id = Dtmi.isValid(model) ? Dtmi.of(model) : null;
    if (id == null || core.models().get(id).isEmpty()) {
      throw new TelemetryException("onThreshold: model " + model + " is not in the graph's models");
    }
    return core.watch(id, null, Objects.requireNonNull(telemetry, "telemetry"), threshold,
        Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Like {@link #onThreshold(String, String, double, Consumer)} for one twin.
   *
   * @param twinId the twin
   * @param telemetry the Telemetry name
   * @param threshold the threshold
   * @param listener told of each crossing
   * @return the subscription
   */
  public Subscription onTwinThreshold(String twinId, String telemetry, double threshold,
      Consumer<? super ThresholdCrossing> listener) {
    return core.watch(null, Objects.requireNonNull(twinId, "twinId"), Objects.requireNonNull(telemetry, "telemetry"),
        threshold, Objects.requireNonNull(listener, "listener"));
  }

  /** Stops following the graph and ends the propagation thread; the readings stay readable. */
  @Override
  public void close() {
    core.close();
  }

  /** Renders the counts, e.g. {@code TelemetryHub[twins=2, accepted=10, late=1, duplicates=0, rejected=1, rules=2]}. */
  @Override
  public String toString() {
    IngestCounts c = core.counts();
    return "TelemetryHub[twins=" + core.twinsWithTelemetry() + ", accepted=" + c.accepted() + ", late=" + c.late()
        + ", duplicates=" + c.duplicates() + ", rejected=" + c.rejected() + ", rules=" + core.rules().list().size() + "]";
  }

  /** Settings of a hub; each is checked as it is set. */
  public static final class Builder {
    private final Twins twins;
    private Duration duplicateWindow = Duration.ofHours(1);
    private int duplicateCapacity = 10_000;
    private int deadLetterCapacity = 1_000;
    private ZoneId localZone;
    private Executor propagation;
    private boolean series = true;
    private Retention defaultRetention = Retention.UNBOUNDED;
    private final List<HubCore.RetentionRule> retentions = new ArrayList<>();
    private IngestHook ingestHook;

    private Builder(Twins twins) {
      this.twins = Objects.requireNonNull(twins, "twins");
    }

    /**
     * How far back in source time a twin remembers message ids to drop duplicates (default 1 hour).
     *
     * @param window the window, zero or positive, at most 100 years
     * @return this builder
     * @throws IllegalArgumentException if negative or too long
     */
    public Builder duplicateWindow(Duration window) {
      if (window.isNegative() || window.compareTo(Duration.ofDays(36_500)) > 0) {
        throw new IllegalArgumentException("duplicateWindow must be between 0 and 100 years, got " + window);
      }
      this.duplicateWindow = window;
      return this;
    }

    /**
     * How many message ids a twin remembers at most (default 10,000); older ones are forgotten first.
     *
     * @param capacity at least 1
     * @return this builder
     * @throws IllegalArgumentException if below 1
     */
    public Builder duplicateCapacity(int capacity) {
      if (capacity < 1) throw new IllegalArgumentException("duplicateCapacity must be at least 1, got " + capacity);
      this.duplicateCapacity = capacity;
      return this;
    }

    /**
     * How many rejected messages are kept (default 1,000); the oldest is forgotten first.
     *
     * @param capacity zero or more
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder deadLetterCapacity(int capacity) {
      if (capacity < 0) throw new IllegalArgumentException("deadLetterCapacity must not be negative, got " + capacity);
      this.deadLetterCapacity = capacity;
      return this;
    }

    /**
     * The zone of source times written without an offset in NDJSON and CSV (such as
     * {@code 2015-02-04 17:51:00}); without one they are rejected.
     *
     * @param zone the zone
     * @return this builder
     */
    public Builder localTimeZone(ZoneId zone) {
      this.localZone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /**
     * Where changes made through the graph API are propagated to derived properties (default: a
     * thread of the hub's own, started when there is work and ended when idle).
     *
     * @param executor the executor
     * @return this builder
     */
    public Builder propagationExecutor(Executor executor) {
      this.propagation = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Whether readings are kept in series (default on). Off, the hub keeps only the newest reading
     * of each telemetry.
     *
     * @param on whether to keep series
     * @return this builder
     */
    public Builder series(boolean on) {
      this.series = on;
      return this;
    }

    /**
     * The retention of every series no other retention setting matches (default: keep everything).
     *
     * @param retention the retention
     * @return this builder
     */
    public Builder retention(Retention retention) {
      this.defaultRetention = Objects.requireNonNull(retention, "retention");
      return this;
    }

    /**
     * The retention of the series of the twins of a model (and of the models extending it).
     * Settings are tried in the order they are made; the first that matches wins.
     *
     * @param model the model DTMI
     * @param retention the retention
     * @return this builder
     * @throws IllegalArgumentException if the model is not in the graph's models
     */
    public Builder retention(String model, Retention retention) {
      retentions.add(new HubCore.RetentionRule(model(model), null, Objects.requireNonNull(retention, "retention")));
      return this;
    }

    /**
     * The retention of one telemetry of the twins of a model (and of the models extending it).
     * Settings are tried in the order they are made; the first that matches wins.
     *
     * @param model the model DTMI
     * @param telemetry the Telemetry name ({@code component/name} for a component's)
     * @param retention the retention
     * @return this builder
     * @throws IllegalArgumentException if the model is not in the graph's models
     */
    public Builder retention(String model, String telemetry, Retention retention) {
      retentions.add(new HubCore.RetentionRule(model(model), Objects.requireNonNull(telemetry, "telemetry"),
          Objects.requireNonNull(retention, "retention")));
      return this;
    }

    /**
     * The retention of every telemetry of a name, whatever the model.
     * Settings are tried in the order they are made; the first that matches wins.
     *
     * @param telemetry the Telemetry name ({@code component/name} for a component's)
     * @param retention the retention
     * @return this builder
     */
    public Builder retentionOfTelemetry(String telemetry, Retention retention) {
      retentions.add(new HubCore.RetentionRule(null, Objects.requireNonNull(telemetry, "telemetry"),
          Objects.requireNonNull(retention, "retention")));
      return this;
    }

    private Dtmi model(String model) {
      Objects.requireNonNull(model, "model");
      if (!Dtmi.isValid(model) || twins.models().get(Dtmi.of(model)).isEmpty()) {
        throw new IllegalArgumentException("retention: model " + model + " is not in the graph's models");
      }
      return Dtmi.of(model);
    }

    /**
     * Sets the hook told of every message before it is applied (see {@link IngestHook}): where a
     * durable store journals telemetry and fails the ingest calls it cannot make durable.
     *
     * @param hook the hook
     * @return this builder
     */
    public Builder ingestHook(IngestHook hook) {
      this.ingestHook = Objects.requireNonNull(hook, "hook");
      return this;
    }

    /** @return the hub, attached to the graph */
    public TelemetryHub build() {
      HubCore core = new HubCore(twins, new HubCore.Settings(duplicateWindow.toMillis(),
          duplicateCapacity, deadLetterCapacity, localZone, propagation, series, List.copyOf(retentions),
          defaultRetention));
      if (ingestHook != null) core.ingestHook(ingestHook);
      return new TelemetryHub(twins, core);
    }
  }
}
