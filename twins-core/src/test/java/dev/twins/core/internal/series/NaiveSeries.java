package dev.twins.core.internal.series;

import dev.twins.core.series.Retention;
import java.util.ArrayList;
import java.util.List;

/** The obvious model of a retention-bounded series: a sorted list, trimmed at the head. */
final class NaiveSeries {
  record Sample(long time, double value) {}

  final List<Sample> samples = new ArrayList<>();
  private final Retention retention;
  private long newest = Long.MIN_VALUE;

  NaiveSeries(Retention retention) {
    this.retention = retention;
  }

  private long cutoff() {
    if (retention.maxAgeMillis() == Long.MAX_VALUE || newest == Long.MIN_VALUE) {
      return Long.MIN_VALUE;
    }
    long c = newest - retention.maxAgeMillis();
    return c > newest ? Long.MIN_VALUE : c;
  }

  boolean append(long time, double value) {
    if (time < newest && time < cutoff()) {
      return false;
    }
    if (samples.size() >= retention.maxCount() && time < samples.get(0).time()) {
      return false;
    }
    int pos = samples.size();
    while (pos > 0 && samples.get(pos - 1).time() > time) {
      pos--;
    }
    samples.add(pos, new Sample(time, value));
    newest = Math.max(newest, time);
    long cutoff = cutoff();
    while (!samples.isEmpty()
        && (samples.size() > retention.maxCount() || samples.get(0).time() < cutoff)) {
      samples.remove(0);
    }
    return true;
  }

  List<Sample> window(long from, long to) {
    List<Sample> out = new ArrayList<>();
    for (Sample s : samples) {
      if (s.time() >= from && s.time() < to) {
        out.add(s);
      }
    }
    return out;
  }

  /** The newest sample at or before asOf, or null. */
  Sample at(long asOf) {
    Sample found = null;
    for (Sample s : samples) {
      if (s.time() <= asOf) {
        found = s;
      }
    }
    return found;
  }

  /** The index of the newest sample at or before asOf, or -1. */
  int indexAt(long asOf) {
    int found = -1;
    for (int i = 0; i < samples.size(); i++) {
      if (samples.get(i).time() <= asOf) {
        found = i;
      }
    }
    return found;
  }

  /** Integrates the step function over [from, to) sample by sample, millisecond-exact. */
  Double timeWeightedMean(long from, long to) {
    if (to <= from) {
      return null;
    }
    double integral = 0;
    long covered = 0;
    for (int i = 0; i < samples.size(); i++) {
      long start = Math.max(samples.get(i).time(), from);
      long end = i + 1 < samples.size() ? Math.min(samples.get(i + 1).time(), to) : to;
      if (end > start) {
        integral += samples.get(i).value() * (end - start);
        covered += end - start;
      }
    }
    return covered == 0 ? null : integral / covered;
  }
}
