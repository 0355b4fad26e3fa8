package dev.ekssteward.shared.config;

import dev.ekssteward.shared.aws.AwsClients;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/**
 * Loads {@code <prefix>/config} from Parameter Store in the function's own account and region. A
 * missing parameter means defaults; an invalid or unreadable one is a {@link ConfigException}; a
 * read that failed for a retryable reason, after the retries, a {@code TransientFailureException}.
 */
public final class ConfigLoader {
  /** The loaded config and where it came from (the parameter name, or "defaults"). */
  public record Loaded(StewardConfig config, String source) {}

  /**
   * How long a warm container keeps what it read: a burst of events (thousands of TagResource calls
   * in an evening) reads Parameter Store, whose throughput is shared, once a minute, not once an
   * event. A changed config applies within a minute.
   */
  public static final Duration KEEP = Duration.ofMinutes(1);

  private final AwsClients clients;
  private final Set<ConfigCheck> checks;
  private final Clock clock;
  private volatile Kept kept;

  /** What was read, or why it was refused (a refusal is kept too), and when. */
  private record Kept(Loaded loaded, ConfigException refused, Instant at) {}

  public ConfigLoader(AwsClients clients, Set<ConfigCheck> checks, Clock clock) {
    this.clients = clients;
    this.checks = checks;
    this.clock = clock;
  }

  /** Builds the clients loading needs, without calling AWS. */
  public void prime() {
    clients.prime();
  }

  /**
   * The config, read at most once per {@link #KEEP}: a valid or invalid document is kept that long;
   * a failure worth retrying is not kept. Synchronized: the messages of a fan-out batch run in
   * parallel, and one read serves them all.
   */
  public synchronized Loaded load() {
    Kept k = kept;
    Instant now = clock.instant();
    if (k != null && now.isBefore(k.at().plus(KEEP))) {
      if (k.refused() != null) {
        throw k.refused();
      }
      return k.loaded();
    }
    try {
      Loaded loaded = read();
      kept = new Kept(loaded, null, now);
      return loaded;
    } catch (ConfigException e) {
      kept = new Kept(null, e, now);
      throw e;
    }
  }

  private Loaded read() {
    String name = clients.settings().configParameter();
    String text;
    try {
      text =
          clients
              .ssm(clients.home())
              .getParameter(r -> r.name(name).withDecryption(true))
              .parameter()
              .value();
    } catch (ParameterNotFoundException e) {
      return new Loaded(validated(StewardConfig.defaults(), "defaults"), "defaults");
    } catch (SdkException e) {
      throw ConfigReadFailure.of(name, e);
    }
    return new Loaded(validated(StewardConfig.parse(text, name), name), name);
  }

  /** Runs the functions' own checks; any error rejects the whole document. */
  public StewardConfig validated(StewardConfig config, String source) {
    List<ConfigError> errors = new ArrayList<>();
    for (ConfigCheck check : checks) {
      errors.addAll(check.check(config));
    }
    if (!errors.isEmpty()) {
      throw new ConfigException(source, errors);
    }
    return config;
  }
}
