package dev.ekssteward.cli;

/** The exit statuses of local/steward (also in its --help and docs/cli.md). */
final class Exit {
  /** Done; nothing to report. */
  static final int OK = 0;

  /** Findings or violations (an invalid config, {@code status --strict} findings), or refused. */
  static final int FINDINGS = 1;

  /** The command line is wrong (unknown command or option, missing operand, unreadable file). */
  static final int USAGE = 2;

  /** AWS answered with an error or could not be reached (credentials, network, permissions). */
  static final int AWS = 3;

  private Exit() {}
}
