package dev.twins.persistence;

/** The formats {@link GraphFiles#export} writes. */
public enum ExportFormat {
  /** Azure Digital Twins bulk-import NDJSON (Header, Models, Twins, Relationships sections); re-importable. */
  NDJSON,
  /** One JSON document with models, twins and relationships in ADT's shapes (ADT Explorer's format); re-importable. */
  JSON,
  /** Graphviz DOT: twins as nodes labelled with their ids, relationships as edges labelled with their names. */
  DOT,
  /** GraphML: twins and relationships with their model, name and properties as attributes. */
  GRAPHML
}
