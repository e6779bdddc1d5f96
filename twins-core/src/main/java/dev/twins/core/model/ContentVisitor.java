package dev.twins.core.model;

/**
 * A function over the kinds of {@link Content}.
 *
 * @param <R> the result type
 */
public interface ContentVisitor<R> {
  /** @param c the content @return the result */
  R visitTelemetry(Telemetry c);

  /** @param c the content @return the result */
  R visitProperty(Property c);

  /** @param c the content @return the result */
  R visitCommand(Command c);

  /** @param c the content @return the result */
  R visitRelationship(Relationship c);

  /** @param c the content @return the result */
  R visitComponent(Component c);
}
