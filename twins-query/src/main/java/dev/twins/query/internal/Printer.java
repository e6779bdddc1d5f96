package dev.twins.query.internal;

import dev.twins.query.internal.Ast.ArrayLiteral;
import dev.twins.query.internal.Ast.Binary;
import dev.twins.query.internal.Ast.Call;
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
import java.util.Locale;

/**
 * Renders a tree as canonical query text: keywords in upper case, single spaces, parentheses only
 * where precedence needs them, reserved or unusual names escaped as {@code [[name]]}, strings in
 * single quotes. Parsing the text gives the same tree back.
 */
public final class Printer {
  private static final int NOT_LEVEL = 3;
  private static final int COMPARISON_LEVEL = 4;
  private static final int UNARY_LEVEL = 7;
  private static final int PRIMARY_LEVEL = 8;

  private Printer() {}

  /**
   * Renders a query.
   *
   * @param q the tree
   * @return the canonical text
   */
  public static String print(Select q) {
    StringBuilder sb = new StringBuilder();
    if (q.explain()) sb.append("EXPLAIN ");
    sb.append("SELECT ");
    if (q.distinct()) sb.append("DISTINCT ");
    q.top().ifPresent(t -> sb.append("TOP(").append(expr(t)).append(") "));
    if (q.star()) {
      if (q.top().isEmpty()) sb.append("* ");
    } else {
      for (int i = 0; i < q.projections().size(); i++) {
        Projection p = q.projections().get(i);
        if (i > 0) sb.append(", ");
        sb.append(expr(p.expr()));
        p.as().ifPresent(a -> sb.append(" AS ").append(segment(a)));
      }
      sb.append(' ');
    }
    sb.append("FROM ");
    source(sb, q.from());
    q.where().ifPresent(w -> sb.append(" WHERE ").append(expr(w)));
    if (!q.groupBy().isEmpty()) {
      sb.append(" GROUP BY ");
      for (int i = 0; i < q.groupBy().size(); i++) {
        if (i > 0) sb.append(", ");
        sb.append(expr(q.groupBy().get(i)));
      }
    }
    if (!q.orderBy().isEmpty()) {
      sb.append(" ORDER BY ");
      for (int i = 0; i < q.orderBy().size(); i++) {
        Order o = q.orderBy().get(i);
        if (i > 0) sb.append(", ");
        sb.append(expr(o.expr()));
        if (o.descending()) sb.append(" DESC");
      }
    }
    q.limit().ifPresent(l -> sb.append(" LIMIT ").append(expr(l)));
    q.offset().ifPresent(o -> sb.append(" OFFSET ").append(expr(o)));
    return sb.toString();
  }

  private static void source(StringBuilder sb, Source s) {
    if (s instanceof RelationshipsSource) {
      sb.append("RELATIONSHIPS");
      ((RelationshipsSource) s).alias().ifPresent(a -> sb.append(' ').append(alias(a)));
    } else if (s instanceof TwinsSource) {
      TwinsSource t = (TwinsSource) s;
      sb.append("DIGITALTWINS");
      t.alias().ifPresent(a -> sb.append(' ').append(alias(a)));
      for (Join j : t.joins()) {
        sb.append(j.optional() ? " OPTIONAL JOIN " : " JOIN ").append(alias(j.target())).append(" RELATED ")
            .append(alias(j.source())).append('.').append(segment(j.relationship()));
        j.relAlias().ifPresent(a -> sb.append(' ').append(alias(a)));
      }
    } else {
      MatchSource m = (MatchSource) s;
      sb.append("DIGITALTWINS");
      for (MatchClause c : m.clauses()) {
        sb.append(c.optional() ? " OPTIONAL MATCH " : " MATCH ");
        for (int i = 0; i < c.patterns().size(); i++) {
          if (i > 0) sb.append(", ");
          pattern(sb, c.patterns().get(i));
        }
      }
    }
  }

  /**
   * Renders a pattern, e.g. {@code (a)-[r:contains]->(b)}.
   *
   * @param sb where to append
   * @param p the pattern
   */
  public static void pattern(StringBuilder sb, Pattern p) {
    sb.append('(').append(alias(p.nodes().get(0))).append(')');
    for (int i = 0; i < p.edges().size(); i++) {
      Edge e = p.edges().get(i);
      sb.append(e.direction() == Ast.Direction.LEFT ? "<-[" : "-[");
      e.variable().ifPresent(v -> sb.append(alias(v)));
      if (!e.names().isEmpty()) {
        sb.append(':');
        for (int n = 0; n < e.names().size(); n++) {
          if (n > 0) sb.append('|');
          sb.append(segment(e.names().get(n)));
        }
      }
      e.hops().ifPresent(h -> sb.append(hops(h)));
      sb.append(e.direction() == Ast.Direction.RIGHT ? "]->" : "]-");
      sb.append('(').append(alias(p.nodes().get(i + 1))).append(')');
    }
  }

  private static String hops(Hops h) {
    StringBuilder sb = new StringBuilder("*");
    h.lower().ifPresent(sb::append);
    if (h.range()) {
      sb.append("..");
      h.upper().ifPresent(sb::append);
    }
    return sb.toString();
  }

  /**
   * Renders an expression.
   *
   * @param e the expression
   * @return its canonical text
   */
  public static String expr(Expr e) {
    StringBuilder sb = new StringBuilder();
    expr(sb, e);
    return sb.toString();
  }

  private static int level(Expr e) {
    if (e instanceof Binary) return ((Binary) e).op().precedence();
    if (e instanceof In) return COMPARISON_LEVEL;
    if (e instanceof Unary) return ((Unary) e).op() == UnaryOp.NOT ? NOT_LEVEL : UNARY_LEVEL;
    if (e instanceof Exists) return NOT_LEVEL;
    if (e instanceof Literal && isNegative((Literal) e)) return UNARY_LEVEL;
    return PRIMARY_LEVEL;
  }

  private static boolean isNegative(Literal l) {
    Object v = l.value();
    return v instanceof Long && (Long) v < 0
        || v instanceof Double && (((Double) v) < 0 || Double.doubleToRawLongBits((Double) v) == Long.MIN_VALUE);
  }

  private static void child(StringBuilder sb, Expr e, boolean parens) {
    if (parens) sb.append('(');
    expr(sb, e);
    if (parens) sb.append(')');
  }

  private static void expr(StringBuilder sb, Expr e) {
    if (e instanceof Literal) {
      literal(sb, ((Literal) e).value());
    } else if (e instanceof PathExpr) {
      PathExpr p = (PathExpr) e;
      sb.append(alias(p.segments().get(0)));
      for (int i = 1; i < p.segments().size(); i++) sb.append('.').append(segment(p.segments().get(i)));
    } else if (e instanceof Param) {
      sb.append('@').append(((Param) e).name());
    } else if (e instanceof ArrayLiteral) {
      sb.append('[');
      ArrayLiteral a = (ArrayLiteral) e;
      for (int i = 0; i < a.items().size(); i++) {
        if (i > 0) sb.append(", ");
        expr(sb, a.items().get(i));
      }
      sb.append(']');
    } else if (e instanceof Unary) {
      Unary u = (Unary) e;
      if (u.op() == UnaryOp.NOT) {
        sb.append("NOT ");
        child(sb, u.operand(), level(u.operand()) < NOT_LEVEL);
      } else {
        sb.append('-');
        int l = level(u.operand());
        boolean parens = l < UNARY_LEVEL;
        if (!parens && l == UNARY_LEVEL) sb.append(' ');
        child(sb, u.operand(), parens);
      }
    } else if (e instanceof Binary) {
      Binary b = (Binary) e;
      int p = b.op().precedence();
      if (b.op().isComparison()) {
        child(sb, b.left(), level(b.left()) <= COMPARISON_LEVEL);
        sb.append(' ').append(b.op().text()).append(' ');
        child(sb, b.right(), level(b.right()) <= COMPARISON_LEVEL);
      } else {
        child(sb, b.left(), level(b.left()) < p);
        sb.append(' ').append(b.op().text()).append(' ');
        child(sb, b.right(), level(b.right()) <= p);
      }
    } else if (e instanceof In) {
      In in = (In) e;
      child(sb, in.value(), level(in.value()) <= COMPARISON_LEVEL);
      sb.append(in.negated() ? " NIN " : " IN ");
      expr(sb, in.list());
    } else if (e instanceof Call) {
      Call c = (Call) e;
      sb.append(c.name()).append('(');
      for (int i = 0; i < c.args().size(); i++) {
        if (i > 0) sb.append(", ");
        expr(sb, c.args().get(i));
      }
      sb.append(')');
    } else if (e instanceof Exists) {
      sb.append("EXISTS ");
      pattern(sb, ((Exists) e).pattern());
    } else {
      throw new IllegalStateException("unknown expression " + e);
    }
  }

  private static void literal(StringBuilder sb, Object v) {
    if (v instanceof String) {
      quote(sb, (String) v);
    } else if (v instanceof Null) {
      sb.append("NULL");
    } else if (v instanceof Boolean) {
      sb.append(((Boolean) v) ? "TRUE" : "FALSE");
    } else if (v instanceof Double) {
      String s = Double.toString((Double) v);
      sb.append(s);
    } else {
      sb.append(v);
    }
  }

  /**
   * Appends a string literal in single quotes, escaping quotes, backslashes and control characters.
   *
   * @param sb where to append
   * @param s the string
   */
  public static void quote(StringBuilder sb, String s) {
    sb.append('\'');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\'': sb.append("\\'"); break;
        case '\\': sb.append("\\\\"); break;
        case '\n': sb.append("\\n"); break;
        case '\t': sb.append("\\t"); break;
        case '\r': sb.append("\\r"); break;
        case '\b': sb.append("\\b"); break;
        case '\f': sb.append("\\f"); break;
        default:
          if (c < 0x20 || Character.isSurrogate(c) && !validSurrogate(s, i)) {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
      }
    }
    sb.append('\'');
  }

  private static boolean validSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }

  /**
   * Renders an alias or first path segment: bare when it is a plain name and not reserved.
   *
   * @param name the name
   * @return the name, or {@code [[name]]}
   */
  public static String alias(String name) {
    return isPlain(name) && !Parser.RESERVED.contains(name.toUpperCase(Locale.ROOT)) ? name : "[[" + name + "]]";
  }

  /**
   * Renders a later path segment or relationship name: bare when it is a plain name.
   *
   * @param name the name
   * @return the name, or {@code [[name]]}
   */
  public static String segment(String name) {
    return isPlain(name) ? name : "[[" + name + "]]";
  }

  private static boolean isPlain(String name) {
    if (name.isEmpty() || !Lexer.isNameStart(name.charAt(0))) return false;
    for (int i = 1; i < name.length(); i++) if (!Lexer.isNamePart(name.charAt(i))) return false;
    return true;
  }
}
