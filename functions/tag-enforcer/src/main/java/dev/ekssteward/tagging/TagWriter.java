package dev.ekssteward.tagging;

import dev.ekssteward.shared.audit.AuditEvent;
import dev.ekssteward.shared.aws.AwsClients;
import dev.ekssteward.shared.aws.Retry;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.pipeline.Action;
import dev.ekssteward.shared.pipeline.Outcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.Tag;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;

/** The only code that changes tags: EKS TagResource and Auto Scaling CreateOrUpdateTags. */
final class TagWriter {
  static final String APPLIED = "Tags Applied";
  static final String PROPAGATED = "Tags Propagated To ASG";

  private final AwsClients clients;
  private final Retry retry;

  @Inject
  TagWriter(AwsClients clients, Retry retry) {
    this.clients = clients;
    this.retry = retry;
  }

  Outcome apply(Target target, Action action) {
    if (action instanceof ApplyTags a) {
      return tag(target, a);
    }
    if (action instanceof PropagateToAsg p) {
      return propagate(target, p);
    }
    return Outcome.failed(action, "tag-enforcer cannot apply " + action.type());
  }

  private Outcome tag(Target target, ApplyTags a) {
    try {
      retry.run(
          () -> clients.eks(target).tagResource(r -> r.resourceArn(a.target()).tags(a.tags())));
    } catch (ResourceNotFoundException e) {
      return Outcome.noop(a, "the resource is gone");
    }
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("resource", a.target());
    detail.put("resourceType", a.resourceType());
    detail.put("tags", a.tags());
    detail.put("reasons", a.reasons());
    return Outcome.applied(a, new AuditEvent(APPLIED, List.of(a.target()), detail));
  }

  private Outcome propagate(Target target, PropagateToAsg p) {
    List<Tag> tags =
        p.tags().entrySet().stream()
            .map(
                e ->
                    Tag.builder()
                        .resourceId(p.target())
                        .resourceType("auto-scaling-group")
                        .key(e.getKey())
                        .value(e.getValue())
                        .propagateAtLaunch(true)
                        .build())
            .toList();
    AutoScalingClient autoscaling =
        clients.service("autoscaling", target, AutoScalingClient::builder);
    retry.run(() -> autoscaling.createOrUpdateTags(r -> r.tags(tags)));
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("autoScalingGroup", p.target());
    detail.put("nodegroup", p.nodegroupArn());
    detail.put("tags", p.tags());
    detail.put("propagateAtLaunch", true);
    return Outcome.applied(p, new AuditEvent(PROPAGATED, List.of(p.nodegroupArn()), detail));
  }
}
