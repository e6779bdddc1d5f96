/**
 * Implementation of the twin graph (not exported): applying JSON Patches copy-on-write
 * ({@link dev.twins.core.internal.graph.PatchApplier}) and JSON pointer helpers
 * ({@link dev.twins.core.internal.graph.JsonPointers}).
 */
package dev.twins.core.internal.graph;
