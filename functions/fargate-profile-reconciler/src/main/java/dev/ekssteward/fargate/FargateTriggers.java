package dev.ekssteward.fargate;

import dev.ekssteward.fargate.aws.DesiredStateStore;
import dev.ekssteward.shared.aws.AwsClients;
import dev.ekssteward.shared.event.Trigger;
import dev.ekssteward.shared.event.Trigger.CloudTrailCall;
import dev.ekssteward.shared.event.Trigger.ParameterChange;
import dev.ekssteward.shared.event.Trigger.ScheduleTick;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which triggers the reconciler acts on and which single cluster an event concerns. Events this
 * function caused itself are recognised by its user agent or by its own role as session issuer.
 */
final class FargateTriggers {
  static final Set<String> CALLS = Set.of("CreateFargateProfile", "DeleteFargateProfile");
  private static final Pattern CLUSTER = Pattern.compile("^[0-9A-Za-z][A-Za-z0-9\\-_]{0,99}$");

  private final String prefix;
  private final String selfRoleArn;
  private final String userAgent;

  FargateTriggers(String prefix, String selfRoleArn, String function) {
    this.prefix = prefix + DesiredStateStore.SEGMENT;
    this.selfRoleArn = selfRoleArn;
    this.userAgent = AwsClients.USER_AGENT + "/" + function;
  }

  String ignoreReason(Trigger trigger) {
    if (trigger instanceof ScheduleTick) {
      return null;
    }
    if (trigger instanceof ParameterChange p) {
      return cluster(p) == null
          ? "parameter " + p.name() + " is not a Fargate desired state (" + prefix + "<cluster>)"
          : null;
    }
    if (trigger instanceof CloudTrailCall c) {
      if (!"eks.amazonaws.com".equals(c.eventSource()) || !CALLS.contains(c.eventName())) {
        return "not a Fargate profile call: " + c.eventSource() + " " + c.eventName();
      }
      if (c.failed()) {
        return "the call failed (" + c.errorCode() + "), nothing changed";
      }
      if (selfCaused(c)) {
        return "the call was made by this function";
      }
      return cluster(c) == null ? "the event names no cluster" : null;
    }
    return "not a trigger of this function: " + trigger.kind();
  }

  private boolean selfCaused(CloudTrailCall c) {
    boolean agent = c.userAgent() != null && c.userAgent().contains(userAgent);
    boolean role =
        selfRoleArn != null
            && c.caller() != null
            && selfRoleArn.equals(c.caller().sessionIssuerArn());
    return agent || role;
  }

  /** The one cluster an event concerns, or null for a sweep (or an event naming none). */
  String cluster(Trigger trigger) {
    String name = null;
    if (trigger instanceof ParameterChange p && p.name().startsWith(prefix)) {
      name = p.name().substring(prefix.length());
    } else if (trigger instanceof CloudTrailCall c
        && c.requestParameters().get("name") instanceof String s) {
      name = s;
    }
    return name != null && CLUSTER.matcher(name).matches() ? name : null;
  }
}
