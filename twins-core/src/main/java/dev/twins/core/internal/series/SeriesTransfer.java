package dev.twins.core.internal.series;

import dev.twins.core.series.Series;
import dev.twins.core.series.SeriesBlocks;
import dev.twins.core.series.SeriesKind;
import java.util.List;

/** Takes the live samples out of a series with its closed blocks as they are, and puts them back ({@link SeriesBlocks}). */
public final class SeriesTransfer {
  private SeriesTransfer() {}

  private static AbstractSeries own(Series s) {
    if (!(s instanceof AbstractSeries)) {
      throw new IllegalArgumentException("not a series made by Twins: " + s.getClass().getName());
    }
    return (AbstractSeries) s;
  }

  /**
   * Exports a series' live samples.
   *
   * @param series the series
   * @return its contents
   * @throws IllegalArgumentException if the series was not made by Twins
   */
  public static SeriesBlocks.Contents export(Series series) {
    AbstractSeries a = own(series);
    synchronized (a.column) {
      List<String> dictionary = a instanceof StringSeriesImpl ? ((StringSeriesImpl) a).dictionaryCopy() : List.of();
      return a.column.export(series.kind(), dictionary);
    }
  }

  /**
   * Fills an empty series.
   *
   * @param series the series
   * @param c the contents
   * @throws IllegalArgumentException if the series is not empty or not of the kind, or the contents
   *     are inconsistent
   */
  public static void restore(Series series, SeriesBlocks.Contents c) {
    AbstractSeries a = own(series);
    if (series.kind() != c.kind()) {
      throw new IllegalArgumentException("the series holds " + series.kind() + " values, the contents "
          + c.kind());
    }
    long limit;
    switch (c.kind()) {
      case BOOLEAN:
        limit = 2;
        break;
      case STRING:
        limit = c.dictionary().size();
        break;
      default:
        limit = -1;
    }
    if (c.kind() != SeriesKind.STRING && !c.dictionary().isEmpty()) {
      throw new IllegalArgumentException("only series of strings have a dictionary");
    }
    synchronized (a.column) {
      if (a instanceof StringSeriesImpl && !((StringSeriesImpl) a).dictionaryEmpty()) {
        throw new IllegalArgumentException("a series can only be restored when it is empty");
      }
      if (new java.util.HashSet<>(c.dictionary()).size() != c.dictionary().size()) {
        throw new IllegalArgumentException("the dictionary holds a value twice");
      }
      a.column.restore(c.head(), c.blocks(), c.tail(), limit);
      if (a instanceof StringSeriesImpl) {
        ((StringSeriesImpl) a).restoreDictionary(c.dictionary());
      }
    }
  }
}
