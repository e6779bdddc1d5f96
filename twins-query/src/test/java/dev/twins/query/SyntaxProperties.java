package dev.twins.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.twins.query.internal.Ast;
import dev.twins.query.internal.Ast.BinaryOp;
import dev.twins.query.internal.Ast.Direction;
import dev.twins.query.internal.Ast.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Text to tree to text is stable for random trees; random and mutated text only ever raises the syntax exception. */
class SyntaxProperties {
  private static final List<String> NAMES = List.of("T", "a", "b2", "_x", "$dtId", "Group", "select", "temp", "é", "count");

  private Arbitrary<String> name() {
    return Arbitraries.oneOf(Arbitraries.of(NAMES), Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(5));
  }

  private Arbitrary<Expr> literal() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(-1_000_000_000_000L, 1_000_000_000_000L).map(v -> new Ast.Literal(v)),
        Arbitraries.doubles().between(-1e12, 1e12).map(v -> new Ast.Literal(v)),
        Arbitraries.strings().ofMaxLength(8).map(v -> new Ast.Literal(v)),
        Arbitraries.of(true, false).map(v -> new Ast.Literal(v)),
        Arbitraries.just(new Ast.Literal(Ast.Null.NULL)));
  }

  private Arbitrary<Expr> path() {
    return name().list().ofMinSize(1).ofMaxSize(3).map(Ast.PathExpr::new);
  }

  private Arbitrary<Expr> expr(int depth) {
    Arbitrary<Expr> leaf = Arbitraries.oneOf(literal(), path(), name().map(n -> new Ast.Param(n.replace("$", "p").replace("é", "e"))));
    if (depth == 0) return leaf;
    Arbitrary<Expr> sub = Arbitraries.lazy(() -> expr(depth - 1));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, leaf),
        net.jqwik.api.Tuple.of(3, Combinators.combine(Arbitraries.of(BinaryOp.class), sub, sub).as(Ast.Binary::new)),
        net.jqwik.api.Tuple.of(1, Combinators.combine(Arbitraries.of(Ast.UnaryOp.class), sub)
            .as((op, e) -> (Expr) new Ast.Unary(op, e)).filter(e -> !(((Ast.Unary) e).op() == Ast.UnaryOp.NEGATE
                && ((Ast.Unary) e).operand() instanceof Ast.Literal
                && !(((Ast.Literal) ((Ast.Unary) e).operand()).value() instanceof String
                || ((Ast.Literal) ((Ast.Unary) e).operand()).value() instanceof Boolean
                || ((Ast.Literal) ((Ast.Unary) e).operand()).value() instanceof Ast.Null)))),
        net.jqwik.api.Tuple.of(1, Combinators.combine(sub, Arbitraries.of(true, false), literal().list().ofMaxSize(3))
            .as((v, neg, items) -> new Ast.In(v, neg, new Ast.ArrayLiteral(new ArrayList<>(items))))),
        net.jqwik.api.Tuple.of(1, Combinators.combine(Arbitraries.of("IS_DEFINED", "STARTSWITH", "COUNT", "F_X"),
            sub.list().ofMaxSize(2)).as(Ast.Call::new)),
        net.jqwik.api.Tuple.of(1, pattern().map(Ast.Exists::new)));
  }

  private Arbitrary<Ast.Edge> edge() {
    Arbitrary<Optional<Ast.Hops>> hops = Arbitraries.oneOf(
        Arbitraries.just(Optional.<Ast.Hops>empty()),
        Arbitraries.integers().between(1, 9).map(n -> Optional.of(new Ast.Hops(Optional.of(n), Optional.empty(), false))),
        Combinators.combine(Arbitraries.integers().between(0, 3).optional(), Arbitraries.integers().between(1, 9).optional())
            .as((l, u) -> Optional.of(new Ast.Hops(l, u, true))).filter(h -> h.get().lower().isPresent() || h.get().upper().isPresent()));
    return Combinators.combine(Arbitraries.of(Direction.class), name().optional(), name().list().ofMaxSize(2), hops)
        .as(Ast.Edge::new);
  }

  private Arbitrary<Ast.Pattern> pattern() {
    return edge().list().ofMaxSize(2).flatMap(edges -> name().list().ofSize(edges.size() + 1)
        .map(nodes -> new Ast.Pattern(nodes, edges)));
  }

  private Arbitrary<Ast.Source> source() {
    Arbitrary<Ast.Join> join = Combinators.combine(Arbitraries.of(true, false), name(), name(), name(), name().optional())
        .as(Ast.Join::new);
    return Arbitraries.oneOf(
        Combinators.combine(name().optional(), join.list().ofMaxSize(2)).as(Ast.TwinsSource::new),
        name().optional().map(Ast.RelationshipsSource::new),
        Combinators.combine(pattern().list().ofMinSize(1).ofMaxSize(2), pattern().list().ofMinSize(1).ofMaxSize(2).optional())
            .as((p, opt) -> {
              List<Ast.MatchClause> clauses = new ArrayList<>();
              clauses.add(new Ast.MatchClause(false, p));
              opt.ifPresent(o -> clauses.add(new Ast.MatchClause(true, o)));
              return (Ast.Source) new Ast.MatchSource(clauses);
            }));
  }

  @Provide
  Arbitrary<Query> queries() {
    Arbitrary<Expr> e = expr(3);
    Arbitrary<List<Ast.Projection>> projections = Combinators.combine(e, name().optional()).as(Ast.Projection::new)
        .list().ofMaxSize(3);
    Arbitrary<List<Ast.Order>> orders = Combinators.combine(e, Arbitraries.of(true, false)).as(Ast.Order::new).list().ofMaxSize(2);
    Arbitrary<Optional<Expr>> constant = Arbitraries.oneOf(Arbitraries.longs().between(0, 100).map(v -> (Expr) new Ast.Literal(v)),
        Arbitraries.just((Expr) new Ast.Param("n"))).optional();
    return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false), constant, projections, source(),
            e.optional(), e.list().ofMaxSize(2), orders)
        .flatAs((explain, distinct, top, proj, src, where, group, order) -> constant.list().ofSize(2).map(lo ->
            new Query(new Ast.Select(explain, distinct, top, proj.isEmpty(), proj, src, where, group, order, lo.get(0),
                lo.get(1)), null, Map.of())));
  }

  @Property(tries = 400)
  void printedQueriesParseToTheSameTree(@ForAll("queries") Query q) {
    Query parsed = Query.parse(q.toString());
    assertThat(parsed).isEqualTo(q);
    assertThat(parsed.toString()).isEqualTo(q.toString());
  }

  private static final List<String> SOUP = List.of("SELECT", "*", "FROM", "DIGITALTWINS", "RELATIONSHIPS", "T", "T.a", "WHERE",
      "=", "!=", "<", ">=", "AND", "OR", "NOT", "IN", "NIN", "[", "]", "(", ")", ",", ".", "'x'", "'", "\"", "\\", "1", "2.5",
      "1e999", "-", "->", "<-", "MATCH", "JOIN", "RELATED", "[[", "]]", "[[g]]", "@p", "@", ":", "|", "*", "..", "TOP",
      "COUNT", "(", "GROUP", "BY", "ORDER", "LIMIT", "OFFSET", "EXISTS", "OPTIONAL", "EXPLAIN", "\n", "é", "\u0000", "$dtId");

  @Provide
  Arbitrary<String> soup() {
    return Arbitraries.of(SOUP).list().ofMaxSize(30).map(l -> String.join(" ", l));
  }

  @Provide
  Arbitrary<String> mutated() {
    return Combinators.combine(Arbitraries.of(ParserTest.ADT_EXAMPLES), Arbitraries.integers().between(0, 10_000),
        Arbitraries.integers().between(0, 3), Arbitraries.chars()).as((text, at, kind, c) -> {
          int i = at % (text.length() + 1);
          switch (kind) {
            case 0: return text.substring(0, i) + c + text.substring(i);
            case 1: return i < text.length() ? text.substring(0, i) + text.substring(i + 1) : text;
            case 2: return text.substring(0, i);
            default: return text.substring(i) + text.substring(0, i);
          }
        });
  }

  private static void parsesOrRaisesSyntaxError(String text) {
    try {
      Query q = Query.parse(text);
      assertThat(Query.parse(q.toString())).isEqualTo(q);
    } catch (QuerySyntaxException e) {
      assertThat(e.line()).isPresent();
      assertThat(e.getMessage()).contains("expected");
    }
  }

  @Property(tries = 1000)
  void randomTokensOnlyRaiseSyntaxErrors(@ForAll("soup") String text) {
    parsesOrRaisesSyntaxError(text);
  }

  @Property(tries = 1000)
  void mutatedExamplesOnlyRaiseSyntaxErrors(@ForAll("mutated") String text) {
    parsesOrRaisesSyntaxError(text);
  }

  @Property(tries = 300)
  void randomTextOnlyRaisesSyntaxErrors(@ForAll String text) {
    parsesOrRaisesSyntaxError(text);
  }

  @Property(tries = 5)
  void deepNestingIsASyntaxErrorNotAStackOverflow(@ForAll("depths") int depth) {
    parsesOrRaisesSyntaxError("SELECT * FROM DIGITALTWINS WHERE " + "(".repeat(depth) + "1" + ")".repeat(depth));
    parsesOrRaisesSyntaxError("SELECT * FROM DIGITALTWINS WHERE " + "NOT ".repeat(depth) + "1");
    parsesOrRaisesSyntaxError("SELECT * FROM DIGITALTWINS WHERE " + "- ".repeat(depth) + "T.x");
    parsesOrRaisesSyntaxError("SELECT * FROM DIGITALTWINS WHERE " + "[[".repeat(depth) + "x]]");
    parsesOrRaisesSyntaxError("SELECT * FROM DIGITALTWINS WHERE T.x IN [" + "1, ".repeat(depth) + "1]");
    parsesOrRaisesSyntaxError("SELECT * FROM DIGITALTWINS WHERE " + "T.x = 1 AND ".repeat(depth) + "T.y = 2");
  }

  @Provide
  Arbitrary<Integer> depths() {
    return Arbitraries.of(10, 199, 200, 5_000, 100_000);
  }
}
