package dev.twins.core.model;

import dev.twins.core.internal.dtdl.DtdlParser;
import dev.twins.core.internal.SourceFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads DTDL texts (v2, v3, and v4 where practical) as one model set, validates every rule of the
 * language, and returns the resolved {@link Models}.
 *
 * <pre>{@code
 * Models models = ModelParser.parseFiles(Path.of("ontology/"));
 * Interface room = models.require("dtmi:com:example:Room;1");
 * }</pre>
 *
 * <p>All problems of a set are reported at once in one {@link ModelException}. A parser is
 * immutable and thread-safe.
 */
public final class ModelParser {
  private static final ModelParser DEFAULT = builder().build();

  private final UndefinedExtensions undefinedExtensions;
  private final Optional<DtmiResolver> resolver;

  private ModelParser(Builder b) {
    this.undefinedExtensions = b.undefinedExtensions;
    this.resolver = Optional.ofNullable(b.resolver);
  }

  /** @return a builder for a parser with options */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the parser with default options */
  public static ModelParser defaults() {
    return DEFAULT;
  }

  /**
   * Parses files and directories (recursively, {@code .json} files) as one model set with
   * default options.
   *
   * @param paths files and directories
   * @return the model set
   * @throws ModelException if a file cannot be read, no model is found, or the set is invalid
   */
  public static Models parseFiles(Path... paths) {
    return DEFAULT.parsePaths(Arrays.asList(paths));
  }

  /**
   * Parses JSON texts as one model set with default options; errors name them {@code input[i]}.
   *
   * @param texts the JSON texts
   * @return the model set
   * @throws ModelException if the set is invalid
   */
  public static Models parseJson(String... texts) {
    List<ModelSource> sources = new ArrayList<>();
    for (int i = 0; i < texts.length; i++) sources.add(new ModelSource("input[" + i + "]", texts[i]));
    return DEFAULT.parse(sources);
  }

  /**
   * Parses files and directories (recursively, {@code .json} files) as one model set.
   *
   * @param paths files and directories
   * @return the model set
   * @throws ModelException if a file cannot be read, no model is found, or the set is invalid
   */
  public Models parsePaths(Collection<Path> paths) {
    SourceFiles.Read read = SourceFiles.read(paths);
    return new DtdlParser(undefinedExtensions, resolver).parse(read.sources(), read.errors());
  }

  /**
   * Parses texts as one model set.
   *
   * @param sources the texts with their names
   * @return the model set
   * @throws ModelException if the set is invalid; the exception lists every problem
   */
  public Models parse(Collection<ModelSource> sources) {
    Objects.requireNonNull(sources, "sources");
    return new DtdlParser(undefinedExtensions, resolver).parse(sources, List.of());
  }

  /** @return the policy for undefined co-types, members and extension contexts */
  public UndefinedExtensions undefinedExtensions() {
    return undefinedExtensions;
  }

  @Override
  public String toString() {
    return "ModelParser[undefinedExtensions=" + undefinedExtensions + ", resolver=" + resolver.isPresent() + "]";
  }

  /** Options of a {@link ModelParser}, each checked as it is set. */
  public static final class Builder {
    private UndefinedExtensions undefinedExtensions = UndefinedExtensions.BY_VERSION;
    private DtmiResolver resolver;

    private Builder() {}

    /**
     * Sets what happens to undefined co-types, members and extension contexts.
     *
     * @param policy the policy; default {@link UndefinedExtensions#BY_VERSION}
     * @return this builder
     */
    public Builder undefinedExtensions(UndefinedExtensions policy) {
      this.undefinedExtensions = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sets the resolver asked for DTMIs the texts reference but do not define.
     *
     * @param resolver the resolver; without one, unresolved references are errors
     * @return this builder
     */
    public Builder resolver(DtmiResolver resolver) {
      this.resolver = Objects.requireNonNull(resolver, "resolver");
      return this;
    }

    /** @return the parser */
    public ModelParser build() {
      return new ModelParser(this);
    }
  }
}
