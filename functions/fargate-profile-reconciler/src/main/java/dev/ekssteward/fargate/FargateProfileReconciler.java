package dev.ekssteward.fargate;

import dev.ekssteward.fargate.aws.DesiredStateStore;
import dev.ekssteward.fargate.aws.FargateApi;
import dev.ekssteward.fargate.desired.DesiredStateParser;
import dev.ekssteward.fargate.plan.FargatePlanner;
import dev.ekssteward.fargate.plan.Findings;
import dev.ekssteward.fargate.plan.Limits;
import dev.ekssteward.fargate.plan.ProfileAction;
import dev.ekssteward.fargate.plan.ProfileAction.CreateProfile;
import dev.ekssteward.fargate.plan.ProfileAction.DeleteProfile;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.config.TaggingConfig;
import dev.ekssteward.shared.event.Trigger;
import dev.ekssteward.shared.event.Trigger.ParameterChange;
import dev.ekssteward.shared.pipeline.Action;
import dev.ekssteward.shared.pipeline.Controller;
import dev.ekssteward.shared.pipeline.Outcome;
import dev.ekssteward.shared.pipeline.Plan;
import dev.ekssteward.shared.pipeline.Scope;
import dev.ekssteward.shared.pipeline.Targets;
import dev.ekssteward.shared.runtime.Settings;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.inject.Inject;

/** Converges each cluster's Fargate profiles to {@code <prefix>/fargate/<cluster>}. */
public final class FargateProfileReconciler implements Controller<ClusterObservation> {
  public static final String NAME = "fargate-profile-reconciler";

  private final FargateApi api;
  private final DesiredStateStore store;
  private final ProfileApplier applier;
  private final FargateTriggers triggers;

  /**
   * Creates/deletes EKS refused in the current invocation, per target and cluster (reserved
   * concurrency 1).
   */
  private final Map<Target, Map<String, Map<String, String>>> rejected = new ConcurrentHashMap<>();

  @Inject
  FargateProfileReconciler(
      FargateApi api, DesiredStateStore store, ProfileApplier applier, Settings settings) {
    this.api = api;
    this.store = store;
    this.applier = applier;
    this.triggers = new FargateTriggers(settings.configPrefix(), settings.selfRoleArn(), NAME);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String ignoreReason(Trigger trigger, StewardConfig config) {
    return triggers.ignoreReason(trigger);
  }

  @Override
  public int concurrency(StewardConfig config) {
    return config.fargate().maxConcurrency();
  }

  /**
   * The desired state lives in our own account and region; a change there means the home target.
   */
  @Override
  public List<Target> targets(Trigger trigger, StewardConfig config, Targets targets) {
    rejected.clear(); // called once per invocation: refusals are retried at the next trigger
    if (trigger instanceof ParameterChange) {
      return List.of(targets.home());
    }
    return Controller.super.targets(trigger, config, targets);
  }

  @Override
  public List<Scope> scopes(Trigger trigger, StewardConfig config, Target target) {
    String one = triggers.cluster(trigger);
    List<String> clusters = one != null ? List.of(one) : api.clusters(target);
    return clusters.stream()
        .filter(config.targets().clusters()::matches)
        .sorted()
        .map(c -> new Scope(target, c, trigger))
        .toList();
  }

  @Override
  public ClusterObservation observe(Scope scope, StewardConfig config) {
    String parameter = store.parameterName(scope.cluster());
    String document = store.read(scope.cluster());
    if (document == null) {
      return new ClusterObservation(scope.cluster(), parameter, null, List.of(), Map.of());
    }
    return new ClusterObservation(
        scope.cluster(),
        parameter,
        document,
        api.profiles(scope.target(), scope.cluster()),
        rejected.getOrDefault(scope.target(), Map.of()).getOrDefault(scope.cluster(), Map.of()));
  }

  @Override
  public Plan plan(Scope scope, ClusterObservation seen, StewardConfig config, Instant now) {
    if (seen.document() == null) {
      return Plan.of(
          List.of(new Action.Skip(seen.cluster(), "no desired state at " + seen.parameter())),
          List.of());
    }
    if (seen.profiles() == null) {
      return Plan.of(
          List.of(new Action.Skip(seen.cluster(), "cluster not found in " + scope.target())),
          List.of());
    }
    DesiredStateParser.Parsed parsed = DesiredStateParser.parse(seen.document(), config.fargate());
    if (!parsed.valid()) {
      return Plan.of(
          List.of(new Action.Skip(seen.cluster(), "desired state invalid; nothing changes")),
          List.of(Findings.invalid(seen.cluster(), seen.parameter(), parsed.errors())));
    }
    return FargatePlanner.plan(
        seen.cluster(),
        parsed.state(),
        seen.profiles(),
        new Limits(
            config.fargate().profilesPerCluster(),
            policyTagKeys(config.tagging()),
            seen.rejected()),
        now);
  }

  @Override
  public Outcome apply(Scope scope, Action action, StewardConfig config) {
    ProfileAction a = (ProfileAction) action;
    Outcome outcome = applier.apply(scope.target(), a);
    if (outcome.status() == Outcome.Status.FAILED
        && (a instanceof CreateProfile || a instanceof DeleteProfile)) {
      rejected
          .computeIfAbsent(scope.target(), t -> new ConcurrentHashMap<>())
          .computeIfAbsent(scope.cluster(), c -> new ConcurrentHashMap<>())
          .put(a.name(), outcome.message());
    }
    return outcome;
  }

  /** Tag keys the tag policy owns on Fargate profiles; never removed here. */
  static Set<String> policyTagKeys(TaggingConfig tagging) {
    Set<String> keys = new HashSet<>();
    if (tagging.resourceTypes().contains("fargateprofile")) {
      tagging.required().forEach(r -> keys.add(r.key()));
      if (tagging.creatorTagKey() != null) {
        keys.add(tagging.creatorTagKey());
      }
    }
    return keys;
  }
}
