package dev.twins.query.internal;

import dev.twins.query.QuerySyntaxException;
import dev.twins.query.internal.Ast.ArrayLiteral;
import dev.twins.query.internal.Ast.Binary;
import dev.twins.query.internal.Ast.BinaryOp;
import dev.twins.query.internal.Ast.Call;
import dev.twins.query.internal.Ast.Direction;
import dev.twins.query.internal.Ast.Edge;
import dev.twins.query.internal.Ast.Exists;
import dev.twins.query.internal.Ast.Expr;
import dev.twins.query.internal.Ast.Hops;
import dev.twins.query.internal.Ast.In;
import dev.twins.query.internal.Ast.Join;
import dev.twins.query.internal.Ast.Literal;
import dev.twins.query.internal.Ast.MatchClause;
import dev.twins.query.internal.Ast.MatchSource;
import dev.twins.query.internal.Ast.Null;
import dev.twins.query.internal.Ast.Order;
import dev.twins.query.internal.Ast.Param;
import dev.twins.query.internal.Ast.PathExpr;
import dev.twins.query.internal.Ast.Pattern;
import dev.twins.query.internal.Ast.Projection;
import dev.twins.query.internal.Ast.RelationshipsSource;
import dev.twins.query.internal.Ast.Select;
import dev.twins.query.internal.Ast.Source;
import dev.twins.query.internal.Ast.TwinsSource;
import dev.twins.query.internal.Ast.Unary;
import dev.twins.query.internal.Ast.UnaryOp;
import dev.twins.query.internal.Lexer.Kind;
import dev.twins.query.internal.Lexer.Token;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A recursive-descent parser from query text to {@link Ast}. Keywords are case-insensitive, names
 * case-sensitive. It remembers where each node started, for validation errors that point into
 * the text.
 */
public final class Parser {
  /** Words that cannot be used as a bare alias or first path segment; escape them as {@code [[word]]}. */
  public static final Set<String> RESERVED = Set.of("ALL", "AND", "AS", "ASC", "AVG", "BY", "COUNT", "DESC",
      "DEVICES", "DEVICES_JOBS", "DEVICES_MODULES", "DIGITALTWINS", "DISTINCT", "EXISTS", "EXPLAIN", "FALSE",
      "FROM", "GROUP", "IN", "JOIN", "LIMIT", "MATCH", "MAX", "MIN", "NIN", "NOT", "NOT_IN", "NULL", "OFFSET",
      "OPTIONAL", "OR", "ORDER", "RELATED", "RELATIONSHIPS", "SELECT", "SUM", "TOP", "TRUE", "WHERE");

  /** Reserved words that are also function names (aggregates). */
  private static final Set<String> CALLABLE_RESERVED = Set.of("COUNT", "SUM", "AVG", "MIN", "MAX");

  private static final int MAX_DEPTH = 200;
  private static final int MAX_HEIGHT = 500;

  private final String text;
  private final List<Token> tokens;
  private final Map<Object, Integer> offsets = new IdentityHashMap<>();
  private final Map<Object, Integer> heights = new IdentityHashMap<>();
  private int pos;
  private int depth;

  private Parser(String text) {
    this.text = text;
    this.tokens = Lexer.tokenize(text);
  }

  /**
   * A parsed query with the offsets of its nodes in the text.
   *
   * @param select the tree
   * @param offsets where each node (by identity) starts in the text
   */
  public record Parsed(Select select, Map<Object, Integer> offsets) {}

  /**
   * Parses a query.
   *
   * @param text the text
   * @return the tree and the offsets of its nodes
   * @throws QuerySyntaxException if the text is not a query
   */
  public static Parsed parse(String text) {
    Parser p = new Parser(text);
    Select s = p.query();
    return new Parsed(s, p.offsets);
  }

  // ----------------------------------------------------------------------------------- clauses

  private Select query() {
    boolean explain = acceptKeyword("EXPLAIN");
    expectKeyword("SELECT");
    boolean distinct = acceptKeyword("DISTINCT");
    Optional<Expr> top = Optional.empty();
    if (peek().isKeyword("TOP")) {
      next();
      expect("(");
      top = Optional.of(expr());
      expect(")");
    }
    if (!distinct) distinct = acceptKeyword("DISTINCT");
    boolean star = false;
    List<Projection> projections = new ArrayList<>();
    if (accept("*")) {
      star = true;
    } else if (top.isPresent() && peek().isKeyword("FROM")) {
      star = true;
    } else {
      do {
        int at = peek().offset();
        Expr e = expr();
        Optional<String> as = Optional.empty();
        if (acceptKeyword("AS")) as = Optional.of(segment("a name after AS"));
        Projection pr = new Projection(e, as);
        offsets.put(pr, at);
        projections.add(pr);
      } while (accept(","));
    }
    if (!peek().isKeyword("FROM")) {
      throw unexpected(star || projections.isEmpty() ? "FROM" : "',', AS or FROM");
    }
    next();
    Source from = source();
    Optional<Expr> where = Optional.empty();
    if (acceptKeyword("WHERE")) where = Optional.of(expr());
    List<Expr> groupBy = new ArrayList<>();
    if (acceptKeyword("GROUP")) {
      expectKeyword("BY");
      do groupBy.add(expr()); while (accept(","));
    }
    List<Order> orderBy = new ArrayList<>();
    if (acceptKeyword("ORDER")) {
      expectKeyword("BY");
      do {
        Expr e = expr();
        boolean desc = false;
        if (acceptKeyword("DESC")) desc = true;
        else acceptKeyword("ASC");
        orderBy.add(new Order(e, desc));
      } while (accept(","));
    }
    Optional<Expr> limit = Optional.empty();
    Optional<Expr> offset = Optional.empty();
    for (int i = 0; i < 2; i++) {
      if (limit.isEmpty() && acceptKeyword("LIMIT")) limit = Optional.of(expr());
      else if (offset.isEmpty() && acceptKeyword("OFFSET")) offset = Optional.of(expr());
    }
    if (peek().kind() != Kind.END) {
      throw unexpected(expectedAfterQuery(where.isPresent(), !groupBy.isEmpty(), !orderBy.isEmpty(), limit.isPresent(),
          offset.isPresent()));
    }
    return new Select(explain, distinct, top, star, projections, from, where, groupBy, orderBy, limit, offset);
  }

  private static String expectedAfterQuery(boolean where, boolean group, boolean order, boolean limit, boolean offset) {
    List<String> next = new ArrayList<>();
    if (!where && !group && !order && !limit && !offset) next.add("WHERE");
    if (!group && !order && !limit && !offset) next.add("GROUP BY");
    if (!order && !limit && !offset) next.add("ORDER BY");
    if (!limit) next.add("LIMIT");
    if (!offset) next.add("OFFSET");
    next.add("the end of the query");
    return String.join(", ", next.subList(0, next.size() - 1)) + " or " + next.get(next.size() - 1);
  }

  private Source source() {
    if (acceptKeyword("RELATIONSHIPS")) {
      return new RelationshipsSource(optionalAlias());
    }
    if (!acceptKeyword("DIGITALTWINS")) throw unexpected("DIGITALTWINS or RELATIONSHIPS");
    if (peek().isKeyword("MATCH")) {
      List<MatchClause> clauses = new ArrayList<>();
      boolean optional = false;
      while (true) {
        expectKeyword("MATCH");
        List<Pattern> patterns = new ArrayList<>();
        do patterns.add(pattern()); while (accept(","));
        clauses.add(new MatchClause(optional, patterns));
        if (peek().isKeyword("OPTIONAL")) {
          next();
          optional = true;
        } else if (peek().isKeyword("MATCH")) {
          optional = false;
        } else {
          break;
        }
      }
      return new MatchSource(clauses);
    }
    Optional<String> alias = optionalAlias();
    List<Join> joins = new ArrayList<>();
    while (peek().isKeyword("JOIN") || peek().isKeyword("OPTIONAL")) {
      int at = peek().offset();
      boolean optional = acceptKeyword("OPTIONAL");
      expectKeyword("JOIN");
      String target = alias("an alias for the joined twins");
      expectKeyword("RELATED");
      String source = alias("the alias of the source twins");
      expect(".");
      int relAt = peek().offset();
      String rel = segment("a relationship name");
      Join j = new Join(optional, target, source, rel, optionalAlias());
      offsets.put(j, at);
      offsets.put(j.relationship(), relAt);
      joins.add(j);
    }
    return new TwinsSource(alias, joins);
  }

  private Pattern pattern() {
    List<String> nodes = new ArrayList<>();
    List<Edge> edges = new ArrayList<>();
    nodes.add(node());
    while (peek().is("-") && tokens.get(pos + 1).is("[")
        || peek().is("<") && tokens.get(pos + 1).is("-") && tokens.get(pos + 2).is("[")) {
      edges.add(edge());
      nodes.add(node());
    }
    return new Pattern(nodes, edges);
  }

  private String node() {
    expect("(");
    String a = alias("a twin alias");
    expect(")");
    return a;
  }

  private Edge edge() {
    int at = peek().offset();
    boolean left = accept("<");
    expect("-");
    expect("[");
    Optional<String> variable = Optional.empty();
    if (peek().kind() == Kind.NAME) variable = Optional.of(alias("a relationship alias"));
    List<String> names = new ArrayList<>();
    if (accept(":")) {
      do names.add(segment("a relationship name")); while (accept("|"));
    }
    Optional<Hops> hops = Optional.empty();
    if (accept("*")) hops = Optional.of(hops());
    expect("]");
    expect("-");
    boolean right = accept(">");
    if (left && right) throw unexpectedAt(tokens.get(pos - 1), "'-' without '>' after an edge that starts with '<-'");
    Edge e = new Edge(left ? Direction.LEFT : right ? Direction.RIGHT : Direction.ANY, variable, names, hops);
    offsets.put(e, at);
    return e;
  }

  private Hops hops() {
    Optional<Integer> lower = Optional.empty();
    if (peek().kind() == Kind.INTEGER) lower = Optional.of(hopCount());
    if (accept("..")) {
      Optional<Integer> upper = Optional.empty();
      if (peek().kind() == Kind.INTEGER) upper = Optional.of(hopCount());
      if (lower.isEmpty() && upper.isEmpty()) throw unexpected("a hop count after '..'");
      return new Hops(lower, upper, true);
    }
    return new Hops(lower, Optional.empty(), false);
  }

  private int hopCount() {
    Token t = next();
    long v = Long.parseLong(t.text());
    if (v > 1_000_000) throw unexpectedAt(t, "a hop count of at most 1000000");
    return (int) v;
  }

  // -------------------------------------------------------------------------------- expressions

  private Expr expr() {
    if (++depth > MAX_DEPTH) throw unexpected("a less deeply nested expression (at most " + MAX_DEPTH + " levels)");
    try {
      return or();
    } finally {
      depth--;
    }
  }

  private Expr or() {
    Expr e = and();
    while (peek().isKeyword("OR")) {
      int at = next().offset();
      e = at(new Binary(BinaryOp.OR, e, and()), at);
    }
    return e;
  }

  private Expr and() {
    Expr e = not();
    while (peek().isKeyword("AND")) {
      int at = next().offset();
      e = at(new Binary(BinaryOp.AND, e, not()), at);
    }
    return e;
  }

  private Expr not() {
    if (peek().isKeyword("NOT") && !tokens.get(pos + 1).isKeyword("IN")) {
      int at = next().offset();
      if (++depth > MAX_DEPTH) throw unexpected("a less deeply nested expression (at most " + MAX_DEPTH + " levels)");
      try {
        return at(new Unary(UnaryOp.NOT, not()), at);
      } finally {
        depth--;
      }
    }
    return comparison();
  }

  private Expr comparison() {
    int at = peek().offset();
    Expr left = additive();
    Token t = peek();
    BinaryOp op = null;
    if (t.kind() == Kind.SYMBOL) {
      switch (t.text()) {
        case "=": op = BinaryOp.EQ; break;
        case "!=": case "<>": op = BinaryOp.NE; break;
        case "<": op = BinaryOp.LT; break;
        case "<=": op = BinaryOp.LE; break;
        case ">": op = BinaryOp.GT; break;
        case ">=": op = BinaryOp.GE; break;
        default: break;
      }
    }
    if (op != null) {
      next();
      return at(new Binary(op, left, additive()), at);
    }
    if (t.isKeyword("IN") || t.isKeyword("NIN") || t.isKeyword("NOT_IN")
        || t.isKeyword("NOT") && tokens.get(pos + 1).isKeyword("IN")) {
      boolean negated = !t.isKeyword("IN");
      if (t.isKeyword("NOT")) next();
      next();
      Expr list;
      if (peek().kind() == Kind.PARAM) {
        list = param();
      } else if (peek().is("[")) {
        list = array();
      } else {
        throw unexpected("a [list] or a @parameter after " + (negated ? "NIN" : "IN"));
      }
      return at(new In(left, negated, list), at);
    }
    return left;
  }

  private Expr additive() {
    Expr e = multiplicative();
    while (peek().is("+") || peek().is("-")) {
      int at = peek().offset();
      BinaryOp op = next().is("+") ? BinaryOp.ADD : BinaryOp.SUB;
      e = at(new Binary(op, e, multiplicative()), at);
    }
    return e;
  }

  private Expr multiplicative() {
    Expr e = unary();
    while (peek().is("*") || peek().is("/") || peek().is("%")) {
      int at = peek().offset();
      String s = next().text();
      BinaryOp op = s.equals("*") ? BinaryOp.MUL : s.equals("/") ? BinaryOp.DIV : BinaryOp.MOD;
      e = at(new Binary(op, e, unary()), at);
    }
    return e;
  }

  private Expr unary() {
    if (peek().is("-")) {
      int at = next().offset();
      if (++depth > MAX_DEPTH) throw unexpected("a less deeply nested expression (at most " + MAX_DEPTH + " levels)");
      try {
        Expr operand = unary();
        if (operand instanceof Literal && ((Literal) operand).value() instanceof Long) {
          long v = (Long) ((Literal) operand).value();
          if (v != Long.MIN_VALUE) return at(new Literal(-v), at);
        }
        if (operand instanceof Literal && ((Literal) operand).value() instanceof Double) {
          return at(new Literal(-(Double) ((Literal) operand).value()), at);
        }
        return at(new Unary(UnaryOp.NEGATE, operand), at);
      } finally {
        depth--;
      }
    }
    return primary();
  }

  private Expr primary() {
    Token t = peek();
    switch (t.kind()) {
      case STRING:
        next();
        return at(new Literal(t.text()), t.offset());
      case INTEGER:
        next();
        return at(new Literal(Long.parseLong(t.text())), t.offset());
      case DECIMAL:
        next();
        return at(new Literal(Double.parseDouble(t.text())), t.offset());
      case PARAM:
        return param();
      case SYMBOL:
        if (t.is("(")) {
          next();
          Expr e = expr();
          expect(")");
          return e;
        }
        if (t.is("[")) return array();
        throw unexpected("an expression");
      case NAME:
        return nameExpr();
      default:
        throw unexpected("an expression");
    }
  }

  private Expr nameExpr() {
    Token t = peek();
    if (!t.escaped()) {
      String upper = t.text().toUpperCase(Locale.ROOT);
      if (upper.equals("TRUE") || upper.equals("FALSE")) {
        next();
        return at(new Literal(upper.equals("TRUE")), t.offset());
      }
      if (upper.equals("NULL")) {
        next();
        return at(new Literal(Null.NULL), t.offset());
      }
      if (upper.equals("EXISTS")) {
        next();
        return at(new Exists(pattern()), t.offset());
      }
      if (tokens.get(pos + 1).is("(")) {
        if (RESERVED.contains(upper) && !CALLABLE_RESERVED.contains(upper)) throw unexpected("an expression");
        next();
        next();
        List<Expr> args = new ArrayList<>();
        if (upper.equals("COUNT") && accept("*")) {
          expect(")");
          return at(new Call(upper, args), t.offset());
        }
        if (!accept(")")) {
          do args.add(expr()); while (accept(","));
          expect(")");
        }
        return at(new Call(upper, args), t.offset());
      }
      if (RESERVED.contains(upper)) throw unexpected("an expression (escape a reserved word used as a name: [["
          + t.text() + "]])");
    }
    List<String> segments = new ArrayList<>();
    segments.add(next().text());
    while (peek().is(".")) {
      next();
      segments.add(segment("a property name after '.'"));
    }
    return at(new PathExpr(segments), t.offset());
  }

  private Expr param() {
    Token t = next();
    return at(new Param(t.text()), t.offset());
  }

  private Expr array() {
    int at = expect("[").offset();
    List<Expr> items = new ArrayList<>();
    if (!accept("]")) {
      do items.add(expr()); while (accept(","));
      expect("]");
    }
    return at(new ArrayLiteral(items), at);
  }

  // ------------------------------------------------------------------------------------ tokens

  private <T> T at(T node, int offset) {
    offsets.put(node, offset);
    if (node instanceof Expr) {
      int h = 1 + childHeight((Expr) node);
      if (h > MAX_HEIGHT) {
        throw Syntax.error(text, offset, "a simpler expression (at most " + MAX_HEIGHT + " operators deep)",
            text.substring(offset, Math.min(text.length(), offset + 20)));
      }
      heights.put(node, h);
    }
    return node;
  }

  private int height(Expr e) {
    Integer h = heights.get(e);
    return h == null ? 1 : h;
  }

  private int childHeight(Expr e) {
    int h = 0;
    if (e instanceof Binary) h = Math.max(height(((Binary) e).left()), height(((Binary) e).right()));
    else if (e instanceof Unary) h = height(((Unary) e).operand());
    else if (e instanceof In) h = height(((In) e).value());
    else if (e instanceof Call) for (Expr a : ((Call) e).args()) h = Math.max(h, height(a));
    else if (e instanceof ArrayLiteral) for (Expr a : ((ArrayLiteral) e).items()) h = Math.max(h, height(a));
    return h;
  }

  private Optional<String> optionalAlias() {
    Token t = peek();
    if (t.kind() == Kind.NAME && (t.escaped() || !RESERVED.contains(t.text().toUpperCase(Locale.ROOT)))) {
      next();
      return Optional.of(t.text());
    }
    return Optional.empty();
  }

  private String alias(String what) {
    Token t = peek();
    if (t.kind() == Kind.NAME && (t.escaped() || !RESERVED.contains(t.text().toUpperCase(Locale.ROOT)))) {
      next();
      return t.text();
    }
    throw unexpected(what);
  }

  private String segment(String what) {
    Token t = peek();
    if (t.kind() == Kind.NAME) {
      next();
      return t.text();
    }
    throw unexpected(what);
  }

  private Token peek() {
    return tokens.get(pos);
  }

  private Token next() {
    Token t = tokens.get(pos);
    if (t.kind() != Kind.END) pos++;
    return t;
  }

  private boolean accept(String symbol) {
    if (peek().is(symbol)) {
      pos++;
      return true;
    }
    return false;
  }

  private boolean acceptKeyword(String keyword) {
    if (peek().isKeyword(keyword)) {
      pos++;
      return true;
    }
    return false;
  }

  private Token expect(String symbol) {
    if (!peek().is(symbol)) throw unexpected("'" + symbol + "'");
    return next();
  }

  private void expectKeyword(String keyword) {
    if (!acceptKeyword(keyword)) throw unexpected(keyword);
  }

  private QuerySyntaxException unexpected(String expected) {
    return unexpectedAt(peek(), expected);
  }

  private QuerySyntaxException unexpectedAt(Token t, String expected) {
    String found = t.kind() == Kind.END ? "end of query" : text.substring(t.offset(), t.offset() + t.length());
    return Syntax.error(text, t.offset(), expected, found);
  }
}
