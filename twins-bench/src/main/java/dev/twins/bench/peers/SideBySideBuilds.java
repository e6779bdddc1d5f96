package dev.twins.bench.peers;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Two builds of Twins (two {@code benchmarks.jar}s, e.g. main's and a branch's) in one JVM, each in
 * a class loader of its own, running the same {@link SideBySideWork} in alternating rounds: on a
 * shared machine whose load swings from one minute to the next, the ratio of the two builds within
 * each round (the median over the rounds) is steadier than figures taken in separate JVMs minutes
 * apart. Not JMH: a plain loop per round, warmed by the first two rounds, which are not counted.
 *
 * <pre>
 * java -Xmx6g -cp twins-bench/target/benchmarks.jar dev.twins.bench.peers.SideBySideBuilds \
 *   update 10000 60 /tmp/main/benchmarks.jar twins-bench/target/benchmarks.jar [engine]
 * </pre>
 *
 * <p>Arguments: what ({@code update}, {@code same}, {@code read} or {@code load}), the number of
 * twins, the number of rounds, the two jars (A, then B), and optionally the engine (default
 * {@code twins}). Prints per build the median and the lowest CPU time per operation, and the
 * median, lower and upper quartile of B / A over the rounds.
 */
public final class SideBySideBuilds {
  private static final String WORK = SideBySideWork.class.getName();

  private SideBySideBuilds() {}

  /**
   * Runs the comparison.
   *
   * @param args what, twins, rounds, jar A, jar B [, engine]
   * @throws Exception if a build cannot be loaded or its workload fails
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 5) {
      System.err.println("usage: SideBySideBuilds update|same|read|load TWINS ROUNDS JAR_A JAR_B [ENGINE]");
      System.exit(2);
    }
    String what = args[0];
    int twins = Integer.parseInt(args[1]);
    int rounds = Integer.parseInt(args[2]);
    String engine = args.length > 5 ? args[5] : "twins";
    byte[] work;
    try (InputStream in = SideBySideBuilds.class.getResourceAsStream("/" + WORK.replace('.', '/') + ".class")) {
      if (in == null) throw new IOException("no class file of " + WORK);
      work = in.readAllBytes();
    }
    List<WorkLoader> loaders = new ArrayList<>();
    Object[] workloads = new Object[2];
    Method[] methods = new Method[2];
    try {
      for (int j = 0; j < 2; j++) {
        Path jar = Path.of(args[3 + j]);
        if (!Files.isRegularFile(jar)) throw new IOException("no jar " + jar);
        WorkLoader loader = new WorkLoader(jar.toUri().toURL(), work);
        loaders.add(loader);
        Class<?> c = Class.forName(WORK, true, loader);
        workloads[j] = c.getConstructor(String.class, int.class).newInstance(engine, twins);
        methods[j] = c.getMethod(what, int.class);
      }
      int ops = what.equals("load") ? 1 : 500_000;
      List<List<Double>> results = List.of(new ArrayList<>(), new ArrayList<>());
      for (int r = 0; r < rounds; r++) {
        for (int k = 0; k < 2; k++) {
          int j = r % 2 == 0 ? k : 1 - k; // alternate which build goes first
          double v = run(methods[j], workloads[j], ops);
          if (r >= 2) results.get(j).add(v);
        }
      }
      List<Double> ratios = new ArrayList<>();
      for (int r = 0; r < results.get(0).size(); r++) ratios.add(results.get(1).get(r) / results.get(0).get(r));
      Collections.sort(ratios);
      String unit = what.equals("load") ? "ms" : "ns";
      for (int j = 0; j < 2; j++) {
        List<Double> l = new ArrayList<>(results.get(j));
        Collections.sort(l);
        System.out.printf(Locale.ROOT, "%s %s %s twins=%d: median %.1f %s, lowest %.1f %s CPU per operation (%s)%n",
            j == 0 ? "A" : "B", what, engine, twins, l.get(l.size() / 2), unit, l.get(0), unit, args[3 + j]);
      }
      System.out.printf(Locale.ROOT, "B / A over %d rounds: median %.3f, quartiles %.3f and %.3f%n", ratios.size(),
          ratios.get(ratios.size() / 2), ratios.get(ratios.size() / 4), ratios.get(3 * ratios.size() / 4));
    } finally {
      for (WorkLoader l : loaders) l.close();
    }
  }

  private static double run(Method m, Object workload, int ops) throws Exception {
    try {
      return (Double) m.invoke(workload, ops);
    } catch (InvocationTargetException ex) {
      throw ex.getCause() instanceof Exception ? (Exception) ex.getCause() : ex;
    }
  }

  /**
   * Loads one build from its jar, except {@link SideBySideWork}, which it defines from the bytes
   * of this build's class file (so that a build without it can run it too).
   */
  private static final class WorkLoader extends URLClassLoader {
    private final byte[] work;

    WorkLoader(URL jar, byte[] work) {
      super(new URL[] {jar}, ClassLoader.getPlatformClassLoader());
      this.work = work;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.equals(WORK)) return super.loadClass(name, resolve);
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null) c = defineClass(name, work, 0, work.length);
        if (resolve) resolveClass(c);
        return c;
      }
    }
  }
}
