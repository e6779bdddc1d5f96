/**
 * Implementation of {@code dev.twins.core.adt}, not exported: the line splitter and reader of
 * bulk-import NDJSON, the streaming reader of Explorer JSON, the format detector, and the two
 * writers.
 */
package dev.twins.core.internal.adt;
