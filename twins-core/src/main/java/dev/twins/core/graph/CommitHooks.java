package dev.twins.core.graph;

/** The shared no-op {@link CommitHook.Completion}. */
final class CommitHooks {
  static final CommitHook.Completion NONE = () -> { };

  private CommitHooks() {}
}
