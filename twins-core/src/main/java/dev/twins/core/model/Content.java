package dev.twins.core.model;

/** A member of an Interface's {@code contents}: Telemetry, Property, Command, Relationship or Component. */
public sealed interface Content extends NamedElement permits Telemetry, Property, Command, Relationship, Component {
  /**
   * Calls the visitor method for this kind of content.
   *
   * @param visitor the visitor
   * @param <R> the result type
   * @return what the visitor returns
   */
  <R> R accept(ContentVisitor<R> visitor);
}
