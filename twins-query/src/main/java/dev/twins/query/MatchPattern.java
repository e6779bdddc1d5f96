package dev.twins.query;

import dev.twins.query.internal.Ast;
import dev.twins.query.internal.Printer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A MATCH pattern built in Java, in the order it reads:
 *
 * <pre>{@code
 * MatchPattern p = Queries.pattern(building).out("hasFloor").to(floor).out("hasRoom").hops(0, 2).to(room);
 * // (building)-[:hasFloor]->(floor)-[:hasRoom*0..2]->(room)
 * }</pre>
 */
public final class MatchPattern {
  final List<String> nodes;
  final List<Ast.Edge> edges;

  MatchPattern(List<String> nodes, List<Ast.Edge> edges) {
    this.nodes = List.copyOf(nodes);
    this.edges = List.copyOf(edges);
  }

  Ast.Pattern ast() {
    return new Ast.Pattern(nodes, edges);
  }

  /**
   * @param names relationship names; none for any
   * @return an edge along outgoing relationships, {@code -[:names]->}
   */
  public EdgeStep out(String... names) {
    return new EdgeStep(this, Ast.Direction.RIGHT, List.of(names));
  }

  /**
   * @param names relationship names; none for any
   * @return an edge along incoming relationships, {@code <-[:names]-}
   */
  public EdgeStep in(String... names) {
    return new EdgeStep(this, Ast.Direction.LEFT, List.of(names));
  }

  /**
   * @param names relationship names; none for any
   * @return an edge along relationships in either direction, {@code -[:names]-}
   */
  public EdgeStep either(String... names) {
    return new EdgeStep(this, Ast.Direction.ANY, List.of(names));
  }

  /** Renders the pattern as query text. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    Printer.pattern(sb, ast());
    return sb.toString();
  }

  /** An edge being built: optionally named or given hops, then ended at a node with {@link #to}. */
  public static final class EdgeStep {
    private final MatchPattern from;
    private final Ast.Direction direction;
    private final List<String> names;
    private Optional<String> variable = Optional.empty();
    private Optional<Ast.Hops> hops = Optional.empty();

    EdgeStep(MatchPattern from, Ast.Direction direction, List<String> names) {
      this.from = from;
      this.direction = direction;
      this.names = names;
    }

    /**
     * Names the relationship ({@code [r:names]}); a single hop only, as in ADT.
     *
     * @param r the relationship alias
     * @return this step
     */
    public EdgeStep as(RelationshipAlias r) {
      this.variable = Optional.of(r.name);
      return this;
    }

    /**
     * @param exactly the number of hops ({@code *n})
     * @return this step
     */
    public EdgeStep hops(int exactly) {
      this.hops = Optional.of(new Ast.Hops(Optional.of(exactly), Optional.empty(), false));
      return this;
    }

    /**
     * A hop range with ADT's meaning: {@code hops(1, 3)} is {@code *1..3}, 2 or 3 hops (the lower
     * bound is exclusive).
     *
     * @param lowerExclusive the number before {@code ..}
     * @param upper the number after {@code ..}
     * @return this step
     */
    public EdgeStep hops(int lowerExclusive, int upper) {
      this.hops = Optional.of(new Ast.Hops(Optional.of(lowerExclusive), Optional.of(upper), true));
      return this;
    }

    /**
     * @param upper the most hops ({@code *..upper}: 1 to upper hops)
     * @return this step
     */
    public EdgeStep upTo(int upper) {
      this.hops = Optional.of(new Ast.Hops(Optional.empty(), Optional.of(upper), true));
      return this;
    }

    /**
     * @param node the node the edge leads to
     * @return the pattern extended by the edge and the node
     */
    public MatchPattern to(TwinAlias node) {
      List<String> n = new ArrayList<>(from.nodes);
      n.add(node.name);
      List<Ast.Edge> e = new ArrayList<>(from.edges);
      e.add(new Ast.Edge(direction, variable, names, hops));
      return new MatchPattern(n, e);
    }
  }
}
