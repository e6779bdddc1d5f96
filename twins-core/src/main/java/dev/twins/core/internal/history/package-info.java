/**
 * Implementation of {@code dev.twins.core.history}, not exported: the {@link
 * dev.twins.core.internal.history.HistoryRecorder} that listens to a graph's change events, and
 * one {@code Track} per twin and property over a series of the telemetry store.
 */
package dev.twins.core.internal.history;
