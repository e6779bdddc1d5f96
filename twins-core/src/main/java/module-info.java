/**
 * Twins core: DTDL models and their validation, and (in later releases) the twin graph,
 * twin state, telemetry and series.
 *
 * <p>Entry point for models: {@link dev.twins.core.model.ModelParser}; for Azure Digital Twins
 * bulk-import and Explorer files: {@link dev.twins.core.adt.AdtFiles}.
 */
@SuppressWarnings("module") // the qualified exports name modules built later
module dev.twins.core {
  requires transitive tools.jackson.databind;
  requires transitive org.jgrapht.core;
  requires commons.math3;

  exports dev.twins.core;
  exports dev.twins.core.adt;
  exports dev.twins.core.device;
  exports dev.twins.core.graph;
  exports dev.twins.core.history;
  exports dev.twins.core.model;
  exports dev.twins.core.read to dev.twins.query;
  exports dev.twins.core.series;
  exports dev.twins.core.telemetry;
  // the compact state of twins and relationships, for snapshot records only
  exports dev.twins.core.internal.snapshot to dev.twins.persistence;
}
