/**
 * The {@code twins} command: every capability of Twins without writing Java.
 *
 * <p>Entry point: {@link dev.twins.cli.TwinsCommand}. Subcommands live in the non-exported
 * {@code dev.twins.cli.internal} package; picocli reads their annotations by reflection.
 */
module dev.twins.cli {
  requires dev.twins.core;
  requires dev.twins.persistence;
  requires dev.twins.query;
  requires info.picocli;
  requires jdk.jshell;

  exports dev.twins.cli;

  opens dev.twins.cli to info.picocli;
  opens dev.twins.cli.internal to info.picocli;
}
