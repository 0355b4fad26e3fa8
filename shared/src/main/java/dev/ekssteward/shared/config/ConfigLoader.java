package dev.ekssteward.shared.config;

import dev.ekssteward.shared.aws.AwsClients;
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

  private final AwsClients clients;
  private final Set<ConfigCheck> checks;

  public ConfigLoader(AwsClients clients, Set<ConfigCheck> checks) {
    this.clients = clients;
    this.checks = checks;
  }

  /** Builds the clients loading needs, without calling AWS. */
  public void prime() {
    clients.prime();
  }

  public Loaded load() {
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
