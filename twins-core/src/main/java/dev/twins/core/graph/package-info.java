/**
 * The twin graph: twins, relationships and the updates that change them.
 *
 * <p>A tour: updates to twins and relationships are {@link dev.twins.core.graph.JsonPatch}es
 * (RFC 6902, restricted to the {@code add}, {@code replace} and {@code remove} that Azure Digital
 * Twins accepts, plus {@code test}), built with {@link dev.twins.core.graph.JsonPatch#builder()} or
 * read with {@link dev.twins.core.graph.JsonPatch#parse}; a patch that is malformed or cannot be
 * applied raises a {@link dev.twins.core.graph.PatchException} that names the operation and the
 * location.
 */
package dev.twins.core.graph;
