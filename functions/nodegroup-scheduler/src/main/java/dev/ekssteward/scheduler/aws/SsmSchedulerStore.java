package dev.ekssteward.scheduler.aws;

import dev.ekssteward.scheduler.ledger.SchedulerStore;
import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.aws.Answers;
import dev.ekssteward.shared.aws.AwsClients;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParametersByPathResponse;
import software.amazon.awssdk.services.ssm.model.ParameterTier;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * {@link SchedulerStore} over SSM in the function's own account and region (where its config is).
 * The only class of the store with SDK types.
 */
public final class SsmSchedulerStore implements SchedulerStore {
  private final AwsClients clients;
  private final String root;

  public SsmSchedulerStore(AwsClients clients, String configPrefix) {
    this.clients = clients;
    this.root = configPrefix + "/scheduler";
  }

  @Override
  public String root() {
    return root;
  }

  @Override
  public Map<String, String> readAll() {
    Map<String, String> out = new LinkedHashMap<>();
    String next = null;
    do {
      String token = next;
      GetParametersByPathResponse page =
          ssm().getParametersByPath(r -> r.path(root).recursive(true).nextToken(token));
      page.parameters().forEach(p -> out.put(p.name(), p.value()));
      next = page.nextToken();
    } while (next != null);
    return out;
  }

  @Override
  public Result put(String name, String value) {
    return Answers.of(
        () ->
            ssm()
                .putParameter(
                    r ->
                        r.name(name)
                            .value(value)
                            .type(ParameterType.STRING)
                            .tier(ParameterTier.STANDARD)
                            .overwrite(true)));
  }

  @Override
  public Result delete(String name) {
    return Answers.of(() -> ssm().deleteParameter(r -> r.name(name)));
  }

  private SsmClient ssm() {
    return clients.ssm(clients.home());
  }
}
