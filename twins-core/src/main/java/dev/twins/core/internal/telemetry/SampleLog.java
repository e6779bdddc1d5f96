package dev.twins.core.internal.telemetry;

import tools.jackson.databind.JsonNode;

/** Where a slot keeps its history: a series, or nothing when series are off. Called under the twin's monitor. */
interface SampleLog {
  /** Keeps no history. */
  SampleLog NONE = new SampleLog() {
    @Override
    public void append(long t, double v) {}

    @Override
    public void append(long t, JsonNode v) {}
  };

  /** Adds a number (booleans as 1 and 0) at its source time, in time order even when late. */
  void append(long t, double v);

  /** Adds a JSON value at its source time. */
  void append(long t, JsonNode v);
}
