package dev.twins.query;

import dev.twins.query.internal.Ast;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A relationship alias of a query built in Java ({@code FROM RELATIONSHIPS E}, a JOIN's or an edge's variable). */
public final class RelationshipAlias implements Selectable {
  final String name;

  RelationshipAlias(String name) {
    this.name = Objects.requireNonNull(name, "name");
  }

  /** @return the alias */
  public String name() {
    return name;
  }

  private Operand<String> field(String f) {
    return new Operand<>(new Ast.PathExpr(List.of(name, f)));
  }

  /**
   * @param key a typed property key of the relationship
   * @param <T> its value type
   * @return the property
   */
  public <T> Operand<T> get(PropertyKey<T> key) {
    List<String> p = new ArrayList<>();
    p.add(name);
    p.addAll(key.path());
    return new Operand<>(new Ast.PathExpr(p));
  }

  /** @return {@code $relationshipId} */
  public Operand<String> id() {
    return field("$relationshipId");
  }

  /** @return {@code $sourceId} */
  public Operand<String> sourceId() {
    return field("$sourceId");
  }

  /** @return {@code $targetId} */
  public Operand<String> targetId() {
    return field("$targetId");
  }

  /** @return {@code $relationshipName} */
  public Operand<String> relationshipName() {
    return field("$relationshipName");
  }

  Ast.Projection projection() {
    return new Ast.Projection(new Ast.PathExpr(List.of(name)), Optional.empty());
  }

  /** @return the alias */
  @Override
  public String toString() {
    return name;
  }
}
