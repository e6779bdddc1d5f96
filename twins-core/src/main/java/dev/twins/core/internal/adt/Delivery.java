package dev.twins.core.internal.adt;

import dev.twins.core.adt.AdtFileError;
import dev.twins.core.adt.AdtFileException;
import dev.twins.core.adt.AdtFormat;
import dev.twins.core.adt.AdtRecordHandler;
import dev.twins.core.adt.ErrorPolicy;
import dev.twins.core.adt.FileHeader;
import dev.twins.core.adt.ReadSummary;
import dev.twins.core.adt.RelationshipRecord;
import dev.twins.core.adt.TwinRecord;
import dev.twins.core.model.ModelSource;
import java.util.List;
import java.util.Objects;

/**
 * Hands records to a handler for one read: applies the error policy, keeps the promise that the
 * models come once and before any twin or relationship, and counts what was delivered.
 */
public final class Delivery {
  private final String file;
  private final AdtRecordHandler handler;
  private final ErrorPolicy policy;
  private boolean modelsDelivered;
  private int models;
  private long twins;
  private long relationships;
  private long errors;

  /**
   * Starts a read.
   *
   * @param file the file name used in errors
   * @param handler the receiver
   * @param policy what to do after an error
   */
  public Delivery(String file, AdtRecordHandler handler, ErrorPolicy policy) {
    this.file = Objects.requireNonNull(file, "file");
    this.handler = Objects.requireNonNull(handler, "handler");
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /** @return the file name used in errors */
  public String file() {
    return file;
  }

  /**
   * Reports an error; under {@link ErrorPolicy#STOP} throws it afterwards.
   *
   * @param line the line, or 0
   * @param column the column, or 0
   * @param message the message
   * @throws AdtFileException under {@link ErrorPolicy#STOP}
   */
  public void error(int line, int column, String message) {
    AdtFileError e = new AdtFileError(file, line, column, message);
    errors++;
    handler.error(e);
    if (policy == ErrorPolicy.STOP) throw new AdtFileException(List.of(e));
  }

  /**
   * Delivers the header.
   *
   * @param header the header
   */
  public void header(FileHeader header) {
    handler.header(header);
  }

  /**
   * Delivers the model texts, if they have not been delivered yet.
   *
   * @param texts the texts
   */
  public void models(List<ModelSource> texts) {
    if (modelsDelivered) return;
    modelsDelivered = true;
    models = texts.size();
    handler.models(List.copyOf(texts));
  }

  /** @return whether {@link #models} has been called */
  public boolean modelsDelivered() {
    return modelsDelivered;
  }

  /**
   * Delivers a twin, after the models (an empty list if none were delivered yet).
   *
   * @param twin the twin
   */
  public void twin(TwinRecord twin) {
    if (!modelsDelivered) models(List.of());
    twins++;
    handler.twin(twin);
  }

  /**
   * Delivers a relationship, after the models (an empty list if none were delivered yet).
   *
   * @param relationship the relationship
   */
  public void relationship(RelationshipRecord relationship) {
    if (!modelsDelivered) models(List.of());
    relationships++;
    handler.relationship(relationship);
  }

  /**
   * Ends the read: delivers an empty model list if none was delivered, and sums up.
   *
   * @param format the format read
   * @return the summary
   */
  public ReadSummary finish(AdtFormat format) {
    if (!modelsDelivered) models(List.of());
    return new ReadSummary(format, models, twins, relationships, errors);
  }
}
