package dev.twins.query;

/**
 * Something a query built in Java can select: a {@link TwinAlias}, a {@link RelationshipAlias}, an
 * {@link Operand} (property, aggregate, function), a {@link Criterion}, or any of them named with
 * {@code as(...)}.
 */
public sealed interface Selectable permits TwinAlias, RelationshipAlias, Operand, Criterion, Operand.Projected {}
