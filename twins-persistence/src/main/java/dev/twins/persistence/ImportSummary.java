package dev.twins.persistence;

import dev.twins.core.adt.AdtFileError;
import java.util.List;

/**
 * What {@link GraphFiles#importFiles} did.
 *
 * @param modelsAdded how many models were new to the store
 * @param twinsCreated how many twins were created
 * @param relationshipsCreated how many relationships were created
 * @param errors the records refused (file, line and reason); empty when everything was imported
 */
public record ImportSummary(int modelsAdded, long twinsCreated, long relationshipsCreated, List<AdtFileError> errors) {
  /** Copies the list. */
  public ImportSummary {
    errors = List.copyOf(errors);
  }

  /** @return whether nothing was refused */
  public boolean ok() {
    return errors.isEmpty();
  }

  /** Renders the counts, e.g. {@code ImportSummary[models=4, twins=9, relationships=8, errors=0]}. */
  @Override
  public String toString() {
    return "ImportSummary[models=" + modelsAdded + ", twins=" + twinsCreated + ", relationships=" + relationshipsCreated
        + ", errors=" + errors.size() + "]";
  }
}
