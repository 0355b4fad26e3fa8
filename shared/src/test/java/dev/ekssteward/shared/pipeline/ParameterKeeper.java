package dev.ekssteward.shared.pipeline;

import dev.ekssteward.shared.apply.Executor;
import dev.ekssteward.shared.apply.PortExecutor;
import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.audit.AuditEvent;
import dev.ekssteward.shared.aws.AwsClients;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.event.Triggers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
  private final boolean recordFirst;

  ParameterKeeper(AwsClients clients, boolean recordFirst) {
    this.clients = clients;
    this.recordFirst = recordFirst;
  }

  public Declaration declaration() {

    return new Declaration(
        "keeper", Triggers.none().ticks(), config -> config.scheduler().maxConcurrency());
  }

  public List<String> clusters(Target target) {
    // Touch the target's SSM first so an unreachable account fails here, as listing clusters does.
    clients.ssm(target).describeParameters(r -> r.maxResults(1));
    return CLUSTERS;
  }

  public Observed observe(Scope scope, StewardConfig config) {
    return new Observed(
        scope.cluster(),
        read(scope, "/fleet/" + scope.cluster() + "/size"),
        read(scope, "/fleet/" + scope.cluster() + "/original"));
  }

  private String read(Scope scope, String name) {
    try {
      return clients.ssm(scope.target()).getParameter(r -> r.name(name)).parameter().value();
    } catch (ParameterNotFoundException e) {
      return null;
    }
  }

  public Plan plan(
      Scope scope, Observed observed, StewardConfig config, Instant now, List<Outcome> earlier) {
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

  /** The executors of its two actions, as a function's module registers them. */
  Set<Executor<?>> executors() {
    return Set.of(
        new PortExecutor<>(RecordOriginal.class, clients) {
          public Result execute(Target target, RecordOriginal r) {
            put(target, "/fleet/" + r.target() + "/original", r.value());
            return Result.done(keeperEvent("Original Recorded", target, r.target()));
          }
        },
        new PortExecutor<>(ScaleDown.class, clients) {
          public Result execute(Target target, ScaleDown d) {
            put(target, "/fleet/" + d.target() + "/size", "0");
            return Result.done(keeperEvent("Scaled Down", target, d.target()));
          }
        });
  }

  private void put(Target target, String name, String value) {
    clients.ssm(target).putParameter(r -> r.name(name).value(value).type("String").overwrite(true));
  }

  private static AuditEvent keeperEvent(String type, Target target, String cluster) {
    return new AuditEvent(
        type,
        List.of("arn:aws:eks:" + target.region() + ":" + target + ":cluster/" + cluster),
        Map.of());
  }
}
