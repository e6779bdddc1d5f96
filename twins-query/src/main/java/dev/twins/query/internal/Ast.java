package dev.twins.query.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The syntax tree of a query: immutable records, built by the {@link Parser} and by the Java DSL,
 * printed back to canonical text by {@link Printer}. Two queries with the same meaning as text
 * (case of keywords, spacing, redundant parentheses, {@code <>} for {@code !=}) have equal trees.
 */
public final class Ast {
  private Ast() {}

  /**
   * A whole query.
   *
   * @param explain whether it asks for the plan ({@code EXPLAIN})
   * @param distinct whether rows are made distinct
   * @param top the {@code TOP(n)} count, if given
   * @param star whether it selects {@code *}
   * @param projections what it selects, empty with {@code star}
   * @param from the source
   * @param where the condition, if any
   * @param groupBy the grouping keys
   * @param orderBy the sort keys
   * @param limit the {@code LIMIT}, if any
   * @param offset the {@code OFFSET}, if any
   */
  public record Select(boolean explain, boolean distinct, Optional<Expr> top, boolean star,
      List<Projection> projections, Source from, Optional<Expr> where, List<Expr> groupBy, List<Order> orderBy,
      Optional<Expr> limit, Optional<Expr> offset) {
    /** Copies the lists and checks that there is something to select. */
    public Select {
      Objects.requireNonNull(top, "top");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(where, "where");
      Objects.requireNonNull(limit, "limit");
      Objects.requireNonNull(offset, "offset");
      projections = List.copyOf(projections);
      groupBy = List.copyOf(groupBy);
      orderBy = List.copyOf(orderBy);
      if (star != projections.isEmpty()) {
        throw new IllegalArgumentException("a query selects either * or at least one projection");
      }
    }
  }

  /**
   * One selected item.
   *
   * @param expr what is selected
   * @param as the name given with {@code AS}, if any
   */
  public record Projection(Expr expr, Optional<String> as) {
    /** Checks for nulls. */
    public Projection {
      Objects.requireNonNull(expr, "expr");
      Objects.requireNonNull(as, "as");
    }
  }

  /**
   * One sort key.
   *
   * @param expr the key
   * @param descending whether it sorts high to low
   */
  public record Order(Expr expr, boolean descending) {
    /** Checks for nulls. */
    public Order {
      Objects.requireNonNull(expr, "expr");
    }
  }

  /** What a query reads: twins (with joins), a MATCH over twins, or relationships. */
  public sealed interface Source permits TwinsSource, MatchSource, RelationshipsSource {}

  /**
   * {@code FROM DIGITALTWINS [alias] [JOIN ...]*}.
   *
   * @param alias the alias, if given
   * @param joins the joins in order
   */
  public record TwinsSource(Optional<String> alias, List<Join> joins) implements Source {
    /** Copies the joins. */
    public TwinsSource {
      Objects.requireNonNull(alias, "alias");
      joins = List.copyOf(joins);
    }
  }

  /**
   * {@code FROM RELATIONSHIPS [alias]}.
   *
   * @param alias the alias, if given
   */
  public record RelationshipsSource(Optional<String> alias) implements Source {
    /** Checks for nulls. */
    public RelationshipsSource {
      Objects.requireNonNull(alias, "alias");
    }
  }

  /**
   * {@code FROM DIGITALTWINS MATCH ...}: one or more MATCH clauses, each with one or more patterns.
   *
   * @param clauses the clauses; the first is not optional
   */
  public record MatchSource(List<MatchClause> clauses) implements Source {
    /** Copies the clauses. */
    public MatchSource {
      clauses = List.copyOf(clauses);
      if (clauses.isEmpty() || clauses.get(0).optional()) {
        throw new IllegalArgumentException("the first MATCH clause must be present and not OPTIONAL");
      }
    }
  }

  /**
   * {@code [OPTIONAL] MATCH pattern (, pattern)*}.
   *
   * @param optional whether rows without a match are kept
   * @param patterns the patterns
   */
  public record MatchClause(boolean optional, List<Pattern> patterns) {
    /** Copies the patterns. */
    public MatchClause {
      patterns = List.copyOf(patterns);
      if (patterns.isEmpty()) throw new IllegalArgumentException("a MATCH clause needs a pattern");
    }
  }

  /**
   * {@code [OPTIONAL] JOIN target RELATED source.relationship [relAlias]}.
   *
   * @param optional whether rows without such a relationship are kept (outer join)
   * @param target the alias of the related twin
   * @param source the alias of the twin the relationships leave
   * @param relationship the relationship name
   * @param relAlias the alias of the relationship, if given
   */
  public record Join(boolean optional, String target, String source, String relationship, Optional<String> relAlias) {
    /** Checks for nulls. */
    public Join {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(relationship, "relationship");
      Objects.requireNonNull(relAlias, "relAlias");
    }
  }

  /**
   * A chain of nodes and edges: {@code (a)-[...]->(b)<-[...]-(c)}.
   *
   * @param nodes the node aliases, one more than edges
   * @param edges the edges between consecutive nodes
   */
  public record Pattern(List<String> nodes, List<Edge> edges) {
    /** Copies the lists and checks their sizes. */
    public Pattern {
      nodes = List.copyOf(nodes);
      edges = List.copyOf(edges);
      if (nodes.size() != edges.size() + 1) {
        throw new IllegalArgumentException("a pattern has one node more than edges");
      }
    }
  }

  /** Which way an edge points, read left to right. */
  public enum Direction {
    /** {@code -[]->}. */
    RIGHT,
    /** {@code <-[]-}. */
    LEFT,
    /** {@code -[]-}. */
    ANY
  }

  /**
   * An edge of a pattern.
   *
   * @param direction its direction
   * @param variable the relationship alias, if given
   * @param names the relationship names allowed; empty for any
   * @param hops the hop count or range, if given
   */
  public record Edge(Direction direction, Optional<String> variable, List<String> names, Optional<Hops> hops) {
    /** Copies the names. */
    public Edge {
      Objects.requireNonNull(direction, "direction");
      Objects.requireNonNull(variable, "variable");
      Objects.requireNonNull(hops, "hops");
      names = List.copyOf(names);
    }
  }

  /**
   * Hops as written: {@code *3} (exact), {@code *1..3}, {@code *..2}, {@code *2..}, {@code *}.
   * ADT's documented meaning: the starting limit is not included, the ending limit is.
   *
   * @param lower the number before {@code ..} (or the exact count), if written
   * @param upper the number after {@code ..}, if written
   * @param range whether {@code ..} was written
   */
  public record Hops(Optional<Integer> lower, Optional<Integer> upper, boolean range) {
    /** Checks the combination. */
    public Hops {
      Objects.requireNonNull(lower, "lower");
      Objects.requireNonNull(upper, "upper");
      if (!range && upper.isPresent()) throw new IllegalArgumentException("an exact hop count has no upper bound");
    }

    /**
     * @param maxHops the most hops a query may take
     * @return the smallest hop count that matches
     */
    public int min(int maxHops) {
      if (!range) return lower.orElse(1);
      return lower.map(l -> l + 1).orElse(1);
    }

    /**
     * @param maxHops the most hops a query may take
     * @return the largest hop count that matches
     */
    public int max(int maxHops) {
      if (!range) return lower.orElse(maxHops);
      return upper.orElse(maxHops);
    }
  }

  // ---------------------------------------------------------------------------------- expressions

  /** An expression: a value or a condition. */
  public sealed interface Expr permits Literal, ArrayLiteral, PathExpr, Param, Unary, Binary, In, Call, Exists {}

  /** The JSON null of a literal {@code null}. */
  public enum Null {
    /** The value. */
    NULL
  }

  /**
   * A literal: a {@link String}, {@link Long}, {@link Double}, {@link Boolean} or {@link Null#NULL}.
   *
   * @param value the value
   */
  public record Literal(Object value) implements Expr {
    /** Checks the type. */
    public Literal {
      Objects.requireNonNull(value, "value");
      if (!(value instanceof String || value instanceof Long || value instanceof Double || value instanceof Boolean
          || value instanceof Null)) {
        throw new IllegalArgumentException("a literal is a String, Long, Double, Boolean or NULL, not "
            + value.getClass().getName());
      }
      if (value instanceof Double && !Double.isFinite((Double) value)) {
        throw new IllegalArgumentException("a number literal must be finite, not " + value);
      }
    }
  }

  /**
   * {@code [a, b, ...]}.
   *
   * @param items the items
   */
  public record ArrayLiteral(List<Expr> items) implements Expr {
    /** Copies the items. */
    public ArrayLiteral {
      items = List.copyOf(items);
    }
  }

  /**
   * A dotted name: an alias, {@code alias.property.sub}, or a property of the only source.
   *
   * @param segments the names, unescaped
   */
  public record PathExpr(List<String> segments) implements Expr {
    /** Copies the segments. */
    public PathExpr {
      segments = List.copyOf(segments);
      if (segments.isEmpty()) throw new IllegalArgumentException("a path needs a name");
      for (String s : segments) {
        if (s.isEmpty()) throw new IllegalArgumentException("a path segment cannot be empty");
      }
    }
  }

  /**
   * {@code @name}: a value bound at execution.
   *
   * @param name the name, without {@code @}
   */
  public record Param(String name) implements Expr {
    /** Checks for nulls. */
    public Param {
      Objects.requireNonNull(name, "name");
    }
  }

  /** Unary operators. */
  public enum UnaryOp {
    /** {@code NOT}. */
    NOT,
    /** {@code -}. */
    NEGATE
  }

  /**
   * A unary operation.
   *
   * @param op the operator
   * @param operand the operand
   */
  public record Unary(UnaryOp op, Expr operand) implements Expr {
    /** Checks for nulls. */
    public Unary {
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(operand, "operand");
    }
  }

  /** Binary operators with their text and precedence (higher binds tighter). */
  public enum BinaryOp {
    /** {@code OR}. */
    OR("OR", 1),
    /** {@code AND}. */
    AND("AND", 2),
    /** {@code =}. */
    EQ("=", 4),
    /** {@code !=} (also written {@code <>}). */
    NE("!=", 4),
    /** {@code <}. */
    LT("<", 4),
    /** {@code <=}. */
    LE("<=", 4),
    /** {@code >}. */
    GT(">", 4),
    /** {@code >=}. */
    GE(">=", 4),
    /** {@code +}. */
    ADD("+", 5),
    /** {@code -}. */
    SUB("-", 5),
    /** {@code *}. */
    MUL("*", 6),
    /** {@code /}. */
    DIV("/", 6),
    /** {@code %}. */
    MOD("%", 6);

    private final String text;
    private final int precedence;

    BinaryOp(String text, int precedence) {
      this.text = text;
      this.precedence = precedence;
    }

    /** @return the operator as written */
    public String text() {
      return text;
    }

    /** @return how tightly it binds */
    public int precedence() {
      return precedence;
    }

    /** @return whether it compares two values */
    public boolean isComparison() {
      return precedence == 4;
    }
  }

  /**
   * A binary operation.
   *
   * @param op the operator
   * @param left the left operand
   * @param right the right operand
   */
  public record Binary(BinaryOp op, Expr left, Expr right) implements Expr {
    /** Checks for nulls. */
    public Binary {
      Objects.requireNonNull(op, "op");
      Objects.requireNonNull(left, "left");
      Objects.requireNonNull(right, "right");
    }
  }

  /**
   * {@code value IN list} or {@code value NIN list}.
   *
   * @param value the value
   * @param negated whether it is {@code NIN}
   * @param list an {@link ArrayLiteral} or a {@link Param}
   */
  public record In(Expr value, boolean negated, Expr list) implements Expr {
    /** Checks the list's form. */
    public In {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(list, "list");
      if (!(list instanceof ArrayLiteral || list instanceof Param)) {
        throw new IllegalArgumentException("IN takes a [list] or a @parameter");
      }
    }
  }

  /**
   * A function call, including aggregates ({@code COUNT()}, {@code AVG(x)}).
   *
   * @param name the function name in upper case
   * @param args the arguments
   */
  public record Call(String name, List<Expr> args) implements Expr {
    /** Copies the arguments. */
    public Call {
      Objects.requireNonNull(name, "name");
      args = List.copyOf(args);
    }
  }

  /**
   * {@code EXISTS pattern}: whether the pattern matches from the row's bound aliases.
   *
   * @param pattern the pattern
   */
  public record Exists(Pattern pattern) implements Expr {
    /** Checks for nulls. */
    public Exists {
      Objects.requireNonNull(pattern, "pattern");
    }
  }
}
