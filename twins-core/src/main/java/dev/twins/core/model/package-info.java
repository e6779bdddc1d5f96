/**
 * DTDL models: parsing, validation and the resolved object model.
 *
 * <p>A tour: {@link dev.twins.core.model.ModelParser} reads DTDL JSON texts as one model set and
 * returns {@link dev.twins.core.model.Models}, or throws a {@link dev.twins.core.model.ModelException}
 * listing every {@link dev.twins.core.model.ModelError} with its stable
 * {@link dev.twins.core.model.ErrorCode}, source, line and JSON pointer. An
 * {@link dev.twins.core.model.Interface} exposes its own and inherited
 * {@link dev.twins.core.model.Content}s (Telemetry, Property, Command, Relationship, Component);
 * values have a {@link dev.twins.core.model.Schema}, which can check any JSON value with
 * {@link dev.twins.core.model.Schema#validate}.
 *
 * <p>{@link dev.twins.core.model.ModelBuilder} defines models in Java (with schemas from
 * {@link dev.twins.core.model.Schemas}) and runs them through the same parser, and
 * {@link dev.twins.core.model.ModelWriter} writes Interfaces and model sets back out as DTDL JSON
 * that parses to equal objects.
 */
package dev.twins.core.model;
