/**
 * Reads of a twin snapshot's values without making JSON nodes, for the query executor of Twins.
 * Exported to {@code dev.twins.query} only (a qualified export in {@code module-info}): not an API
 * of Twins, and it may change with any release.
 */
package dev.twins.core.read;
