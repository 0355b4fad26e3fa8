package dev.ekssteward.cli;

/** A command line that cannot be run as given: exit {@link Exit#USAGE} with the reason. */
final class UsageException extends RuntimeException {
  UsageException(String message) {
    super(message);
  }
}
