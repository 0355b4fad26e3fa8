package dev.ekssteward.shared.pipeline;

import dev.ekssteward.shared.audit.AuditEvent;
import dev.ekssteward.shared.aws.AwsClients;
import dev.ekssteward.shared.aws.Retry;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.event.Trigger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/**
 * A scripted controller with the scheduler's shape, on SSM so the harness can be tested in shared:
 * per cluster it "scales down" {@code /fleet/<c>/size} to 0 after recording the original value in
 * {@code /fleet/<c>/original}. {@code recordFirst = false} is the classic bug (change first, record
 * after) that a crash between the two calls turns into a lost original.
 */
final class ParameterKeeper implements Controller<ParameterKeeper.Observed> {
  static final List<String> CLUSTERS = List.of("a", "b", "c");

  record Observed(String cluster, String size, String original) {}

  record RecordOriginal(String target, String value) implements Action {
    public String type() {
      return "RecordOriginal";
    }
  }

  record ScaleDown(String target) implements Action {
    public String type() {
      return "ScaleDown";
    }
  }

  private final AwsClients clients;
  private final Retry retry;
  private final boolean recordFirst;

  ParameterKeeper(AwsClients clients, Retry retry, boolean recordFirst) {
    this.clients = clients;
    this.retry = retry;
    this.recordFirst = recordFirst;
  }

  public String name() {
    return "keeper";
  }

  public String ignoreReason(Trigger trigger, StewardConfig config) {
    return trigger instanceof Trigger.ScheduleTick ? null : "only ticks";
  }

  public List<Scope> scopes(Trigger trigger, StewardConfig config, Target target) {
    // Touch the target's SSM first so an unreachable account fails here, as listing clusters does.
    retry.call(() -> clients.ssm(target).describeParameters(r -> r.maxResults(1)));
    return CLUSTERS.stream().map(c -> new Scope(target, c, trigger)).toList();
  }

  public Observed observe(Scope scope, StewardConfig config) {
    return new Observed(
        scope.cluster(),
        read(scope, "/fleet/" + scope.cluster() + "/size"),
        read(scope, "/fleet/" + scope.cluster() + "/original"));
  }

  private String read(Scope scope, String name) {
    try {
      return retry.call(
          () -> clients.ssm(scope.target()).getParameter(r -> r.name(name)).parameter().value());
    } catch (ParameterNotFoundException e) {
      return null;
    }
  }

  public Plan plan(Scope scope, Observed observed, StewardConfig config, Instant now) {
    if (observed.size() == null || observed.size().equals("0")) {
      return Plan.empty();
    }
    List<Action> actions = new ArrayList<>();
    Action record = new RecordOriginal(observed.cluster(), observed.size());
    if (recordFirst && observed.original() == null) {
      actions.add(record);
    }
    actions.add(new ScaleDown(observed.cluster()));
    if (!recordFirst && observed.original() == null) {
      actions.add(record);
    }
    return Plan.of(actions, List.of());
  }

  public Outcome apply(Scope scope, Action action, StewardConfig config) {
    String c = action.target();
    if (action instanceof RecordOriginal r) {
      put(scope, "/fleet/" + c + "/original", r.value());
      return Outcome.applied(action, event("Original Recorded", scope, c));
    }
    put(scope, "/fleet/" + c + "/size", "0");
    return Outcome.applied(action, event("Scaled Down", scope, c));
  }

  private void put(Scope scope, String name, String value) {
    retry.run(
        () ->
            clients
                .ssm(scope.target())
                .putParameter(r -> r.name(name).value(value).type("String").overwrite(true)));
  }

  private static AuditEvent event(String type, Scope scope, String cluster) {
    return new AuditEvent(
        type,
        List.of(
            "arn:aws:eks:"
                + scope.target().region()
                + ":"
                + scope.target()
                + ":cluster/"
                + cluster),
        Map.of());
  }
}
