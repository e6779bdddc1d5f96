/**
 * Implementation of the query language: {@link dev.twins.query.internal.Lexer},
 * {@link dev.twins.query.internal.Parser} and {@link dev.twins.query.internal.Printer} over the
 * syntax tree {@link dev.twins.query.internal.Ast}; {@link dev.twins.query.internal.Compiler}
 * (validation and planning) and {@link dev.twins.query.internal.Executor}. Not exported.
 */
package dev.twins.query.internal;
