package dev.twins.cli.internal;

import dev.twins.core.model.ErrorCode;
import dev.twins.core.model.ModelError;
import dev.twins.core.model.ModelException;
import dev.twins.core.model.ModelParser;
import dev.twins.core.model.Models;
import dev.twins.core.model.UndefinedExtensions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code twins validate}: checks DTDL model sets against every rule of the language. */
@Command(
    name = "validate",
    sortOptions = false,
    headerHeading = "",
    header = "Check DTDL model sets.",
    descriptionHeading = "%n",
    description = {
      "Reads the DTDL files given and checks them against every rule of the language. A PATH is a"
          + " .json file or a directory, searched recursively for .json files. All PATHs together"
          + " form ONE model set, so a file may refer to Interfaces of another; with --each,"
          + " every PATH is a model set of its own, checked independently.",
      "",
      "Output: for a valid set, `OK PATH (N interfaces)`; for an invalid one, one line"
          + " `FILE:LINE: CODE message (at /json/pointer)` per error and `PATH: N errors`.",
      "With --json, one JSON object per model set and line: {\"path\": \"...\", \"valid\":"
          + " true|false, \"interfaces\": N, \"errors\": [{\"code\", \"message\", \"dtmi\","
          + " \"file\", \"line\", \"pointer\"}]}; \"path\" is the PATH, or the PATHs joined with"
          + " one space when several form one set; \"interfaces\" is 0 for an invalid set;"
          + " \"line\" is 0 when unknown.",
      "",
      "A directory without .json files is an invalid set (error NO_MODELS, status 1). A PATH"
          + " that does not exist or cannot be read is an I/O error (error IO_ERROR, status 2)."
    },
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:every model set is valid",
      "1:a model set is invalid (including NO_MODELS)",
      "2:usage error, or a PATH that does not exist or cannot be read (IO_ERROR)",
      "70:internal error (a bug; --debug or TWINS_DEBUG=1 shows the stack trace)"
    })
public final class ValidateCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
  private boolean help;

  @Option(names = "--json", description = "Write one JSON object per model set and line.")
  private boolean json;

  @Option(names = "--each", description = "Check every PATH as a model set of its own.")
  private boolean each;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  private Extensions extensions;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "DTDL .json files or directories.")
  private List<String> paths = new ArrayList<>();

  /** The two exclusive policy options; neither means "as the DTDL version says". */
  static final class Extensions {
    @Option(
        names = "--allow-undefined-extensions",
        description = "Accept co-types, members and contexts that DTDL does not define, in every"
            + " DTDL version. Default: accepted in v2, rejected in v3 and later.")
    boolean allow;

    @Option(
        names = "--disallow-undefined-extensions",
        description = "Reject co-types, members and contexts that DTDL does not define, in every"
            + " DTDL version.")
    boolean disallow;
  }

  /** Creates the command; picocli sets its options. */
  public ValidateCommand() {}

  @Override
  public Integer call() {
    ModelParser parser = ModelParser.builder().undefinedExtensions(policy()).build();
    List<List<String>> sets = new ArrayList<>();
    if (each) {
      for (String p : paths) sets.add(List.of(p));
    } else {
      sets.add(List.copyOf(paths));
    }
    PrintWriter out = spec.commandLine().getOut();
    int status = ExitStatus.OK;
    for (List<String> set : sets) {
      SetResult r = validate(parser, set);
      if (json) {
        ValidationReport.json(r, out);
      } else {
        ValidationReport.human(r, out);
      }
      out.flush();
      status = ExitStatus.worst(status, r.exitStatus());
    }
    return status;
  }

  private UndefinedExtensions policy() {
    if (extensions == null) return UndefinedExtensions.BY_VERSION;
    if (extensions.allow) return UndefinedExtensions.ALLOW;
    if (extensions.disallow) return UndefinedExtensions.DISALLOW;
    return UndefinedExtensions.BY_VERSION;
  }

  /**
   * Validates one model set. Paths that do not exist or cannot be read give {@code IO_ERROR}
   * results without parsing anything.
   *
   * @param parser the parser
   * @param paths the PATH arguments of the set, as given
   * @return the result
   */
  public static SetResult validate(ModelParser parser, List<String> paths) {
    List<ModelError> ioErrors = new ArrayList<>();
    List<Path> files = new ArrayList<>();
    for (String s : paths) {
      Path p;
      try {
        p = Path.of(s);
      } catch (InvalidPathException e) {
        ioErrors.add(ioError(s, "not a valid path: " + e.getReason()));
        continue;
      }
      if (!Files.exists(p)) {
        ioErrors.add(ioError(s, "no such file or directory"));
      } else if (!Files.isReadable(p)) {
        ioErrors.add(ioError(s, "cannot be read (permission denied)"));
      } else {
        files.add(p);
      }
    }
    if (!ioErrors.isEmpty()) return SetResult.invalid(paths, ioErrors);
    try {
      Models models = parser.parsePaths(files);
      return SetResult.valid(paths, models.size(), models.warnings());
    } catch (ModelException e) {
      return SetResult.invalid(paths, e.errors());
    } catch (UncheckedIOException e) {
      IOException cause = e.getCause();
      return SetResult.invalid(paths, List.of(ioError(String.join(" ", paths), String.valueOf(cause))));
    }
  }

  private static ModelError ioError(String source, String message) {
    return new ModelError(ErrorCode.IO_ERROR, message, "", source, 0, "");
  }
}
