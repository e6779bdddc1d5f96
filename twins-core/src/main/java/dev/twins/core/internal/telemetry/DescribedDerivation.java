package dev.twins.core.internal.telemetry;

import dev.twins.core.telemetry.Derivation;
import dev.twins.core.telemetry.Readings;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** A derivation made by one of {@link Derivation}'s factories: its computation and its spec, by which it is equal. */
public final class DescribedDerivation implements Derivation {
  private final String spec;
  private final Derivation body;

  /**
   * Creates the derivation.
   *
   * @param spec the spec, as {@link Derivation#parse} reads it
   * @param body the computation
   */
  public DescribedDerivation(String spec, Derivation body) {
    this.spec = spec;
    this.body = body;
  }

  @Override
  public Optional<JsonNode> derive(Readings readings) {
    return body.derive(readings);
  }

  @Override
  public Optional<String> spec() {
    return Optional.of(spec);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DescribedDerivation && ((DescribedDerivation) o).spec.equals(spec);
  }

  @Override
  public int hashCode() {
    return spec.hashCode();
  }

  @Override
  public String toString() {
    return spec;
  }
}
