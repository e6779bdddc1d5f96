package dev.twins.core.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A resolved DTDL Interface: its own contents, the Interfaces it extends, and the flattened view
 * of all contents including inherited ones. Immutable.
 */
public final class Interface implements Element {
  private final ElementInfo info;
  private final DtdlVersion dtdlVersion;
  private final List<Interface> bases;
  private final List<Content> ownContents;
  private final List<Schema> schemas;
  private final Map<String, Content> contents;
  private final Set<Dtmi> ancestors;
  // the contents of each kind, made once: validation asks for them on every write
  private final List<Property> properties;
  private final List<Telemetry> telemetries;
  private final List<Relationship> relationships;
  private final List<Component> components;
  private final List<Command> commands;

  /**
   * Creates an Interface. Models are normally made by {@link ModelParser}, which validates them;
   * this constructor only checks that inherited names do not collide.
   *
   * @param info identifier and descriptive members
   * @param dtdlVersion the DTDL version the Interface is written in
   * @param bases the Interfaces it extends, in model order
   * @param ownContents the contents declared by this Interface, in model order
   * @param schemas the reusable schemas of its {@code schemas} member
   * @throws IllegalArgumentException if two contents (own or inherited) share a name
   */
  public Interface(ElementInfo info, DtdlVersion dtdlVersion, List<Interface> bases, List<Content> ownContents, List<Schema> schemas) {
    this.info = Objects.requireNonNull(info, "info");
    this.dtdlVersion = Objects.requireNonNull(dtdlVersion, "dtdlVersion");
    this.bases = List.copyOf(bases);
    this.ownContents = List.copyOf(ownContents);
    this.schemas = List.copyOf(schemas);
    Map<String, Content> all = new LinkedHashMap<>();
    Set<Dtmi> anc = new LinkedHashSet<>();
    anc.add(info.id());
    for (Interface b : this.bases) {
      anc.addAll(b.ancestors);
      for (Content c : b.contents.values()) put(all, c);
    }
    for (Content c : this.ownContents) put(all, c);
    this.contents = Collections.unmodifiableMap(all);
    this.ancestors = Collections.unmodifiableSet(anc);
    this.properties = ofKind(Property.class);
    this.telemetries = ofKind(Telemetry.class);
    this.relationships = ofKind(Relationship.class);
    this.components = ofKind(Component.class);
    this.commands = ofKind(Command.class);
  }

  private void put(Map<String, Content> all, Content c) {
    Content old = all.putIfAbsent(c.name(), c);
    if (old != null && !old.equals(c)) {
      throw new IllegalArgumentException("Interface " + info.id() + ": content name '" + c.name() + "' is declared twice ("
          + old.id() + " and " + c.id() + ")");
    }
  }

  @Override
  public ElementInfo info() {
    return info;
  }

  /** @return the DTDL version the Interface is written in */
  public DtdlVersion dtdlVersion() {
    return dtdlVersion;
  }

  /** @return the Interfaces named in {@code extends}, in model order */
  public List<Interface> bases() {
    return bases;
  }

  /** @return the contents this Interface declares itself, in model order */
  public List<Content> ownContents() {
    return ownContents;
  }

  /** @return all contents, inherited ones first, by name */
  public Map<String, Content> contents() {
    return contents;
  }

  /** @return the reusable schemas declared in this Interface's {@code schemas} */
  public List<Schema> schemas() {
    return schemas;
  }

  /** @return this Interface's id and the ids of every Interface it extends, directly or not */
  public Set<Dtmi> ancestors() {
    return ancestors;
  }

  /**
   * Tells whether this Interface is the given one or extends it, directly or not.
   *
   * @param model an Interface DTMI
   * @return whether a twin of this Interface is also of {@code model}
   */
  public boolean isA(Dtmi model) {
    return ancestors.contains(model);
  }

  /**
   * Finds a content (own or inherited) by name.
   *
   * @param name the content name
   * @return the content, if declared
   */
  public Optional<Content> content(String name) {
    return Optional.ofNullable(contents.get(name));
  }

  /** @return the Properties, own and inherited */
  public List<Property> properties() {
    return properties;
  }

  /** @return the Telemetries, own and inherited */
  public List<Telemetry> telemetries() {
    return telemetries;
  }

  /** @return the Relationships, own and inherited */
  public List<Relationship> relationships() {
    return relationships;
  }

  /** @return the Components, own and inherited */
  public List<Component> components() {
    return components;
  }

  /** @return the Commands, own and inherited */
  public List<Command> commands() {
    return commands;
  }

  private <T extends Content> List<T> ofKind(Class<T> kind) {
    List<T> out = new ArrayList<>();
    for (Content c : contents.values()) if (kind.isInstance(c)) out.add(kind.cast(c));
    return out.isEmpty() ? Collections.emptyList() : Collections.unmodifiableList(out);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof Interface)) return false;
    Interface that = (Interface) o;
    return info.equals(that.info) && dtdlVersion == that.dtdlVersion && bases.equals(that.bases)
        && ownContents.equals(that.ownContents) && schemas.equals(that.schemas);
  }

  @Override
  public int hashCode() {
    return Objects.hash(info.id(), dtdlVersion, ownContents.size());
  }

  /** Renders the id and counts only. */
  @Override
  public String toString() {
    return "Interface[" + info.id() + ", dtdl=" + dtdlVersion.number() + ", contents=" + contents.size()
        + ", extends=" + bases.size() + "]";
  }
}
