package dev.ekssteward.fargate.aws;

import dev.ekssteward.shared.aws.AwsClients;
import dev.ekssteward.shared.aws.Retry;
import javax.inject.Inject;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/**
 * Reads {@code <prefix>/fargate/<cluster>} from Parameter Store in the function's own account and
 * region, whichever target the cluster is in.
 */
public final class DesiredStateStore {
  public static final String SEGMENT = "/fargate/";

  private final AwsClients clients;
  private final Retry retry;

  @Inject
  public DesiredStateStore(AwsClients clients, Retry retry) {
    this.clients = clients;
    this.retry = retry;
  }

  public String parameterName(String cluster) {
    return clients.settings().configPrefix() + SEGMENT + cluster;
  }

  /** The document, or null when the cluster has no desired state. */
  public String read(String cluster) {
    try {
      return retry.call(
          () ->
              clients
                  .ssm(clients.home())
                  .getParameter(r -> r.name(parameterName(cluster)).withDecryption(true))
                  .parameter()
                  .value());
    } catch (ParameterNotFoundException e) {
      return null;
    }
  }
}
