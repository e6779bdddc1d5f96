package dev.twins.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the engines' answers against a direct computation from the C-MAPSS files: the same
 * method, written without the library (normal equations for the health index, closed-form trend,
 * plain loops for the matching).
 */
class EnginesTest {
  private static final int[] S = {2, 3, 4, 7, 11, 12, 15, 17, 20, 21};
  private static Engines.Result result;
  private static Map<Integer, List<double[]>> train;
  private static Map<Integer, List<double[]>> test;
  private static int[] rul;

  @BeforeAll
  static void run() throws Exception {
    Path data = ExampleData.dir();
    result = Engines.run(data);
    train = parse(data.resolve("nasa-cmapss-fd001/train_FD001.txt"));
    test = parse(data.resolve("nasa-cmapss-fd001/test_FD001.txt"));
    rul = Files.readAllLines(data.resolve("nasa-cmapss-fd001/RUL_FD001.txt")).stream()
        .filter(s -> !s.isBlank()).mapToInt(s -> Integer.parseInt(s.trim())).toArray();
  }

  private static Map<Integer, List<double[]>> parse(Path file) throws Exception {
    Map<Integer, List<double[]>> m = new TreeMap<>();
    for (String line : Files.readAllLines(file)) {
      String[] f = line.trim().split(" +");
      if (f.length < 26) {
        continue;
      }
      double[] row = new double[26];
      for (int i = 0; i < 26; i++) {
        row[i] = Double.parseDouble(f[i]);
      }
      m.computeIfAbsent((int) row[0], k -> new ArrayList<>()).add(row);
    }
    return m;
  }

  /** Least squares by the normal equations on standardised columns, solved by elimination. */
  private static double[] weights() {
    List<double[]> x = new ArrayList<>();
    List<Double> y = new ArrayList<>();
    for (List<double[]> rows : train.values()) {
      for (int i = 0; i < rows.size(); i++) {
        if (i < 30 || i >= rows.size() - 30) {
          double[] v = new double[S.length];
          for (int j = 0; j < S.length; j++) {
            v[j] = rows.get(i)[4 + S[j]];
          }
          x.add(v);
          y.add(i < 30 ? 1.0 : 0.0);
        }
      }
    }
    int p = S.length;
    double[] mean = new double[p];
    double[] sd = new double[p];
    for (double[] v : x) {
      for (int j = 0; j < p; j++) {
        mean[j] += v[j] / x.size();
      }
    }
    for (double[] v : x) {
      for (int j = 0; j < p; j++) {
        sd[j] += (v[j] - mean[j]) * (v[j] - mean[j]) / x.size();
      }
    }
    for (int j = 0; j < p; j++) {
      sd[j] = Math.sqrt(sd[j]);
    }
    int q = p + 1;
    double[][] a = new double[q][q + 1];
    for (int r = 0; r < x.size(); r++) {
      double[] z = new double[q];
      z[0] = 1;
      for (int j = 0; j < p; j++) {
        z[j + 1] = (x.get(r)[j] - mean[j]) / sd[j];
      }
      for (int i = 0; i < q; i++) {
        for (int j = 0; j < q; j++) {
          a[i][j] += z[i] * z[j];
        }
        a[i][q] += z[i] * y.get(r);
      }
    }
    for (int c = 0; c < q; c++) {
      for (int r = c + 1; r < q; r++) {
        double f = a[r][c] / a[c][c];
        for (int k = c; k <= q; k++) {
          a[r][k] -= f * a[c][k];
        }
      }
    }
    double[] b = new double[q];
    for (int r = q - 1; r >= 0; r--) {
      double s = a[r][q];
      for (int k = r + 1; k < q; k++) {
        s -= a[r][k] * b[k];
      }
      b[r] = s / a[r][r];
    }
    double[] w = new double[q]; // back to raw units
    w[0] = b[0];
    for (int j = 0; j < p; j++) {
      w[j + 1] = b[j + 1] / sd[j];
      w[0] -= b[j + 1] * mean[j] / sd[j];
    }
    return w;
  }

  private static double[] health(double[] w, List<double[]> rows) {
    double[] h = new double[rows.size()];
    for (int i = 0; i < h.length; i++) {
      h[i] = w[0];
      for (int j = 0; j < S.length; j++) {
        h[i] += w[j + 1] * rows.get(i)[4 + S[j]];
      }
    }
    return h;
  }

  private static double[] smooth(double[] h) {
    double[] s = new double[h.length];
    for (int i = 0; i < h.length; i++) {
      int from = Math.max(0, i - 4);
      s[i] = Arrays.stream(h, from, i + 1).average().orElseThrow();
    }
    return s;
  }

  @Test
  void healthIndexWeightsMatchTheNormalEquations() {
    double[] w = weights();
    assertThat(result.weights()).hasSize(w.length);
    for (int i = 0; i < w.length; i++) {
      assertThat(result.weights()[i]).isCloseTo(w[i], within(1e-6 * Math.max(1, Math.abs(w[i]))));
    }
  }

  @Test
  void failingSoonAndTrendAccuracyMatchAClosedFormTrend() {
    double[] w = weights();
    List<String> expectedSoon = new ArrayList<>();
    double sq = 0;
    for (Map.Entry<Integer, List<double[]>> u : test.entrySet()) {
      double[] h = health(w, u.getValue());
      int n = h.length;
      double mx = 0;
      double my = 0;
      for (int i = n - 30; i < n; i++) {
        mx += i / 30.0;
        my += h[i] / 30.0;
      }
      double sxy = 0;
      double sxx = 0;
      for (int i = n - 30; i < n; i++) {
        sxy += (i - mx) * (h[i] - my);
        sxx += (i - mx) * (i - mx);
      }
      double slope = sxy / sxx;
      double now = my + slope * (n - 1 - mx);
      double cycles = now <= 0 ? 0 : slope < 0 ? -now / slope : Double.POSITIVE_INFINITY;
      double smoothedNow = Arrays.stream(h, n - 5, n).average().orElseThrow();
      // the query: the trend reaches 0 within 30 cycles, or the smoothed index is at 0 and falling
      if ((now > 0 && cycles <= 30) || (smoothedNow <= 0 && slope < 0)) {
        expectedSoon.add(String.format("engine-%03d", u.getKey()));
      }
      double est = Math.min(cycles, 125);
      double d = est - rul[u.getKey() - 1];
      sq += d * d;
    }
    assertThat(result.failingSoon()).extracting(Engines.Estimate::engine)
        .containsExactlyInAnyOrderElementsOf(expectedSoon);
    assertThat(result.trend().rmse()).isCloseTo(Math.sqrt(sq / test.size()), within(0.01));
  }

  @Test
  void similarityEstimateAndItsScoresMatchAPlainComputation() {
    double[] w = weights();
    List<double[]> past = new ArrayList<>();
    train.values().forEach(rows -> past.add(smooth(health(w, rows))));
    double sq = 0;
    double score = 0;
    for (Map.Entry<Integer, List<double[]>> u : test.entrySet()) {
      double[] c = smooth(health(w, u.getValue()));
      List<double[]> cands = new ArrayList<>();
      for (double[] p : past) {
        if (p.length < c.length) {
          continue;
        }
        double best = Double.MAX_VALUE;
        int at = 0;
        for (int off = 0; off + c.length <= p.length; off++) {
          double d = 0;
          for (int i = 0; i < c.length; i++) {
            d += (p[off + i] - c[i]) * (p[off + i] - c[i]);
          }
          if (d / c.length < best) {
            best = d / c.length;
            at = off;
          }
        }
        cands.add(new double[] {best, p.length - at - c.length});
      }
      cands.sort((a, b) -> Double.compare(a[0], b[0]));
      // an engine that has flown longer than most retired ones has fewer than 10 to compare with
      double[] r = cands.subList(0, Math.min(10, cands.size())).stream().mapToDouble(a -> a[1]).sorted().toArray();
      double est = r.length % 2 == 1 ? r[r.length / 2] : (r[r.length / 2 - 1] + r[r.length / 2]) / 2;
      double d = est - rul[u.getKey() - 1];
      sq += d * d;
      score += d < 0 ? Math.exp(-d / 13) - 1 : Math.exp(d / 10) - 1;
    }
    assertThat(result.similarity().rmse()).isCloseTo(Math.sqrt(sq / 100), within(0.01));
    assertThat(result.similarity().score()).isCloseTo(score, within(1.0));
    // and the estimate beats the published SVR baseline's RMSE but not the CNN's
    assertThat(result.similarity().rmse()).isBetween(18.45, 20.96);
  }

  @Test
  void theFleetGraphHoldsEveryEngineAndSensor() {
    assertThat(result.twins().twinCount()).isEqualTo(1 + train.size() + test.size() * (1 + S.length));
    assertThat(result.twins().outgoing("engine-031", "hasSensor")).hasSize(S.length);
    assertThat(result.twins().twin("engine-031").orElseThrow().number("cycles").getAsDouble())
        .isEqualTo(test.get(31).size());
  }
}
