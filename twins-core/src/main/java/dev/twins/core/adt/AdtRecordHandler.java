package dev.twins.core.adt;

import dev.twins.core.model.ModelSource;
import java.util.List;

/**
 * Receives what a reader of ADT files finds, in this order: the header, then the model texts
 * (once, all together), then twins and relationships in file order, with errors wherever they
 * occur. Every method does nothing by default; override the ones you need.
 *
 * <p>The order guarantee matters because models must all be known before twins are checked
 * against them: {@link #models} is called exactly once per read, before the first
 * {@link #twin} or {@link #relationship}, so a handler can parse the models there with
 * {@code ModelParser.defaults().parse(models)}. Bulk-import files put their Models section before
 * Twins and Relationships, as ADT requires; Explorer files usually put
 * {@code digitalTwinsModels} after the graph, and the reader then makes a first pass over the
 * file for the models.
 *
 * <p>Twins and relationships come in file order. Both formats put all twins before all
 * relationships (ADT needs a relationship's twins to exist), but the readers do not reorder: a
 * bulk-import file with a Twins section after its Relationships section is reported and its twins
 * still delivered after those relationships.
 *
 * <p>A handler may throw; the exception ends the read and reaches the caller unchanged.
 */
public interface AdtRecordHandler {
  /**
   * Receives the file header, at most once, before everything else.
   *
   * @param header the header
   */
  default void header(FileHeader header) {}

  /**
   * Receives every model text of the file, once, before the first twin or relationship.
   *
   * @param models the texts in file order, each one Interface (bulk-import lines are named
   *     {@code file:line}, Explorer array elements {@code file#/digitalTwinsModels/i}, a plain
   *     DTDL file by its path); empty when the file has none
   */
  default void models(List<ModelSource> models) {}

  /**
   * Receives one twin.
   *
   * @param twin the twin and its line
   */
  default void twin(TwinRecord twin) {}

  /**
   * Receives one relationship, with {@code $sourceId} whatever the format.
   *
   * @param relationship the relationship and its line
   */
  default void relationship(RelationshipRecord relationship) {}

  /**
   * Receives a bad record or structural problem. The record is not delivered otherwise. Under
   * {@link ErrorPolicy#STOP} the read then ends with an {@link AdtFileException}.
   *
   * @param error the problem
   */
  default void error(AdtFileError error) {}
}
