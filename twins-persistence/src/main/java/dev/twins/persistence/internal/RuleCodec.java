package dev.twins.persistence.internal;

import dev.twins.core.telemetry.Aggregate;
import dev.twins.core.telemetry.Derivation;
import dev.twins.core.telemetry.Rule;
import java.nio.ByteBuffer;

/**
 * The payload of a rules record (see docs/formats.md): a change of a telemetry hub's rules, with
 * the rule written down declaratively. A {@link Rule.FromTelemetry} rule is recorded by its
 * derivation's {@link Derivation#spec() spec}; one whose derivation is a lambda cannot be recorded.
 */
final class RuleCodec {
  private RuleCodec() {}

  /** Op byte: the rule was added. */
  static final int ADD = 1;
  /** Op byte: the rule was removed. */
  static final int REMOVE = 2;

  private static final int FROM_TELEMETRY = 1;
  private static final int FROM_RELATED = 2;

  /** A decoded rules record. */
  record Change(boolean added, Rule rule) {}

  /**
   * Says why a rule cannot be recorded, if it cannot.
   *
   * @param rule the rule
   * @return the problem, or null when it can be recorded
   */
  static String problem(Rule rule) {
    if (rule instanceof Rule.FromTelemetry t && t.derivation().spec().isEmpty()) {
      return "a durable store records rules declaratively, and the derivation of " + rule + " is code (a lambda) "
          + "without a spec; use one of Derivation's factories (last, mean, runLongerThan, ...), or add the rule "
          + "to a hub that is not durable";
    }
    return null;
  }

  /**
   * Encodes a change.
   *
   * @param added whether the rule is added (else removed)
   * @param rule the rule, which must have no {@link #problem}
   * @param out the buffer
   */
  static void encode(boolean added, Rule rule, Bytes out) {
    out.u8(added ? ADD : REMOVE);
    if (rule instanceof Rule.FromTelemetry t) {
      out.u8(FROM_TELEMETRY);
      out.string(t.model());
      out.string(t.property());
      out.string(t.telemetry());
      out.string(t.derivation().spec().orElseThrow(() -> new IllegalArgumentException(problem(rule))));
    } else {
      Rule.FromRelated r = (Rule.FromRelated) rule;
      out.u8(FROM_RELATED);
      out.string(r.model());
      out.string(r.property());
      out.string(r.relationship());
      out.u8(r.source().telemetry() ? 1 : 0);
      out.string(r.source().name());
      out.string(r.aggregate().name());
    }
  }

  /**
   * Decodes a change.
   *
   * @param payload the payload
   * @return the change
   * @throws IllegalArgumentException if the payload cannot be read
   */
  static Change decode(ByteBuffer payload) {
    Bytes.Reader in = new Bytes.Reader(payload.duplicate());
    int op = in.u8();
    if (op != ADD && op != REMOVE) throw new IllegalArgumentException("unknown rules operation " + op);
    int kind = in.u8();
    Rule rule;
    switch (kind) {
      case FROM_TELEMETRY:
        rule = Rule.fromTelemetry(in.string(), in.string(), in.string(), Derivation.parse(in.string()));
        break;
      case FROM_RELATED: {
        String model = in.string();
        String property = in.string();
        String relationship = in.string();
        boolean telemetry = in.u8() != 0;
        String name = in.string();
        rule = Rule.fromRelated(model, property, relationship, new Rule.Source(telemetry, name),
            Aggregate.valueOf(in.string()));
        break;
      }
      default:
        throw new IllegalArgumentException("unknown kind of rule " + kind);
    }
    return new Change(op == ADD, rule);
  }
}
