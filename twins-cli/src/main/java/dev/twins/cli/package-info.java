/**
 * The {@code twins} command line tool.
 *
 * <p>{@link dev.twins.cli.TwinsCommand#main(String...)} is the program; {@link
 * dev.twins.cli.TwinsCommand#execute(java.io.PrintWriter, java.io.PrintWriter, String...)} runs
 * the same command in process and returns its exit status:
 *
 * <pre>{@code
 * int status = TwinsCommand.execute(out, err, "validate", "--json", "ontology/");
 * }</pre>
 *
 * <p>Exit statuses are the same for every subcommand: 0 success, 1 the input is invalid, 2 a
 * usage or I/O error, 70 an internal error (a bug; run with {@code --debug} or the environment
 * variable {@code TWINS_DEBUG=1} to see its stack trace).
 */
package dev.twins.cli;
