package dev.twins.core.internal;

import dev.twins.core.model.ErrorCode;
import dev.twins.core.model.ModelError;
import dev.twins.core.model.ModelException;
import dev.twins.core.model.ModelSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reads model files, and directories recursively ({@code .json} files, in a stable order). */
public final class SourceFiles {
  private SourceFiles() {}

  /**
   * What reading found: the texts, and the paths that could not be read.
   *
   * @param sources the texts, named by their paths
   * @param errors {@link ErrorCode#IO_ERROR} for paths that cannot be read, {@link ErrorCode#NO_MODELS}
   *     for directories without {@code .json} files
   */
  public record Read(List<ModelSource> sources, List<ModelError> errors) {
    /** Copies the lists. */
    public Read {
      sources = List.copyOf(sources);
      errors = List.copyOf(errors);
    }
  }

  /**
   * Reads every model text under the paths.
   *
   * @param paths files and directories
   * @return the texts and the problems met
   * @throws ModelException with {@link ErrorCode#NO_MODELS} when no path is given
   */
  public static Read read(Collection<Path> paths) {
    List<ModelSource> out = new ArrayList<>();
    List<ModelError> errors = new ArrayList<>();
    if (paths.isEmpty()) {
      throw new ModelException(List.of(new ModelError(ErrorCode.NO_MODELS, "no model file or directory was given", "",
          "", 0, "")));
    }
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        List<Path> files;
        try (Stream<Path> s = Files.walk(path)) {
          files = s.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().toLowerCase(java.util.Locale.ROOT)
              .endsWith(".json")).sorted().collect(Collectors.toList());
        } catch (IOException | UncheckedIOException e) {
          errors.add(ioError(path, e));
          continue;
        }
        if (files.isEmpty()) {
          errors.add(new ModelError(ErrorCode.NO_MODELS, "directory " + path + " holds no .json model files", "",
              path.toString(), 0, ""));
        }
        for (Path f : files) readFile(f, out, errors);
      } else if (Files.exists(path)) {
        readFile(path, out, errors);
      } else {
        errors.add(new ModelError(ErrorCode.IO_ERROR, "no such file or directory: " + path, "", path.toString(), 0, ""));
      }
    }
    return new Read(out, errors);
  }

  private static void readFile(Path f, List<ModelSource> out, List<ModelError> errors) {
    try {
      byte[] bytes = Files.readAllBytes(f);
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
      out.add(new ModelSource(f.toString(), text));
    } catch (CharacterCodingException e) {
      errors.add(new ModelError(ErrorCode.JSON_SYNTAX, "the file is not valid UTF-8 text", "", f.toString(), 0, ""));
    } catch (IOException | RuntimeException e) {
      errors.add(ioError(f, e));
    }
  }

  private static ModelError ioError(Path p, Exception e) {
    String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return new ModelError(ErrorCode.IO_ERROR, "cannot read " + p + ": " + why, "", p.toString(), 0, "");
  }
}
