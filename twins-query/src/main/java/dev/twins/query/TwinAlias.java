package dev.twins.query;

import dev.twins.query.internal.Ast;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A twin alias of a query built in Java ({@code FROM DIGITALTWINS R}, a MATCH node, a JOIN target). */
public final class TwinAlias implements Selectable {
  final String name;

  TwinAlias(String name) {
    this.name = Objects.requireNonNull(name, "name");
  }

  /** @return the alias */
  public String name() {
    return name;
  }

  private Ast.PathExpr path(List<String> rest) {
    List<String> p = new ArrayList<>();
    p.add(name);
    p.addAll(rest);
    return new Ast.PathExpr(p);
  }

  /**
   * @param key a typed property key
   * @param <T> its value type
   * @return the property of this alias
   */
  public <T> Operand<T> get(PropertyKey<T> key) {
    return new Operand<>(path(key.path()));
  }

  /**
   * @param path a property name and nested names, untyped
   * @return the property of this alias
   */
  public Operand<Object> prop(String... path) {
    return new Operand<>(path(List.of(path)));
  }

  /** @return {@code alias.$dtId} */
  public Operand<String> id() {
    return new Operand<>(path(List.of("$dtId")));
  }

  /** @return {@code alias.$metadata.$model} */
  public Operand<String> model() {
    return new Operand<>(path(List.of("$metadata", "$model")));
  }

  /**
   * @param dtmi a model DTMI
   * @return {@code IS_OF_MODEL(alias, dtmi)}: the twin is of the model, a model extending it, or a higher version
   */
  public Criterion isOfModel(String dtmi) {
    return new Criterion(new Ast.Call("IS_OF_MODEL", List.of(path(List.of()), new Ast.Literal(dtmi))));
  }

  /**
   * @param dtmi a model DTMI
   * @return {@code IS_OF_MODEL(alias, dtmi, exact)}
   */
  public Criterion isOfModelExactly(String dtmi) {
    return new Criterion(new Ast.Call("IS_OF_MODEL", List.of(path(List.of()), new Ast.Literal(dtmi),
        new Ast.PathExpr(List.of("exact")))));
  }

  /**
   * @param function a function name, e.g. {@code SERIES_MEAN}
   * @param args the arguments after the twin (literals or operands)
   * @param <T> the result type
   * @return {@code function(alias, args...)}
   */
  public <T> Operand<T> call(String function, Object... args) {
    List<Ast.Expr> a = new ArrayList<>();
    a.add(path(List.of()));
    for (Object o : args) a.add(Operand.literal(o));
    return new Operand<>(new Ast.Call(function.toUpperCase(java.util.Locale.ROOT), a));
  }

  /**
   * @param column the column name
   * @return this alias selected under another name
   */
  public Selectable as(String column) {
    return new Operand.Projected(new Ast.Projection(path(List.of()), Optional.of(column)));
  }

  Ast.Projection projection() {
    return new Ast.Projection(path(List.of()), Optional.empty());
  }

  /** @return the alias */
  @Override
  public String toString() {
    return name;
  }
}
