package dev.ekssteward.thumbprint;

import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.event.Trigger;
import dev.ekssteward.shared.event.Trigger.CloudTrailCall;
import dev.ekssteward.shared.pipeline.Action;
import dev.ekssteward.shared.pipeline.Controller;
import dev.ekssteward.shared.pipeline.Outcome;
import dev.ekssteward.shared.pipeline.Plan;
import dev.ekssteward.shared.pipeline.Scope;
import dev.ekssteward.shared.pipeline.Targets;
import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.thumbprint.model.AccountView;
import dev.ekssteward.thumbprint.plan.RotationPlanner;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;

/**
 * Keeps IRSA's IAM OIDC providers on the right thumbprints. IAM is global per account, so the scope
 * of a schedule tick is a whole account (all regions' clusters, providers listed once);
 * CreateCluster narrows it to one cluster, an IAM event to one provider.
 */
public final class ThumbprintRotator implements Controller<AccountView> {
  static final String NAME = "oidc-thumbprint-rotator";

  private final Survey survey;
  private final ProviderWriter writer;
  private final Settings settings;

  @Inject
  ThumbprintRotator(Survey survey, ProviderWriter writer, Settings settings) {
    this.survey = survey;
    this.writer = writer;
    this.settings = settings;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void prime() {
    writer.prime();
  }

  @Override
  public String ignoreReason(Trigger trigger, StewardConfig config) {
    return TriggerFilter.ignoreReason(trigger, NAME, settings.selfRoleArn());
  }

  @Override
  public List<Target> targets(Trigger trigger, StewardConfig config, Targets targets) {
    if (Lookup.isClusterCall(trigger)) {
      return targets.forTrigger(trigger, config);
    }
    // IAM events arrive from us-east-1 whatever the configured regions: match the account only.
    List<Target> all =
        trigger instanceof CloudTrailCall c
            ? targets.matching(config, c.account(), null)
            : targets.all(config);
    Map<String, Target> perAccount = new LinkedHashMap<>();
    for (Target t : all) {
      perAccount.putIfAbsent(t.roleArn() == null ? "" : t.accountId(), t);
    }
    return List.copyOf(perAccount.values());
  }

  @Override
  public List<Scope> scopes(Trigger trigger, StewardConfig config, Target target) {
    if (trigger instanceof CloudTrailCall c && Lookup.isClusterCall(c)) {
      String cluster = Lookup.clusterName(c);
      return config.targets().clusters().matches(cluster)
          ? List.of(new Scope(target, cluster, trigger))
          : List.of();
    }
    return List.of(new Scope(target, null, trigger));
  }

  @Override
  public AccountView observe(Scope scope, StewardConfig config) {
    return survey.observe(Lookup.of(scope), scope.target(), config);
  }

  @Override
  public Plan plan(Scope scope, AccountView observed, StewardConfig config, Instant now) {
    return RotationPlanner.plan(observed, config.thumbprints().createMissingProviders(), now);
  }

  @Override
  public Outcome apply(Scope scope, Action action, StewardConfig config) {
    return writer.apply(scope.target(), action);
  }
}
