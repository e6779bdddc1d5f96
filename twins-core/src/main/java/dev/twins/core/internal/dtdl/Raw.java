package dev.twins.core.internal.dtdl;

import dev.twins.core.model.LocalizedText;
import dev.twins.core.model.PrimitiveSchema;
import dev.twins.core.model.Quantity;
import dev.twins.core.model.Schema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A DTDL element as read from its text, before the model set is resolved. Mutable, parser-private. */
final class Raw {
  final String cls;
  final Node node;
  final String source;
  final Context ctx;
  String id;
  boolean explicitId;
  Raw partition;

  LocalizedText displayName = LocalizedText.EMPTY;
  LocalizedText description = LocalizedText.EMPTY;
  String comment = "";
  final Set<String> coTypes = new LinkedHashSet<>();
  final Map<String, Node> other = new LinkedHashMap<>();
  boolean informal;

  String name;
  Node nameNode;
  Ref schema;
  Quantity quantity;
  Node unitNode;
  boolean numericRequired;
  /** Co-types defined by an extension, with the context that defines each. */
  final Map<String, String> adjunctContexts = new LinkedHashMap<>();

  // Interface
  final List<Ref> bases = new ArrayList<>();
  final List<Raw> contents = new ArrayList<>();
  final List<Raw> schemas = new ArrayList<>();
  int textBytes;

  // Property, Relationship
  boolean writable;
  // Relationship
  String target;
  int minMultiplicity;
  Integer maxMultiplicity;
  final List<Raw> properties = new ArrayList<>();
  // Command
  Raw request;
  Raw response;
  boolean nullable;
  // Enum
  PrimitiveSchema valueSchema;
  final List<Raw> enumValues = new ArrayList<>();
  Object enumValue;
  Node enumValueNode;
  // Map
  Raw mapKey;
  Raw mapValue;
  // Object
  final List<Raw> fields = new ArrayList<>();

  // resolution results
  Schema built;
  boolean building;

  Raw(String cls, Node node, String source, Context ctx) {
    this.cls = cls;
    this.node = node;
    this.source = source;
    this.ctx = ctx;
  }

  boolean isInterface() {
    return cls.equals("Interface");
  }

  boolean isComplexSchema() {
    return cls.equals("Array") || cls.equals("Enum") || cls.equals("Map") || cls.equals("Object");
  }

  /** A reference to an element: a DTMI written in the text, an inline element, or a standard schema. */
  static final class Ref {
    final String dtmi;
    final Raw inline;
    final Schema standard;
    final Node node;

    private Ref(String dtmi, Raw inline, Schema standard, Node node) {
      this.dtmi = dtmi;
      this.inline = inline;
      this.standard = standard;
      this.node = node;
    }

    static Ref dtmi(String dtmi, Node node) {
      return new Ref(dtmi, null, null, node);
    }

    static Ref inline(Raw raw) {
      return new Ref(null, raw, null, raw.node);
    }

    static Ref standard(Schema schema, Node node) {
      return new Ref(null, null, schema, node);
    }
  }

  @Override
  public String toString() {
    return cls + "[" + id + "]";
  }
}
