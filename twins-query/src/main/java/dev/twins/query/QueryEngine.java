package dev.twins.query;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.twins.core.graph.Twins;
import dev.twins.core.history.PropertyHistory;
import dev.twins.core.model.Models;
import dev.twins.core.series.SeriesStore;
import dev.twins.query.internal.Compiler;
import dev.twins.query.internal.Executor;
import dev.twins.query.internal.Functions;
import dev.twins.query.internal.HistoryFunctions;
import dev.twins.query.internal.Plan;
import dev.twins.query.internal.Run;
import dev.twins.query.internal.SeriesFunctions;
import dev.twins.query.internal.Values;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Runs queries over one twin graph: parses (or takes a {@link Query}), validates against the
 * graph's models, plans, executes under {@link QueryLimits}, and caches compiled plans by query
 * text. Thread-safe; reads the live graph, so a query after a write sees it.
 *
 * <pre>{@code
 * QueryEngine engine = QueryEngine.of(twins);
 * QueryResult hot = engine.query("SELECT R.$dtId, R.temperature FROM DIGITALTWINS R WHERE R.temperature > @t",
 *     Map.of("t", 25));
 * }</pre>
 */
public final class QueryEngine {
  private final Twins twins;
  private final QueryLimits limits;
  private final boolean strict;
  private final Clock clock;
  private final Functions functions;
  private final Cache<String, Compiled> cache;

  private static final class Compiled {
    final Plan plan;
    final Models models;

    Compiled(Plan plan, Models models) {
      this.plan = plan;
      this.models = models;
    }
  }

  private QueryEngine(Builder b) {
    this.twins = b.twins;
    this.limits = b.limits;
    this.strict = b.strict;
    this.clock = b.clock;
    Map<String, Functions.Function> table = new HashMap<>(b.functions);
    b.series.ifPresent(store -> {
      Map<String, Functions.Function> series = new HashMap<>();
      SeriesFunctions.register(series, store);
      for (String name : series.keySet()) {
        if (table.containsKey(name)) throw new IllegalArgumentException("function " + name + " is a series function");
      }
      table.putAll(series);
    });
    b.history.ifPresent(history -> {
      if (table.containsKey(HistoryFunctions.PROPERTY_AT)) {
        throw new IllegalArgumentException("function " + HistoryFunctions.PROPERTY_AT + " is the property history function");
      }
      HistoryFunctions.register(table, history);
    });
    this.functions = new Functions(table, b.history);
    this.cache = Caffeine.newBuilder().maximumSize(b.cacheSize).build();
  }

  /**
   * Creates an engine with the default settings: strict validation, {@link QueryLimits#defaults()},
   * a cache of 1,000 plans.
   *
   * @param twins the graph
   * @return the engine
   */
  public static QueryEngine of(Twins twins) {
    return builder(twins).build();
  }

  /**
   * Starts configuring an engine.
   *
   * @param twins the graph
   * @return the builder
   */
  public static Builder builder(Twins twins) {
    return new Builder(twins);
  }

  /** @return the graph it queries */
  public Twins twins() {
    return twins;
  }

  /** @return the limits every query runs under */
  public QueryLimits limits() {
    return limits;
  }

  /**
   * Runs a query given as text.
   *
   * @param text the query
   * @return the rows
   * @throws QuerySyntaxException if the text does not parse
   * @throws QueryException if the query names something the models lack, or misuses a clause
   * @throws QueryLimitException if it exceeds a limit
   */
  public QueryResult query(String text) {
    return query(text, Map.of());
  }

  /**
   * Runs a query given as text with parameters ({@code @name} in the text).
   *
   * @param text the query
   * @param params the values by parameter name (without {@code @}): strings, numbers, booleans,
   *     {@code Instant}s, {@code Duration}s, {@code JsonNode}s, collections (for {@code IN @ids}), null
   * @return the rows
   * @throws QuerySyntaxException if the text does not parse
   * @throws QueryException if the query is invalid or a parameter is missing, unused or of an unusable type
   * @throws QueryLimitException if it exceeds a limit
   */
  public QueryResult query(String text, Map<String, ?> params) {
    Objects.requireNonNull(text, "text");
    return run(compiled(text, null), params);
  }

  /**
   * Runs a parsed or DSL-built query.
   *
   * @param query the query
   * @return the rows
   * @throws QueryException if the query is invalid
   * @throws QueryLimitException if it exceeds a limit
   */
  public QueryResult query(Query query) {
    return query(query, Map.of());
  }

  /**
   * Runs a parsed or DSL-built query with parameters.
   *
   * @param query the query
   * @param params the values by parameter name
   * @return the rows
   * @throws QueryException if the query is invalid or a parameter is missing or unused
   * @throws QueryLimitException if it exceeds a limit
   */
  public QueryResult query(Query query, Map<String, ?> params) {
    Objects.requireNonNull(query, "query");
    return run(compiled(query.source(), query), params);
  }

  /**
   * Runs a query and hands each row to an action as it is found, without holding the result: for
   * large results. A query that sorts or groups is complete before its first row; the others
   * stream, and are then not bound by {@link QueryLimits#maxRows()} (the other limits apply).
   *
   * <pre>{@code
   * long n = engine.forEach("SELECT S.$dtId FROM DIGITALTWINS S WHERE S.value > 30", Map.of(), row -> send(row));
   * }</pre>
   *
   * @param text the query
   * @param params the values by parameter name
   * @param action what to do with each row, in the calling thread
   * @return the number of rows
   * @throws QuerySyntaxException if the text does not parse
   * @throws QueryException if the query is invalid or a parameter is missing or unused
   * @throws QueryLimitException if it exceeds a limit
   */
  public long forEach(String text, Map<String, ?> params, java.util.function.Consumer<? super QueryRow> action) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(action, "action");
    Compiled c = compiled(text, null);
    Run run = new Run(twins, bind(c, params), clock.instant(), limits);
    long[] n = {0};
    Executor.execute(c.plan, run, o -> {
      n[0]++;
      action.accept(row(c.plan, o));
    });
    return n[0];
  }

  /**
   * Describes how a query would run: the indexes and adjacency it uses, the traversal order, the
   * filters and the estimated rows of each step.
   *
   * @param text the query, with or without {@code EXPLAIN}
   * @return the plan, one step per line
   * @throws QuerySyntaxException if the text does not parse
   * @throws QueryException if the query is invalid
   */
  public String explain(String text) {
    Plan plan = compiled(text, null).plan;
    Run run = new Run(twins, Map.of(), clock.instant(), limits);
    return String.join("\n", Executor.explain(plan, run));
  }

  private Compiled compiled(String text, Query parsed) {
    Models models = twins.models();
    Compiled c = cache.getIfPresent(text);
    if (c != null && c.models == models && (parsed == null || c.plan.ast().equals(parsed.ast()))) return c;
    Query q = parsed != null ? parsed : Query.parse(text);
    Plan plan = Compiler.compile(twins, q.ast(), q.hasSource() ? q.source() : null, q.offsets(), strict, functions);
    c = new Compiled(plan, models);
    cache.put(text, c);
    return c;
  }

  private QueryResult run(Compiled c, Map<String, ?> params) {
    Run run = new Run(twins, bind(c, params), clock.instant(), limits);
    List<Object> rows = Executor.execute(c.plan, run);
    List<QueryRow> out = new ArrayList<>(rows.size());
    for (Object o : rows) out.add(row(c.plan, o));
    return new QueryResult(out);
  }

  private static QueryRow row(Plan plan, Object o) {
    return o instanceof Object[] ? new QueryRow(plan.rowNames(), (Object[]) o) : new QueryRow(o);
  }

  private Map<String, Object> bind(Compiled c, Map<String, ?> params) {
    Objects.requireNonNull(params, "params");
    Map<String, Object> values = new HashMap<>();
    for (String name : c.plan.params()) {
      if (!params.containsKey(name)) {
        throw new QueryException("no value for parameter @" + name + "; pass it in the parameter map");
      }
      try {
        values.put(name, Values.ofJava(params.get(name)));
      } catch (IllegalArgumentException e) {
        throw new QueryException("parameter @" + name + ": " + e.getMessage());
      }
    }
    if (values.size() != params.size()) {
      TreeSet<String> unused = new TreeSet<>(params.keySet());
      unused.removeAll(c.plan.params());
      throw new QueryException("the query has no parameter " + unused.first() + (c.plan.params().isEmpty()
          ? "; it takes none" : "; it takes @" + String.join(", @", c.plan.params())));
    }
    return values;
  }

  /** Renders the graph's size and the number of cached plans. */
  @Override
  public String toString() {
    return "QueryEngine[twins=" + twins.twinCount() + ", cachedPlans=" + cache.estimatedSize() + "]";
  }

  /** Configures a {@link QueryEngine}; each setting is checked as it is made. */
  public static final class Builder {
    private final Twins twins;
    private QueryLimits limits = QueryLimits.defaults();
    private boolean strict = true;
    private long cacheSize = 1000;
    private Clock clock = Clock.systemUTC();
    private final Map<String, Functions.Function> functions = new HashMap<>();
    private Optional<SeriesStore> series = Optional.empty();
    private Optional<PropertyHistory> history = Optional.empty();

    private Builder(Twins twins) {
      this.twins = Objects.requireNonNull(twins, "twins");
    }

    /**
     * @param limits the limits every query runs under
     * @return this builder
     */
    public Builder limits(QueryLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * Chooses whether a name the models do not have (property, relationship, model) is an error
     * with a suggestion (the default), or matches nothing as in Azure Digital Twins.
     *
     * @param strict whether to reject unknown names
     * @return this builder
     */
    public Builder strict(boolean strict) {
      this.strict = strict;
      return this;
    }

    /**
     * @param plans how many compiled plans to keep, 0 for none
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder cacheSize(long plans) {
      if (plans < 0) throw new IllegalArgumentException("cacheSize must not be negative: " + plans);
      this.cacheSize = plans;
      return this;
    }

    /**
     * @param clock the clock {@code NOW()} reads
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Registers a function callable in queries; names are case-insensitive.
     *
     * @param name the name: letters, digits and underscores, not a built-in function
     * @param minArgs the fewest arguments
     * @param maxArgs the most arguments
     * @param function what it computes
     * @return this builder
     * @throws IllegalArgumentException if the name is not a plain name or is taken, or the counts are wrong
     */
    public Builder function(String name, int minArgs, int maxArgs, QueryFunction function) {
      Objects.requireNonNull(function, "function");
      if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) throw new IllegalArgumentException("not a function name: " + name);
      String upper = name.toUpperCase(Locale.ROOT);
      if (functions.containsKey(upper)) throw new IllegalArgumentException("function " + upper + " is registered twice");
      if (minArgs < 0 || maxArgs < minArgs) {
        throw new IllegalArgumentException("bad argument counts " + minArgs + ".." + maxArgs + " for " + upper);
      }
      functions.put(upper, new Functions.Function(upper, minArgs, maxArgs, (args, run) -> {
        List<JsonNode> json = new ArrayList<>(args.length);
        for (Object a : args) json.add(a == Values.UNDEFINED ? MissingNode.getInstance() : Values.toJson(a));
        Optional<JsonNode> r = function.apply(json);
        return r.isPresent() ? Values.of(r.get()) : Values.UNDEFINED;
      }));
      return this;
    }

    /**
     * Makes the telemetry history of a series store queryable with the series functions, on any
     * twin alias: {@code SERIES_LAST(t, 'temperature')}, {@code SERIES_MEAN(t, 'temperature', 'PT1H')},
     * {@code SERIES_TWMEAN(r, 'occupied', 'P7D')}, {@code SERIES_RUN(t, 'temperature', 'ABOVE', 30)},
     * {@code SERIES_TIME_TO(p, 'vibration', 7.1, 'P7D')}, {@code SERIES_ZSCORE}, {@code SERIES_AGE},
     * {@code SERIES_VALUE_AT(t, 'temperature', '2026-01-01T00:00:00Z')}, and more (see the README).
     * Windows are ISO-8601 durations ending at {@code NOW()}.
     *
     * @param store the series
     * @return this builder
     */
    public Builder series(SeriesStore store) {
      this.series = Optional.of(Objects.requireNonNull(store, "store"));
      return this;
    }

    /**
     * Makes the property history of the graph queryable: {@code PROPERTY_AT(R.temperature, time)} is
     * the value {@code R.temperature} had at {@code time} (an ISO-8601 instant, or {@code NOW() - 'P1D'}),
     * with no value when the property was absent then or the history does not reach back that far.
     * Usable wherever an expression is (SELECT, WHERE, ORDER BY, GROUP BY); a query naming a property the
     * history does not track is an error.
     *
     * @param history the history, attached to the same graph
     * @return this builder
     */
    public Builder history(PropertyHistory history) {
      this.history = Optional.of(Objects.requireNonNull(history, "history"));
      return this;
    }

    /** @return the engine */
    public QueryEngine build() {
      return new QueryEngine(this);
    }
  }
}
