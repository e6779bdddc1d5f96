package dev.twins.core.model;

/**
 * The stable codes of model errors. Codes never change meaning between releases; new rules get
 * new codes. Each constant documents the rule it stands for.
 */
public enum ErrorCode {
  // ---- input and JSON ----
  /** A file or directory could not be read. */
  IO_ERROR,
  /** No model text was given: no inputs, or a directory without {@code .json} files. */
  NO_MODELS,
  /** The input is empty or only white space. */
  EMPTY_INPUT,
  /** The input is not well-formed JSON. */
  JSON_SYNTAX,
  /** The JSON nests deeper than the parser accepts. */
  JSON_TOO_DEEP,
  /** The document root is neither an object nor an array of objects. */
  ROOT_NOT_OBJECT,
  /** A top-level element is not an Interface. */
  TOP_LEVEL_NOT_INTERFACE,

  // ---- context ----
  /** A top-level element has no {@code @context}. */
  CONTEXT_MISSING,
  /** An {@code @context} value is not a string or array of versioned DTMI strings. */
  CONTEXT_INVALID,
  /** The DTDL context names a DTDL version that is not supported (2, 3 and 4 are). */
  CONTEXT_VERSION_UNSUPPORTED,
  /** The DTDL context does not come before the extension contexts. */
  CONTEXT_ORDER,
  /** An extension context is not known and undefined extensions are not allowed. */
  CONTEXT_EXTENSION_UNKNOWN,
  /** An extension context cannot be used with the DTDL version of the element. */
  CONTEXT_EXTENSION_VERSION,

  // ---- @type, members ----
  /** A required {@code @type} is missing. */
  TYPE_MISSING,
  /** {@code @type} is not a string or array of strings, or names no DTDL class. */
  TYPE_INVALID,
  /** The {@code @type} names a class that is not allowed in this place. */
  TYPE_NOT_ALLOWED,
  /** A co-type is not defined by DTDL or by an extension in the active context. */
  COTYPE_UNDEFINED,
  /** A co-type is defined but cannot be applied to this kind of element. */
  COTYPE_NOT_APPLICABLE,
  /** A member is not defined for this kind of element in the active context. */
  MEMBER_UNKNOWN,
  /** A required member is missing. */
  MEMBER_REQUIRED,
  /** A member's value has the wrong JSON type or form. */
  MEMBER_TYPE,
  /** A member starting with {@code @} other than {@code @context}, {@code @id}, {@code @type}. */
  MEMBER_RESERVED,
  /** The same member is written both as a term and as a DTMI. */
  MEMBER_DUPLICATE_FORM,
  /** A literal value is out of the allowed range or set. */
  VALUE_INVALID,

  // ---- identifiers and names ----
  /** A DTMI does not follow the DTMI syntax. */
  DTMI_INVALID,
  /** A DTMI is longer than allowed (Interface 128, other elements 2048, any DTMI 4096). */
  DTMI_TOO_LONG,
  /** An {@code @id} uses a reserved prefix ({@code dtmi:dtdl:} or {@code dtmi:standard:}). */
  DTMI_RESERVED,
  /** A DTMI version is not allowed for this DTDL version (v2 requires a one-part version). */
  DTMI_VERSION,
  /** Two elements of the model have the same {@code @id}. */
  ID_DUPLICATE,
  /** A {@code name} does not follow the name syntax. */
  NAME_INVALID,
  /** A {@code name} is longer than allowed (v2 64, v3 512). */
  NAME_TOO_LONG,
  /** Two siblings have the same name (contents incl. inherited, fields, enum values, properties). */
  NAME_DUPLICATE,
  /** Two enum values of one Enum have the same {@code enumValue}. */
  ENUM_VALUE_DUPLICATE,
  /** A comment, description or display name is longer than allowed. */
  STRING_TOO_LONG,
  /** A language tag of a localizable string is invalid or repeated. */
  LANGUAGE_TAG_INVALID,

  // ---- limits ----
  /** The JSON text of one Interface is larger than 1 MiB (v3 and later). */
  INTERFACE_TOO_LARGE,
  /** An Interface has more than 100,000 elements in its contents hierarchy (v3 and later). */
  TOO_MANY_ELEMENTS,
  /** A v2 Interface has more than 300 contents, inherited ones included. */
  TOO_MANY_CONTENTS,
  /** A count limit on enum values, fields or relationship properties is broken (v2). */
  COUNT_LIMIT,

  // ---- extends ----
  /** An {@code extends} set is too large (v2: 2 per set; v3: 1024 in the hierarchy). */
  EXTENDS_TOO_MANY,
  /** The {@code extends} hierarchy is deeper than allowed (10; 12 in v4). */
  EXTENDS_TOO_DEEP,
  /** An Interface extends itself, directly or through others. */
  EXTENDS_CYCLE,
  /** {@code extends} names something that is not an Interface. */
  EXTENDS_NOT_INTERFACE,
  /** An Interface extends or uses as component an Interface of a newer DTDL version. */
  DTDL_VERSION_MIX,

  // ---- schemas ----
  /** A {@code schema} value names no schema, or names an element that is not a schema. */
  SCHEMA_INVALID,
  /** A schema is referenced by id from outside the Interface whose {@code schemas} define it. */
  SCHEMA_NOT_REFERENCEABLE,
  /** Complex schemas nest deeper than allowed (5; 8 in v4). */
  SCHEMA_TOO_DEEP,
  /** A complex schema refers back to itself (allowed from v4 on). */
  SCHEMA_SELF_REFERENCE,
  /** A v2 Property schema contains an Array or a geospatial schema. */
  SCHEMA_ARRAY_IN_PROPERTY,
  /** An Enum's {@code valueSchema} is not integer or string, or an {@code enumValue} does not fit it. */
  ENUM_SCHEMA,
  /** A MapKey's schema is not string. */
  MAP_KEY_SCHEMA,

  // ---- components and relationships ----
  /** A Component's schema is not an Interface. */
  COMPONENT_SCHEMA_NOT_INTERFACE,
  /** The Interface of a Component contains a Component itself. */
  COMPONENT_NESTED,
  /** {@code minMultiplicity} is not 0, or {@code maxMultiplicity} is out of range. */
  MULTIPLICITY,

  // ---- semantic types, units and extensions ----
  /** A semantic type is present without a {@code unit}. */
  UNIT_REQUIRED,
  /** A {@code unit} is not a unit of the semantic type's unit type, or has no semantic type. */
  UNIT_INVALID,
  /**
   * A co-type requires a kind of schema that the element does not have: numeric for semantic
   * types, an Enum for IoT Central's State, an Object for MQTT's Transparent, and so on.
   */
  SEMANTIC_TYPE_SCHEMA,
  /**
   * {@code annotates} does not name another Property or Telemetry of the same Interface. Reported
   * as a warning ({@link Models#warnings()}), not an error: real ontologies contain such
   * annotations and the reference tooling loads them.
   */
  ANNOTATES_INVALID,
  /** {@code overrides} is invalid: no ValueAnnotation, no such property, or the schema does not match. */
  OVERRIDES_INVALID,

  // ---- completeness ----
  /** A dependent reference names a DTMI that no input or resolver defines. */
  UNRESOLVED_REFERENCE;
}
