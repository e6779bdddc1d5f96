package dev.twins.query;

import dev.twins.query.internal.Ast;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Java DSL: builds the same {@link Query} as the text language, with typed steps in clause
 * order. Import it statically.
 *
 * <pre>{@code
 * import static dev.twins.query.Queries.*;
 *
 * TwinAlias f = twin("F"), r = twin("R");
 * PropertyKey<Double> TEMPERATURE = PropertyKey.doubles("temperature");
 * Query q = select(f.id().as("floor"), avg(r.get(TEMPERATURE)).as("t"))
 *     .match(pattern(f).out("hasRoom").to(r))
 *     .where(f.isOfModel("dtmi:twins:demo:Floor;1"))
 *     .groupBy(f.id())
 *     .orderBy(desc("t"))
 *     .build();
 * q.toString();  // SELECT F.$dtId AS floor, AVG(R.temperature) AS t FROM DIGITALTWINS MATCH (F)-[:hasRoom]->(R) ...
 * }</pre>
 *
 * <p>The steps are not meant to be stored in variables: each returns a new step.
 */
public final class Queries {
  private Queries() {}

  /**
   * @param alias the alias
   * @return a twin alias
   */
  public static TwinAlias twin(String alias) {
    return new TwinAlias(alias);
  }

  /**
   * @param alias the alias
   * @return a relationship alias
   */
  public static RelationshipAlias relationship(String alias) {
    return new RelationshipAlias(alias);
  }

  /**
   * @param start the first node
   * @return a pattern starting at it
   */
  public static MatchPattern pattern(TwinAlias start) {
    return new MatchPattern(List.of(start.name), List.of());
  }

  /**
   * @param name the parameter name, bound at execution
   * @param <T> the type of its value
   * @return {@code @name}
   */
  public static <T> Operand<T> param(String name) {
    return new Operand<>(new Ast.Param(name));
  }

  /**
   * @param value a literal: string, number, boolean
   * @param <T> its type
   * @return the literal as an operand
   */
  public static <T> Operand<T> value(T value) {
    return new Operand<>(Operand.literal(value));
  }

  /** @return {@code NOW()} */
  public static Operand<java.time.Instant> now() {
    return new Operand<>(new Ast.Call("NOW", List.of()));
  }

  /** @return {@code COUNT()} */
  public static Operand<Long> count() {
    return new Operand<>(new Ast.Call("COUNT", List.of()));
  }

  /**
   * @param x a value
   * @return {@code COUNT(x)}: the rows where it is defined and not null
   */
  public static Operand<Long> count(Operand<?> x) {
    return new Operand<>(new Ast.Call("COUNT", List.of(x.expr)));
  }

  /**
   * @param x a number
   * @return {@code SUM(x)}
   */
  public static Operand<Double> sum(Operand<? extends Number> x) {
    return new Operand<>(new Ast.Call("SUM", List.of(x.expr)));
  }

  /**
   * @param x a number
   * @return {@code AVG(x)}
   */
  public static Operand<Double> avg(Operand<? extends Number> x) {
    return new Operand<>(new Ast.Call("AVG", List.of(x.expr)));
  }

  /**
   * @param x a value
   * @param <T> its type
   * @return {@code MIN(x)}
   */
  public static <T> Operand<T> min(Operand<T> x) {
    return new Operand<>(new Ast.Call("MIN", List.of(x.expr)));
  }

  /**
   * @param x a value
   * @param <T> its type
   * @return {@code MAX(x)}
   */
  public static <T> Operand<T> max(Operand<T> x) {
    return new Operand<>(new Ast.Call("MAX", List.of(x.expr)));
  }

  /**
   * @param p a pattern
   * @return {@code EXISTS pattern}
   */
  public static Criterion exists(MatchPattern p) {
    return new Criterion(new Ast.Exists(p.ast()));
  }

  /**
   * @param column a column name given with {@code as}
   * @return an ascending sort key on that column
   */
  public static SortKey asc(String column) {
    return new SortKey(new Ast.Order(new Ast.PathExpr(List.of(column)), false));
  }

  /**
   * @param column a column name given with {@code as}
   * @return a descending sort key on that column
   */
  public static SortKey desc(String column) {
    return new SortKey(new Ast.Order(new Ast.PathExpr(List.of(column)), true));
  }

  /**
   * {@code SELECT items}.
   *
   * @param items aliases, operands, aggregates, named columns
   * @return the next step
   */
  public static SelectStep select(Selectable... items) {
    if (items.length == 0) throw new IllegalArgumentException("select needs an item; use selectAll() for *");
    List<Ast.Projection> p = new ArrayList<>();
    for (Selectable s : items) p.add(projection(s));
    return new SelectStep(false, Optional.empty(), p);
  }

  private static Ast.Projection projection(Selectable s) {
    if (s instanceof TwinAlias) return ((TwinAlias) s).projection();
    if (s instanceof RelationshipAlias) return ((RelationshipAlias) s).projection();
    if (s instanceof Operand) return ((Operand<?>) s).projection();
    if (s instanceof Criterion) return ((Criterion) s).projection();
    return ((Operand.Projected) s).projection();
  }

  /** @return {@code SELECT *} */
  public static SelectStep selectAll() {
    return new SelectStep(false, Optional.empty(), List.of());
  }

  /** @return {@code SELECT COUNT()} */
  public static SelectStep selectCount() {
    return select(count());
  }

  /**
   * {@code SELECT DISTINCT items}.
   *
   * @param items what to select
   * @return the next step
   */
  public static SelectStep selectDistinct(Selectable... items) {
    SelectStep s = select(items);
    return new SelectStep(true, Optional.empty(), s.projections);
  }

  /** After SELECT: the source. */
  public static final class SelectStep {
    final boolean distinct;
    final Optional<Ast.Expr> top;
    final List<Ast.Projection> projections;

    SelectStep(boolean distinct, Optional<Ast.Expr> top, List<Ast.Projection> projections) {
      this.distinct = distinct;
      this.top = top;
      this.projections = projections;
    }

    /**
     * @param n how many rows
     * @return {@code SELECT TOP(n) ...}
     */
    public SelectStep top(long n) {
      return new SelectStep(distinct, Optional.of(new Ast.Literal(n)), projections);
    }

    /**
     * @param t the alias of the twins
     * @return {@code FROM DIGITALTWINS t}
     */
    public FromStep from(TwinAlias t) {
      return new FromStep(this, new Ast.TwinsSource(Optional.of(t.name), List.of()));
    }

    /** @return {@code FROM DIGITALTWINS} without an alias */
    public FromStep fromTwins() {
      return new FromStep(this, new Ast.TwinsSource(Optional.empty(), List.of()));
    }

    /**
     * @param r the alias of the relationships
     * @return {@code FROM RELATIONSHIPS r}
     */
    public WhereStep fromRelationships(RelationshipAlias r) {
      return new WhereStep(this, new Ast.RelationshipsSource(Optional.of(r.name)));
    }

    /**
     * @param patterns one or more patterns
     * @return {@code FROM DIGITALTWINS MATCH patterns}
     */
    public MatchStep match(MatchPattern... patterns) {
      List<Ast.Pattern> p = new ArrayList<>();
      for (MatchPattern m : patterns) p.add(m.ast());
      return new MatchStep(this, List.of(new Ast.MatchClause(false, p)));
    }
  }

  /** After {@code FROM DIGITALTWINS t}: joins, then WHERE and the rest. */
  public static final class FromStep extends WhereStep {
    FromStep(SelectStep select, Ast.TwinsSource source) {
      super(select, source);
    }

    private FromStep join(boolean optional, TwinAlias target, TwinAlias source, String relationship, RelationshipAlias r) {
      Ast.TwinsSource s = (Ast.TwinsSource) this.source;
      List<Ast.Join> joins = new ArrayList<>(s.joins());
      joins.add(new Ast.Join(optional, target.name, source.name, relationship,
          r == null ? Optional.empty() : Optional.of(r.name)));
      return new FromStep(select, new Ast.TwinsSource(s.alias(), joins));
    }

    /**
     * @param target the alias of the related twins
     * @param source the alias the relationships leave
     * @param relationship the relationship name
     * @return {@code JOIN target RELATED source.relationship}
     */
    public FromStep join(TwinAlias target, TwinAlias source, String relationship) {
      return join(false, target, source, relationship, null);
    }

    /**
     * @param target the alias of the related twins
     * @param source the alias the relationships leave
     * @param relationship the relationship name
     * @param r the alias of the relationship
     * @return {@code JOIN target RELATED source.relationship r}
     */
    public FromStep join(TwinAlias target, TwinAlias source, String relationship, RelationshipAlias r) {
      return join(false, target, source, relationship, r);
    }

    /**
     * @param target the alias of the related twins, unbound when there is none
     * @param source the alias the relationships leave
     * @param relationship the relationship name
     * @return {@code OPTIONAL JOIN target RELATED source.relationship}
     */
    public FromStep optionalJoin(TwinAlias target, TwinAlias source, String relationship) {
      return join(true, target, source, relationship, null);
    }
  }

  /** After {@code MATCH}: more optional patterns, then WHERE and the rest. */
  public static final class MatchStep extends WhereStep {
    MatchStep(SelectStep select, List<Ast.MatchClause> clauses) {
      super(select, new Ast.MatchSource(clauses));
    }

    /**
     * @param patterns patterns whose matches are optional
     * @return {@code OPTIONAL MATCH patterns}
     */
    public MatchStep optionalMatch(MatchPattern... patterns) {
      List<Ast.Pattern> p = new ArrayList<>();
      for (MatchPattern m : patterns) p.add(m.ast());
      List<Ast.MatchClause> clauses = new ArrayList<>(((Ast.MatchSource) source).clauses());
      clauses.add(new Ast.MatchClause(true, p));
      return new MatchStep(select, clauses);
    }
  }

  /** After the source: WHERE. */
  public static class WhereStep extends GroupStep {
    WhereStep(SelectStep select, Ast.Source source) {
      super(select, source, Optional.empty());
    }

    /**
     * @param condition the condition
     * @return {@code WHERE condition}
     */
    public GroupStep where(Criterion condition) {
      return new GroupStep(select, source, Optional.of(condition.expr));
    }
  }

  /** After WHERE: GROUP BY. */
  public static class GroupStep extends OrderStep {
    GroupStep(SelectStep select, Ast.Source source, Optional<Ast.Expr> where) {
      super(select, source, where, List.of());
    }

    /**
     * @param keys the grouping keys
     * @return {@code GROUP BY keys}
     */
    public OrderStep groupBy(Operand<?>... keys) {
      List<Ast.Expr> k = new ArrayList<>();
      for (Operand<?> o : keys) k.add(o.expr);
      return new OrderStep(select, source, where, k);
    }
  }

  /** After GROUP BY: ORDER BY. */
  public static class OrderStep extends LimitStep {
    OrderStep(SelectStep select, Ast.Source source, Optional<Ast.Expr> where, List<Ast.Expr> groupBy) {
      super(select, source, where, groupBy, List.of(), Optional.empty(), Optional.empty());
    }

    /**
     * @param keys the sort keys
     * @return {@code ORDER BY keys}
     */
    public LimitStep orderBy(SortKey... keys) {
      List<Ast.Order> o = new ArrayList<>();
      for (SortKey k : keys) o.add(k.order);
      return new LimitStep(select, source, where, groupBy, o, Optional.empty(), Optional.empty());
    }
  }

  /** After ORDER BY: LIMIT and OFFSET, then {@link #build()}. */
  public static class LimitStep {
    final SelectStep select;
    final Ast.Source source;
    final Optional<Ast.Expr> where;
    final List<Ast.Expr> groupBy;
    final List<Ast.Order> orderBy;
    final Optional<Ast.Expr> limit;
    final Optional<Ast.Expr> offset;

    LimitStep(SelectStep select, Ast.Source source, Optional<Ast.Expr> where, List<Ast.Expr> groupBy,
        List<Ast.Order> orderBy, Optional<Ast.Expr> limit, Optional<Ast.Expr> offset) {
      this.select = select;
      this.source = source;
      this.where = where;
      this.groupBy = groupBy;
      this.orderBy = orderBy;
      this.limit = limit;
      this.offset = offset;
    }

    /**
     * @param n the most rows
     * @return {@code LIMIT n}
     */
    public LimitStep limit(long n) {
      return new LimitStep(select, source, where, groupBy, orderBy, Optional.of(new Ast.Literal(n)), offset);
    }

    /**
     * @param n the rows to skip
     * @return {@code OFFSET n}
     */
    public LimitStep offset(long n) {
      return new LimitStep(select, source, where, groupBy, orderBy, limit, Optional.of(new Ast.Literal(n)));
    }

    /** @return the query */
    public Query build() {
      return new Query(new Ast.Select(false, select.distinct, select.top, select.projections.isEmpty(),
          select.projections, source, where, groupBy, orderBy, limit, offset), null, Map.of());
    }

    /** Renders the query built so far as text. */
    @Override
    public String toString() {
      return build().toString();
    }
  }
}
