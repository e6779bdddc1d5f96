package dev.twins.query;

import dev.twins.query.internal.Ast;
import dev.twins.query.internal.Parser;
import dev.twins.query.internal.Printer;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed query: immutable, printed as canonical text by {@link #toString()}, equal to another
 * query when their syntax trees are equal (whatever the spacing, keyword case or redundant
 * parentheses of the text). Made by {@link #parse(String)} or by the Java DSL of {@link Queries};
 * run by a {@link QueryEngine}.
 *
 * <pre>{@code
 * Query q = Query.parse("select * from digitaltwins t where t.$dtId = 'room-101'");
 * q.toString();  // SELECT * FROM DIGITALTWINS t WHERE t.$dtId = 'room-101'
 * }</pre>
 */
public final class Query {
  private final Ast.Select ast;
  private final String source;
  private final Map<Object, Integer> offsets;
  private final String text;

  Query(Ast.Select ast, String source, Map<Object, Integer> offsets) {
    this.ast = Objects.requireNonNull(ast, "ast");
    this.source = source;
    this.offsets = offsets;
    this.text = Printer.print(ast);
  }

  /**
   * Parses query text: the query language of Azure Digital Twins and its extensions (see the
   * package documentation). Keywords are case-insensitive; names are case-sensitive.
   *
   * @param text the query
   * @return the query
   * @throws QuerySyntaxException if the text is not a query, with line, column and what was expected
   */
  public static Query parse(String text) {
    Objects.requireNonNull(text, "text");
    Parser.Parsed p = Parser.parse(text);
    return new Query(p.select(), text, p.offsets());
  }

  /** @return whether it is an {@code EXPLAIN} query, which returns its plan instead of rows */
  public boolean isExplain() {
    return ast.explain();
  }

  /** @return the same query with {@code EXPLAIN} in front */
  public Query explain() {
    Ast.Select s = ast;
    return new Query(new Ast.Select(true, s.distinct(), s.top(), s.star(), s.projections(), s.from(), s.where(),
        s.groupBy(), s.orderBy(), s.limit(), s.offset()), null, Map.of());
  }

  Ast.Select ast() {
    return ast;
  }

  /** @return the text it was parsed from, or its canonical text when built in Java */
  String source() {
    return source == null ? text : source;
  }

  Map<Object, Integer> offsets() {
    return offsets;
  }

  boolean hasSource() {
    return source != null;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Query && ((Query) o).ast.equals(ast);
  }

  @Override
  public int hashCode() {
    return ast.hashCode();
  }

  /** Renders the canonical text, which parses back to an equal query. */
  @Override
  public String toString() {
    return text;
  }
}
