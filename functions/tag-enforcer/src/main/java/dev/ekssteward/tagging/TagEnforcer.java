package dev.ekssteward.tagging;

import dev.ekssteward.shared.aws.Fleet;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.event.Trigger;
import dev.ekssteward.shared.event.Trigger.CloudTrailCall;
import dev.ekssteward.shared.event.Trigger.ScheduleTick;
import dev.ekssteward.shared.pipeline.Action;
import dev.ekssteward.shared.pipeline.Controller;
import dev.ekssteward.shared.pipeline.Finding;
import dev.ekssteward.shared.pipeline.Outcome;
import dev.ekssteward.shared.pipeline.Plan;
import dev.ekssteward.shared.pipeline.Scope;
import dev.ekssteward.shared.runtime.Settings;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;

/**
 * Applies the tag policy: one scope per cluster. A sweep looks at every resource in scope; an EKS
 * CloudTrail event only at the resource it names.
 */
public final class TagEnforcer implements Controller<ClusterTags> {
  static final String NAME = "tag-enforcer";

  private final Settings settings;
  private final Fleet fleet;
  private final TagReader reader;
  private final TagWriter writer;

  @Inject
  TagEnforcer(Settings settings, Fleet fleet, TagReader reader, TagWriter writer) {
    this.settings = settings;
    this.fleet = fleet;
    this.reader = reader;
    this.writer = writer;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void prime() {
    reader.prime();
  }

  @Override
  public String ignoreReason(Trigger trigger, StewardConfig config) {
    if (trigger instanceof ScheduleTick) {
      return null;
    }
    if (!(trigger instanceof CloudTrailCall call)) {
      return "tag-enforcer handles schedule ticks and EKS CloudTrail events, not " + trigger.kind();
    }
    if (!call.eventSource().equals("eks.amazonaws.com")
        || !TaggingEvent.EVENTS.contains(call.eventName())) {
      return "not an EKS call the tag policy watches: " + call.eventName();
    }
    if (call.failed()) {
      return "the call failed (" + call.errorCode() + "); nothing was created or changed";
    }
    if (SelfCall.isOurs(call, settings)) {
      return "our own " + call.eventName() + " call; the policy already holds after it";
    }
    TaggingEvent event = TaggingEvent.of(call);
    if (event == null) {
      return "the call names no cluster, node group or Fargate profile";
    }
    if (!config.tagging().resourceTypes().contains(event.resource().type())) {
      return event.resource().type() + " is not in tagging.resourceTypes";
    }
    if (!config.targets().clusters().matches(event.resource().cluster())) {
      return "cluster " + event.resource().cluster() + " is not selected by targets.clusters";
    }
    return null;
  }

  @Override
  public List<Scope> scopes(Trigger trigger, StewardConfig config, Target target) {
    if (trigger instanceof CloudTrailCall call) {
      return List.of(new Scope(target, TaggingEvent.of(call).resource().cluster(), trigger));
    }
    return fleet.clusterNames(target, config.targets().clusters()).stream()
        .map(c -> new Scope(target, c, trigger))
        .toList();
  }

  @Override
  public ClusterTags observe(Scope scope, StewardConfig config) {
    TaggingEvent event = event(scope);
    return reader.read(
        scope.target(), scope.cluster(), config.tagging(), event == null ? null : event.resource());
  }

  @Override
  public Plan plan(Scope scope, ClusterTags observed, StewardConfig config, Instant now) {
    return TagPlanner.plan(observed, config.tagging(), event(scope));
  }

  @Override
  public Outcome apply(Scope scope, Action action, StewardConfig config) {
    return writer.apply(scope.target(), action);
  }

  /** A sweep ends with one summary over every cluster of every target it worked on. */
  @Override
  public Finding summary(Trigger trigger, StewardConfig config, Map<String, Double> metrics) {
    return trigger instanceof ScheduleTick
        ? ComplianceSummary.of(config.tagging(), metrics, settings.dryRun())
        : null;
  }

  private static TaggingEvent event(Scope scope) {
    return scope.trigger() instanceof CloudTrailCall call ? TaggingEvent.of(call) : null;
  }
}
