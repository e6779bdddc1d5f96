package dev.twins.query.internal;

import dev.twins.core.graph.Twin;
import dev.twins.core.model.Dtmi;
import java.util.Set;

/**
 * {@code IS_OF_MODEL(alias, ...)}: whether a twin's model is one of a set. The graph gives the twins
 * of a model one shared {@link Dtmi}, so references are compared before hashing; over a batch,
 * every row's model is read first (the twins' memory reads overlap), then compared.
 */
final class ModelFilter implements Eval {
  private final int slot;
  private final Set<Dtmi> models;
  private final Dtmi[] list;

  ModelFilter(int slot, Set<Dtmi> models) {
    this.slot = slot;
    this.models = models;
    this.list = models.toArray(new Dtmi[0]);
  }

  @Override
  public Object eval(Object[] row, Run ctx) {
    Object t = row[slot];
    if (!(t instanceof Twin)) return Values.UNDEFINED;
    return matches(((Twin) t).model());
  }

  private boolean matches(Dtmi m) {
    for (Dtmi x : list) if (x == m) return true;
    return models.contains(m);
  }

  /**
   * Keeps the rows whose twin is of one of the models, in order.
   *
   * @param rows the rows; the kept ones are moved to the front
   * @param n how many rows
   * @return how many are kept
   */
  int filter(Object[][] rows, int n) {
    Dtmi[] of = new Dtmi[n];
    for (int k = 0; k < n; k++) {
      Object t = rows[k][slot];
      if (t instanceof Twin) of[k] = ((Twin) t).model();
    }
    int kept = 0;
    for (int k = 0; k < n; k++) if (of[k] != null && matches(of[k])) rows[kept++] = rows[k];
    return kept;
  }
}
