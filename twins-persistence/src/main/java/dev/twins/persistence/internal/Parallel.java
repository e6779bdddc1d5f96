package dev.twins.persistence.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

/**
 * Runs the encoding and decoding of snapshot records on every processor the JVM may use: chunks of
 * work on a pool of short-lived daemon threads (one per processor), made for one snapshot or one
 * open and shut down after it. With one processor everything runs on the calling thread.
 */
final class Parallel {
  private Parallel() {}

  /** @return the number of threads to use */
  static int threads() {
    return Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 8));
  }

  private static ExecutorService pool(int n, String name) {
    return Executors.newFixedThreadPool(n, r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Runs {@code task(0..n-1)} and returns when all have run.
   *
   * @param n the number of tasks
   * @param task the work of one task
   * @throws RuntimeException the first failure of a task
   */
  static void forEach(int n, IntConsumer task) {
    int threads = threads();
    if (threads == 1 || n <= 1) {
      for (int i = 0; i < n; i++) task.accept(i);
      return;
    }
    ExecutorService pool = pool(threads, "twins-snapshot-decode");
    try {
      List<Future<?>> futures = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        int k = i;
        futures.add(pool.submit(() -> task.accept(k)));
      }
      for (Future<?> f : futures) join(f);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Produces {@code n} results on worker threads (a few ahead) and consumes them in order on the
   * calling thread.
   *
   * @param n the number of results
   * @param produce makes result i
   * @param consume takes the results, in order
   * @param <R> the result type
   * @throws RuntimeException the first failure
   */
  static <R> void pipeline(int n, IntFunction<R> produce, Consumer<R> consume) {
    int threads = threads();
    if (threads == 1 || n <= 1) {
      for (int i = 0; i < n; i++) consume.accept(produce.apply(i));
      return;
    }
    ExecutorService pool = pool(threads, "twins-snapshot-encode");
    try {
      int window = 2 * threads + 1;
      ArrayDeque<Future<R>> pending = new ArrayDeque<>();
      int next = 0;
      for (int i = 0; i < n; i++) {
        while (next < n && pending.size() < window) {
          int k = next++;
          pending.add(pool.submit(() -> produce.apply(k)));
        }
        consume.accept(join(pending.poll()));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Waits for a result, rethrowing what its task threw (unchecked as it was, a checked one wrapped).
   *
   * @param f the result to come
   * @return the result
   */
  static <R> R join(Future<R> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException) throw (RuntimeException) c;
      if (c instanceof Error) throw (Error) c;
      throw new IllegalStateException(c);
    }
  }
}
