package dev.twins.bench.peers;

import dev.twins.bench.Folders;
import io.questdb.cairo.CairoEngine;
import io.questdb.cairo.DefaultCairoConfiguration;
import io.questdb.cairo.security.AllowAllSecurityContext;
import io.questdb.griffin.SqlExecutionContextImpl;
import io.questdb.griffin.engine.functions.bind.BindVariableServiceImpl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An embedded QuestDB database in a new directory under {@link Neo4jEngine#parent()} (a tmpfs
 * where there is one), with its engine, bind variables and SQL context; the directory is deleted
 * on close.
 */
final class QuestDbFiles implements AutoCloseable {
  final Path dir;
  final CairoEngine engine;
  final BindVariableServiceImpl binds;
  final SqlExecutionContextImpl context;

  QuestDbFiles() {
    try {
      dir = Files.createTempDirectory(Neo4jEngine.parent(), "twins-bench-questdb");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    engine = new CairoEngine(new DefaultCairoConfiguration(dir.toString()));
    binds = new BindVariableServiceImpl(engine.getConfiguration());
    context = new SqlExecutionContextImpl(engine, 1).with(AllowAllSecurityContext.INSTANCE, binds);
  }

  /** @return the bytes of the database's files */
  long fileBytes() {
    return Folders.bytes(dir);
  }

  /** Closes the engine and deletes the directory. */
  @Override
  public void close() {
    engine.close();
    Folders.delete(dir);
  }
}
