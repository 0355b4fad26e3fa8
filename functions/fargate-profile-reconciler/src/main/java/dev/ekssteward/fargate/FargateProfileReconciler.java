package dev.ekssteward.fargate;

import dev.ekssteward.fargate.aws.DesiredStateStore;
import dev.ekssteward.fargate.aws.FargateApi;
import dev.ekssteward.fargate.aws.ObservedProfile;
import dev.ekssteward.fargate.desired.DesiredStateParser;
import dev.ekssteward.fargate.plan.FargatePlanner;
import dev.ekssteward.fargate.plan.Findings;
import dev.ekssteward.fargate.plan.Limits;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.config.Glob;
import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.config.TaggingConfig;
import dev.ekssteward.shared.event.CallRule;
import dev.ekssteward.shared.event.Triggers;
import dev.ekssteward.shared.pipeline.Action;
import dev.ekssteward.shared.pipeline.Controller;
import dev.ekssteward.shared.pipeline.Declaration;
import dev.ekssteward.shared.pipeline.Outcome;
import dev.ekssteward.shared.pipeline.Plan;
import dev.ekssteward.shared.pipeline.Scope;
import dev.ekssteward.shared.trust.RecordSigner;
import dev.ekssteward.shared.trust.Seals;
import dev.ekssteward.shared.trust.Trust;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.inject.Inject;

/**
 * Converges each cluster's Fargate profiles to {@code <prefix>/fargate/<cluster>}. A scope is one
 * cluster, always reconciled as a whole: whatever the trigger, all its profiles are compared.
 */
public final class FargateProfileReconciler implements Controller<ClusterObservation> {
  public static final String NAME = "fargate-profile-reconciler";

  /**
   * Ticks; a change of a cluster's desired state; someone else's create or delete of a profile (the
   * cluster is the request's {@code name}).
   */
  static final Triggers TRIGGERS =
      Triggers.none()
          .ticks()
          .parameters(DesiredStateStore.SEGMENT)
          .on(
              CallRule.on(CallRule.EKS, "CreateFargateProfile", "DeleteFargateProfile")
                  .cluster("requestParameters.name"));

  static final Declaration DECLARATION =
      new Declaration(NAME, TRIGGERS, config -> config.fargate().maxConcurrency());

  private final FargateApi api;
  private final DesiredStateStore store;
  private final RecordSigner signer;

  /** Public for the operator CLI's status (local/cli), which plans each cluster as a tick would. */
  @Inject
  public FargateProfileReconciler(FargateApi api, DesiredStateStore store, RecordSigner signer) {
    this.api = api;
    this.store = store;
    this.signer = signer;
  }

  @Override
  public Declaration declaration() {
    return DECLARATION;
  }

  @Override
  public List<String> clusters(Target target) {
    return api.clusters(target);
  }

  @Override
  public ClusterObservation observe(Scope scope, StewardConfig config) {
    String parameter = store.parameterName(scope.cluster());
    String document = store.read(scope.cluster());
    if (document == null) {
      return new ClusterObservation(scope.cluster(), parameter, null, List.of(), null);
    }
    List<ObservedProfile> profiles = api.profiles(scope.target(), scope.cluster());
    if (profiles == null) {
      return new ClusterObservation(scope.cluster(), parameter, document, null, null);
    }
    String anyArn = profiles.isEmpty() ? null : profiles.get(0).arn();
    Map<String, String> tags = api.clusterTags(scope.target(), scope.cluster(), anyArn);
    // Deleted between the two reads: observed as gone.
    if (tags == null) {
      return new ClusterObservation(scope.cluster(), parameter, document, null, null);
    }
    ClusterObservation seen =
        new ClusterObservation(scope.cluster(), parameter, document, profiles, tags);
    if (seen.excluded()) {
      return seen;
    }
    return new ClusterObservation(
        scope.cluster(), parameter, document, profiles, tags, marks(document, profiles, config));
  }

  /**
   * Verifies the signed managed marks the plan may act on, and only those (in dry-run too:
   * verifying changes nothing): of the profiles a prune would delete, and of those named like a
   * replacement whose spec does not explain the name. Profiles of the desired state are not
   * verified: their mark is never acted on while they are.
   */
  private Map<String, Trust> marks(
      String document, List<ObservedProfile> profiles, StewardConfig config) {
    DesiredStateParser.Parsed parsed = DesiredStateParser.parse(document, config.fargate());
    Map<String, Trust> marks = new HashMap<>();
    if (!parsed.valid()) {
      return marks;
    }
    for (ObservedProfile p : FargatePlanner.marksToVerify(parsed.state(), profiles)) {
      marks.put(p.arn(), Seals.verify(signer, Contract.MANAGED_TAG, p.arn(), p.mark()));
    }
    return marks;
  }

  @Override
  public Plan plan(
      Scope scope,
      ClusterObservation seen,
      StewardConfig config,
      Instant now,
      List<Outcome> earlier) {
    if (seen.document() == null) {
      return skip(seen, "no desired state at " + seen.parameter());
    }
    if (seen.profiles() == null) {
      return skip(seen, "cluster not found in " + scope.target());
    }
    if (seen.excluded()) {
      // The tag is the user's instruction, seen in the report, log and Skipped metric: no finding.
      return skip(
          seen,
          "cluster is tagged "
              + Contract.EXCLUDE_TAG
              + "=true; its desired state at "
              + seen.parameter()
              + " is not applied");
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
            normalizedKeys(config.tagging(), seen.cluster())),
        earlier,
        now,
        seen.marks());
  }

  private static Plan skip(ClusterObservation seen, String reason) {
    return Plan.of(List.of(new Action.Skip(seen.cluster(), reason)), List.of());
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

  /**
   * The policy's rules that normalise values on this cluster's Fargate profiles, by key: none on a
   * cluster the policy exempts, where the tag enforcer rewrites nothing.
   */
  static Map<String, TaggingConfig.TagRule> normalizedKeys(TaggingConfig tagging, String cluster) {
    Map<String, TaggingConfig.TagRule> rules = new HashMap<>();
    if (tagging.resourceTypes().contains("fargateprofile")
        && !Glob.anyMatch(tagging.exemptClusters(), cluster)) {
      tagging.required().stream()
          .filter(r -> r.normalize() != null)
          .forEach(r -> rules.put(r.key(), r));
    }
    return rules;
  }
}
