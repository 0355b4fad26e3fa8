package dev.ekssteward.fargate.aws;

import dev.ekssteward.shared.aws.AwsClients;
import javax.inject.Inject;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/**
 * Reads {@code <prefix>/fargate/<cluster>} from Parameter Store in the function's own account and
 * region, whichever target the cluster is in. The SDK's client retries what is worth retrying.
 */
public final class DesiredStateStore {
  /** Where desired states live under the config prefix; the cluster's name follows. */
  public static final String SEGMENT = "/fargate/";

  private final AwsClients clients;

  @Inject
  public DesiredStateStore(AwsClients clients) {
    this.clients = clients;
  }

  public String parameterName(String cluster) {
    return clients.settings().configPrefix() + SEGMENT + cluster;
  }

  /** The document, or null when the cluster has no desired state. */
  public String read(String cluster) {
    try {
      return clients
          .ssm(clients.home())
          .getParameter(r -> r.name(parameterName(cluster)).withDecryption(true))
          .parameter()
          .value();
    } catch (ParameterNotFoundException e) {
      return null;
    }
  }
}
