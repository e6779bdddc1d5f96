/**
 * Implementation of {@code dev.twins.core.series}, not exported: {@link
 * dev.twins.core.internal.series.Column}, the time-ordered store of one series (closed compressed
 * blocks and an open block of plain arrays, with retention), the block codecs, and the series of
 * each kind with their window functions.
 */
package dev.twins.core.internal.series;
