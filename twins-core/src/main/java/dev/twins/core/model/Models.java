package dev.twins.core.model;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A resolved, valid model set: every Interface by DTMI, with the inheritance closure needed to
 * answer "is a twin of model A also of model B" without a scan. Immutable and thread-safe.
 *
 * <p>Made by {@link ModelParser} from DTDL texts, or by {@link #of(Collection)} from Interfaces
 * built in code.
 */
public final class Models {
  private final Map<Dtmi, Interface> interfaces;
  private final Map<Dtmi, Set<Dtmi>> subtypes;
  private final List<ModelError> warnings;

  private Models(Map<Dtmi, Interface> interfaces, List<ModelError> warnings) {
    this.interfaces = Collections.unmodifiableMap(interfaces);
    this.warnings = List.copyOf(warnings);
    Map<Dtmi, Set<Dtmi>> sub = new HashMap<>();
    for (Interface i : interfaces.values()) {
      for (Dtmi a : i.ancestors()) sub.computeIfAbsent(a, k -> new LinkedHashSet<>()).add(i.id());
    }
    sub.replaceAll((k, v) -> Collections.unmodifiableSet(v));
    this.subtypes = sub;
  }

  /**
   * Makes a model set of the given Interfaces and every Interface they extend or use as a
   * component.
   *
   * @param roots the Interfaces
   * @return the model set
   * @throws IllegalArgumentException if two different Interfaces have the same DTMI
   */
  public static Models of(Collection<Interface> roots) {
    return of(roots, List.of());
  }

  /**
   * Makes a model set with warnings: findings that do not make the set invalid.
   *
   * @param roots the Interfaces
   * @param warnings the warnings, e.g. from {@link ModelParser}
   * @return the model set
   * @throws IllegalArgumentException if two different Interfaces have the same DTMI
   */
  public static Models of(Collection<Interface> roots, List<ModelError> warnings) {
    Map<Dtmi, Interface> all = new TreeMap<>();
    Deque<Interface> todo = new ArrayDeque<>(roots);
    while (!todo.isEmpty()) {
      Interface i = todo.pop();
      Interface old = all.putIfAbsent(i.id(), i);
      if (old != null) {
        if (!old.equals(i)) throw new IllegalArgumentException("two different Interfaces have the id " + i.id());
        continue;
      }
      todo.addAll(i.bases());
      for (Content c : i.ownContents()) if (c instanceof Component) todo.add(((Component) c).schema());
    }
    return new Models(new LinkedHashMap<>(all), warnings);
  }

  /** @return the empty model set */
  public static Models empty() {
    return new Models(new LinkedHashMap<>(), List.of());
  }

  /**
   * Finds an Interface.
   *
   * @param id its DTMI
   * @return the Interface, if the set holds it
   */
  public Optional<Interface> get(Dtmi id) {
    return Optional.ofNullable(interfaces.get(id));
  }

  /**
   * Finds an Interface by DTMI text.
   *
   * @param id its DTMI, e.g. {@code dtmi:com:example:Room;1}
   * @return the Interface, if the set holds it
   * @throws IllegalArgumentException if {@code id} is not a DTMI
   */
  public Optional<Interface> get(String id) {
    return get(Dtmi.of(id));
  }

  /**
   * Returns an Interface that must exist.
   *
   * @param id its DTMI text
   * @return the Interface
   * @throws NoSuchElementException if the set does not hold it
   */
  public Interface require(String id) {
    return get(id).orElseThrow(() -> new NoSuchElementException("no Interface " + id + " in " + this));
  }

  /**
   * Returns what the parser found questionable without rejecting the set: an {@code annotates}
   * (Annotation extension) that names no Property or Telemetry of its Interface, which real
   * ontologies contain and the reference tooling loads.
   *
   * @return the warnings, sorted by source and line; empty for most sets
   */
  public List<ModelError> warnings() {
    return warnings;
  }

  /** @return every Interface, sorted by DTMI */
  public Collection<Interface> interfaces() {
    return interfaces.values();
  }

  /** @return the number of Interfaces */
  public int size() {
    return interfaces.size();
  }

  /**
   * Returns the Interfaces that are {@code model} or extend it, directly or not.
   *
   * @param model an Interface DTMI
   * @return the DTMIs, empty if no Interface of the set is or extends it
   */
  public Set<Dtmi> subtypes(Dtmi model) {
    return subtypes.getOrDefault(model, Set.of());
  }

  /**
   * Tells whether {@code model} is {@code base} or extends it.
   *
   * @param model the model of a twin
   * @param base the model asked about
   * @return whether a twin of {@code model} is also of {@code base}
   */
  public boolean isOfModel(Dtmi model, Dtmi base) {
    Interface i = interfaces.get(model);
    return i != null && i.isA(base);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Models && ((Models) o).interfaces.equals(interfaces);
  }

  @Override
  public int hashCode() {
    return interfaces.keySet().hashCode();
  }

  /** Renders the count only. */
  @Override
  public String toString() {
    return "Models[interfaces=" + interfaces.size() + (warnings.isEmpty() ? "" : ", warnings=" + warnings.size()) + "]";
  }
}
