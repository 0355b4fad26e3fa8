package dev.ekssteward.shared.config;

/** One problem in a JSON document: where ({@code $.scheduler.gracePeriodMinutes}) and why. */
public record ConfigError(String path, String reason) {
  @Override
  public String toString() {
    return path + ": " + reason;
  }
}
