/**
 * The query language of Twins: every query of Azure Digital Twins with its meaning, plus
 * ordering, grouping and aggregates, optional relations, parameters, time and geo functions, as
 * text or as a Java DSL, validated against the models, planned over the graph's indexes and run
 * under limits.
 *
 * <p>Entry points: {@link dev.twins.query.QueryEngine} and {@link dev.twins.query.Queries}.
 */
module dev.twins.query {
  requires transitive dev.twins.core;
  requires com.github.benmanes.caffeine;

  exports dev.twins.query;
}
