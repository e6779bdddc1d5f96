package dev.twins.core.graph;

import dev.twins.core.model.Dtmi;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which part of a twin graph a JGraphT view ({@link Twins#asGraph(GraphFilter)}) shows: the twins
 * of some models (and of the models that extend them) and the relationships of some names between
 * them. An empty set means no restriction.
 *
 * <pre>{@code
 * Graph<String, Relation> spaces = twins.asGraph(GraphFilter.models("dtmi:ex:Space;1").withRelationships("contains"));
 * }</pre>
 *
 * @param models the models whose twins are vertices, subtypes included; empty for every twin
 * @param relationships the relationship names that are edges; empty for every name
 */
public record GraphFilter(Set<Dtmi> models, Set<String> relationships) {
  private static final GraphFilter ALL = new GraphFilter(Set.of(), Set.of());

  /** Copies the sets. */
  public GraphFilter {
    models = Set.copyOf(models);
    relationships = Set.copyOf(relationships);
  }

  /** @return the filter that keeps the whole graph */
  public static GraphFilter all() {
    return ALL;
  }

  /**
   * Keeps only the twins of some models and the relationships between them.
   *
   * @param models Interface DTMIs; twins of models that extend them are kept too
   * @return the filter
   * @throws IllegalArgumentException if a model is not a DTMI
   */
  public static GraphFilter models(String... models) {
    return ALL.withModels(models);
  }

  /**
   * Keeps only the relationships of some names (and every twin).
   *
   * @param names relationship names
   * @return the filter
   */
  public static GraphFilter relationships(String... names) {
    return ALL.withRelationships(names);
  }

  /**
   * Replaces the models.
   *
   * @param models Interface DTMIs; none for every twin
   * @return a filter with these models
   * @throws IllegalArgumentException if a model is not a DTMI
   */
  public GraphFilter withModels(String... models) {
    Set<Dtmi> set = new LinkedHashSet<>();
    for (String m : models) set.add(Dtmi.of(Objects.requireNonNull(m, "model")));
    return new GraphFilter(set, relationships);
  }

  /**
   * Replaces the relationship names.
   *
   * @param names relationship names; none for every name
   * @return a filter with these names
   */
  public GraphFilter withRelationships(String... names) {
    return new GraphFilter(models, new LinkedHashSet<>(Arrays.asList(names)));
  }

  /** @return whether the filter keeps the whole graph */
  public boolean isAll() {
    return models.isEmpty() && relationships.isEmpty();
  }

  /** Renders the models and names, sorted, e.g. {@code GraphFilter[models=[dtmi:ex:Room;1], relationships=*]}. */
  @Override
  public String toString() {
    Set<String> m = new TreeSet<>();
    for (Dtmi d : models) m.add(d.value());
    return "GraphFilter[models=" + (m.isEmpty() ? "*" : m) + ", relationships="
        + (relationships.isEmpty() ? "*" : new TreeSet<>(relationships)) + "]";
  }
}
