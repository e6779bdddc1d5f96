package dev.twins.core.adt;

import dev.twins.core.model.ModelSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes an ADT file as a stream: models first, then twins, then relationships, each record as
 * soon as it is given. Made by {@link AdtFiles#bulkImportWriter} (Import Jobs NDJSON) and
 * {@link AdtFiles#explorerWriter} (Explorer JSON).
 *
 * <p>Records must come in that order, because ADT needs the models before the twins that use
 * them and the twins before the relationships between them; a model after a twin, or a twin
 * after a relationship, is refused. {@link #close()} finishes the file (writing any empty
 * sections the format needs) and closes the target. Not thread-safe.
 *
 * <pre>{@code
 * try (AdtWriter w = AdtFiles.bulkImportWriter(Files.newBufferedWriter(path))) {
 *   w.models(sources).twins(twins).relationships(relationships);
 * }
 * }</pre>
 */
public interface AdtWriter extends AutoCloseable {
  /**
   * Writes the Interfaces of a DTDL text.
   *
   * @param json one Interface object, or a JSON array of them
   * @return this writer
   * @throws IllegalArgumentException if the text is not JSON, or not an object or array of objects
   * @throws IllegalStateException if a twin or relationship was already written, or after close
   * @throws java.io.UncheckedIOException if writing fails
   */
  AdtWriter model(String json);

  /**
   * Writes the Interfaces of a DTDL tree.
   *
   * @param json one Interface object, or an array of them
   * @return this writer
   * @throws IllegalArgumentException if the tree is not an object or array of objects
   * @throws IllegalStateException if a twin or relationship was already written, or after close
   * @throws java.io.UncheckedIOException if writing fails
   */
  AdtWriter model(JsonNode json);

  /**
   * Writes one twin as given (including {@code $etag} and {@code $metadata} if present).
   *
   * @param twin twin JSON with {@code $dtId} and {@code $metadata.$model}
   * @return this writer
   * @throws IllegalArgumentException if {@code $dtId} or {@code $metadata.$model} is missing
   * @throws IllegalStateException if a relationship was already written, or after close
   * @throws java.io.UncheckedIOException if writing fails
   */
  AdtWriter twin(ObjectNode twin);

  /**
   * Writes one relationship. A bulk-import writer puts the source id in {@code $dtId}, as ADT
   * expects there; an Explorer writer keeps {@code $sourceId}.
   *
   * @param relationship relationship JSON of the ADT API: {@code $relationshipId},
   *     {@code $sourceId}, {@code $targetId}, {@code $relationshipName}, properties
   * @return this writer
   * @throws IllegalArgumentException if one of those four members is missing, or the JSON also has
   *     {@code $dtId}
   * @throws IllegalStateException after close
   * @throws java.io.UncheckedIOException if writing fails
   */
  AdtWriter relationship(ObjectNode relationship);

  /**
   * Writes every model text, in order (e.g. the texts a reader delivered).
   *
   * @param sources the texts
   * @return this writer
   * @throws IllegalArgumentException if a text is not an Interface object or array of them
   * @throws IllegalStateException if a twin or relationship was already written, or after close
   * @throws java.io.UncheckedIOException if writing fails
   */
  default AdtWriter models(Iterable<ModelSource> sources) {
    for (ModelSource s : sources) model(s.text());
    return this;
  }

  /**
   * Writes every twin, in order; a {@code Stream} is passed as {@code stream::iterator}.
   *
   * @param twins twin JSON objects
   * @return this writer
   * @throws IllegalArgumentException as {@link #twin}
   * @throws IllegalStateException as {@link #twin}
   * @throws java.io.UncheckedIOException if writing fails
   */
  default AdtWriter twins(Iterable<? extends ObjectNode> twins) {
    for (ObjectNode t : twins) twin(t);
    return this;
  }

  /**
   * Writes every relationship, in order; a {@code Stream} is passed as {@code stream::iterator}.
   *
   * @param relationships relationship JSON objects with {@code $sourceId}
   * @return this writer
   * @throws IllegalArgumentException as {@link #relationship}
   * @throws IllegalStateException after close
   * @throws java.io.UncheckedIOException if writing fails
   */
  default AdtWriter relationships(Iterable<? extends ObjectNode> relationships) {
    for (ObjectNode r : relationships) relationship(r);
    return this;
  }

  /**
   * Finishes the file and closes the target. Calling it again does nothing.
   *
   * @throws java.io.UncheckedIOException if writing fails
   */
  @Override
  void close();
}
