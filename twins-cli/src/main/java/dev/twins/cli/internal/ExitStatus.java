package dev.twins.cli.internal;

/** The exit statuses every {@code twins} subcommand uses. */
public final class ExitStatus {
  /** Success: for {@code validate}, every model set is valid. */
  public static final int OK = 0;
  /** The input is invalid: for {@code validate}, a model set has errors. */
  public static final int INVALID = 1;
  /** A usage error (bad options or arguments) or an I/O error (missing or unreadable file). */
  public static final int USAGE = 2;
  /** An internal error, i.e. a bug in Twins (sysexits.h {@code EX_SOFTWARE}). */
  public static final int SOFTWARE = 70;

  private ExitStatus() {}

  /**
   * Combines the statuses of several runs: the most severe wins (70, then 2, then 1, then 0).
   *
   * @param a one status
   * @param b another status
   * @return the more severe of the two
   */
  public static int worst(int a, int b) {
    return rank(a) >= rank(b) ? a : b;
  }

  private static int rank(int status) {
    switch (status) {
      case OK:
        return 0;
      case INVALID:
        return 1;
      case USAGE:
        return 2;
      default:
        return 3;
    }
  }
}
