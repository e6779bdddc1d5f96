package dev.twins.cli.internal;

import dev.twins.core.adt.AdtFileError;
import dev.twins.core.adt.AdtFileException;
import dev.twins.core.adt.AdtImport;
import dev.twins.core.adt.ErrorPolicy;
import dev.twins.core.model.ModelError;
import dev.twins.core.model.ModelException;
import dev.twins.persistence.StoreException;
import dev.twins.persistence.TwinStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Opening a store and checking file arguments, shared by the commands that work on a store. */
final class StoreOptions {
  private StoreOptions() {}

  /** Opens a store, or prints why not and returns null. */
  static TwinStore open(String dir, boolean mustExist, PrintWriter err) {
    Path p;
    try {
      p = Path.of(dir);
    } catch (InvalidPathException e) {
      err.println(dir + ": not a valid path: " + e.getReason());
      return null;
    }
    if (mustExist && !Files.isDirectory(p)) {
      err.println(dir + ": no such store directory");
      return null;
    }
    try {
      return TwinStore.open(p);
    } catch (StoreException e) {
      err.println("twins: cannot open the store: " + e.getMessage());
      return null;
    }
  }

  /** The exit status for a store that failed to open or write. */
  static int status(StoreException e) {
    switch (e.code()) {
      case CORRUPT:
      case MISSING_SEGMENT:
      case UNSUPPORTED_VERSION:
      case INVALID_RECORD:
        return ExitStatus.INVALID;
      default:
        return ExitStatus.USAGE;
    }
  }

  /** Checks that files exist and can be read; prints the first that does not. */
  static boolean readable(List<String> files, List<Path> paths, PrintWriter err) {
    for (String f : files) {
      Path p;
      try {
        p = Path.of(f);
      } catch (InvalidPathException e) {
        err.println(f + ": not a valid path: " + e.getReason());
        return false;
      }
      if (!Files.isReadable(p)) {
        err.println(f + ": " + (Files.exists(p) ? "cannot be read" : "no such file or directory"));
        return false;
      }
      paths.add(p);
    }
    return true;
  }

  /**
   * Loads model and twin graph files into one graph in memory, printing every refused line; a
   * load that cannot start prints why and gives no result.
   *
   * @param files the file arguments
   * @param err where problems go
   * @param status receives the exit status when there is no result
   * @return the loaded graph and its refused lines, or null
   */
  static AdtImport.Result load(List<String> files, PrintWriter err, int[] status) {
    List<Path> paths = new ArrayList<>();
    if (!readable(files, paths, err)) {
      status[0] = ExitStatus.USAGE;
      return null;
    }
    try {
      AdtImport.Result result = AdtImport.load(paths, ErrorPolicy.CONTINUE);
      for (AdtFileError a : result.errors()) err.println(a);
      return result;
    } catch (ModelException e) {
      for (ModelError m : e.errors()) err.println(m);
      status[0] = ExitStatus.INVALID;
      return null;
    } catch (AdtFileException e) {
      for (AdtFileError a : e.errors()) err.println(a);
      status[0] = ExitStatus.USAGE;
      return null;
    } finally {
      err.flush();
    }
  }
}
