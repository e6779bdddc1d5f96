/**
 * The query language of Twins.
 *
 * <p>A tour:
 *
 * <ul>
 *   <li>{@link dev.twins.query.QueryEngine} runs queries over one {@link dev.twins.core.graph.Twins}
 *       graph: {@code engine.query(text, params)}, {@code engine.explain(text)}; configured with
 *       {@link dev.twins.query.QueryLimits}, strict or lenient validation, a series store, and
 *       functions registered from Java ({@link dev.twins.query.QueryFunction}).
 *   <li>{@link dev.twins.query.Query} is a parsed query; it prints as canonical text and equals
 *       another with the same tree. {@link dev.twins.query.Queries} builds the same queries in Java
 *       with typed steps ({@link dev.twins.query.TwinAlias}, {@link dev.twins.query.RelationshipAlias},
 *       {@link dev.twins.query.PropertyKey}, {@link dev.twins.query.Operand},
 *       {@link dev.twins.query.Criterion}, {@link dev.twins.query.MatchPattern}).
 *   <li>{@link dev.twins.query.QueryResult} and {@link dev.twins.query.QueryRow} hold the rows in the
 *       shapes of Azure Digital Twins.
 *   <li>{@link dev.twins.query.QueryException} (validation, with line and column when the query
 *       came from text), {@link dev.twins.query.QuerySyntaxException} and
 *       {@link dev.twins.query.QueryLimitException} are what can go wrong.
 * </ul>
 *
 * <p>Goals: every query of Azure Digital Twins with its meaning; what ADT lacks (ordering,
 * grouping, aggregates, optional relations, parameters, time and geo functions); validation that
 * names the unknown and suggests the known; plans that use the graph's indexes and adjacency.
 * Non-goals: subqueries, writes (UPDATE/DELETE), and cost-based join reordering beyond the choice
 * of the starting alias.
 */
package dev.twins.query;
