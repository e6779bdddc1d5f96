package dev.twins.core.internal.graph;

import dev.twins.core.graph.JsonPatch;
import tools.jackson.databind.node.ObjectNode;

/** Placeholder until the JSON Patch engine lands. */
public final class PatchApplier {
  private PatchApplier() {}

  /**
   * Applies a patch.
   *
   * @param document the document
   * @param patch the patch
   * @return the new document
   */
  public static ObjectNode apply(ObjectNode document, JsonPatch patch) {
    throw new UnsupportedOperationException("not yet " + document.size() + patch);
  }
}
