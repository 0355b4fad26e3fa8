package dev.ekssteward.tagging;

import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.event.Triggers;
import dev.ekssteward.shared.pipeline.Controller;
import dev.ekssteward.shared.pipeline.Declaration;
import dev.ekssteward.shared.pipeline.Finding;
import dev.ekssteward.shared.pipeline.Outcome;
import dev.ekssteward.shared.pipeline.Plan;
import dev.ekssteward.shared.pipeline.Scope;
import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.tagging.aws.TaggingApi;
import dev.ekssteward.tagging.plan.ClusterTags;
import dev.ekssteward.tagging.plan.ComplianceSummary;
import dev.ekssteward.tagging.plan.TagPlanner;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;

/**
 * Applies the tag policy: one scope per cluster. A sweep looks at every resource in scope; an EKS
 * CloudTrail call only at the resource it names.
 */
public final class TagEnforcer implements Controller<ClusterTags> {
  public static final String NAME = "tag-enforcer";
  private static final Triggers TRIGGERS = TaggingTriggers.declared();

  static final Declaration DECLARATION =
      new Declaration(NAME, TRIGGERS, config -> config.tagging().maxConcurrency());

  private final Settings settings;
  private final TaggingApi api;
  private final ClusterTagsReader reader;

  @Inject
  TagEnforcer(Settings settings, TaggingApi api) {
    this.settings = settings;
    this.api = api;
    this.reader = new ClusterTagsReader(api);
  }

  @Override
  public Declaration declaration() {
    return DECLARATION;
  }

  @Override
  public void prime() {
    api.prime();
  }

  @Override
  public List<String> clusters(Target target) {
    return api.clusters(target);
  }

  @Override
  public ClusterTags observe(Scope scope, StewardConfig config) {
    return reader.read(scope.target(), scope.cluster(), config.tagging(), scope.selection());
  }

  @Override
  public Plan plan(
      Scope scope, ClusterTags observed, StewardConfig config, Instant now, List<Outcome> earlier) {
    return TagPlanner.plan(observed, config.tagging(), scope.selection(), settings.dryRun());
  }

  /** A sweep ends with one summary over every cluster of every target it worked on. */
  @Override
  public Finding summary(StewardConfig config, Map<String, Double> metrics) {
    return ComplianceSummary.of(config.tagging(), metrics, settings.dryRun());
  }
}
