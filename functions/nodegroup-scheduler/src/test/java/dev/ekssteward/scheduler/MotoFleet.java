package dev.ekssteward.scheduler;

import dev.ekssteward.scheduler.eks.Sizes;
import dev.ekssteward.shared.runtime.Waits;
import dev.ekssteward.shared.testing.CallRecorder;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.ManualClock;
import dev.ekssteward.shared.testing.TestContext;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Nodegroup;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * Seeds clusters and node groups in moto and runs the real handler (Dagger component, CallRecorder,
 * a clock the test moves). Times are Berlin wall-clock times in a week after the groups were
 * created, so the grace period has passed.
 */
final class MotoFleet {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final String ROLE = "arn:aws:iam::" + LocalAws.ACCOUNT + ":role/eks";

  /** Office hours in Berlin, the schedule most tests tag their clusters with. */
  static final String CONFIG =
      """
      {"scheduler": {"schedules": {"office": {"timezone": "Europe/Berlin",
        "uptime": ["Mon-Fri 07:00-19:00"]}}}}
      """;

  /** The node groups most tests seed, at their daytime sizes. */
  static final Map<String, Sizes> ORIGINAL =
      Map.of("small", new Sizes(1, 1, 2), "web", new Sizes(2, 3, 5), "batch", new Sizes(0, 4, 10));

  /** A Monday at least a week away (past the grace period), fixed for the whole test JVM. */
  static final LocalDate MONDAY =
      LocalDate.now(ZoneOffset.UTC).plusDays(7).with(TemporalAdjusters.next(DayOfWeek.MONDAY));

  final LocalAws aws;
  final EksClient eks;
  final CallRecorder recorder = new CallRecorder("nodegroup-scheduler");
  final SentRequests sent = new SentRequests();
  final ManualClock clock = new ManualClock(Instant.now());

  MotoFleet(LocalAws aws) {
    this.aws = aws;
    this.eks = aws.eks();
    aws.events().createEventBus(r -> r.name("eks-steward-audit"));
  }

  void config(String json) {
    config(aws, json);
  }

  static void config(LocalAws aws, String json) {
    aws.ssm()
        .putParameter(
            r ->
                r.name("/eks-steward/config")
                    .type(ParameterType.STRING)
                    .value(json)
                    .overwrite(true));
  }

  void cluster(String name, Map<String, String> tags) {
    eks.createCluster(
        r ->
            r.name(name).roleArn(ROLE).resourcesVpcConfig(v -> v.subnetIds("subnet-1")).tags(tags));
  }

  String group(String cluster, String name, Sizes s, Map<String, String> tags) {
    return eks.createNodegroup(
            r ->
                r.clusterName(cluster)
                    .nodegroupName(name)
                    .nodeRole(ROLE)
                    .subnets("subnet-1")
                    .scalingConfig(
                        c -> c.minSize(s.min()).desiredSize(s.desired()).maxSize(s.max()))
                    .tags(tags))
        .nodegroup()
        .nodegroupArn();
  }

  Nodegroup describe(String cluster, String name) {
    return eks.describeNodegroup(r -> r.clusterName(cluster).nodegroupName(name)).nodegroup();
  }

  Sizes sizes(String cluster, String name) {
    var c = describe(cluster, name).scalingConfig();
    return new Sizes(c.minSize(), c.desiredSize(), c.maxSize());
  }

  Map<String, String> tags(String cluster, String name) {
    return describe(cluster, name).tags();
  }

  /** Berlin local time on the Monday plus {@code days}. */
  static Instant at(int days, String time) {
    return MONDAY.plusDays(days).atTime(LocalTime.parse(time)).atZone(BERLIN).toInstant();
  }

  Map<String, Object> run(Instant now, Map<String, Object> event, boolean dryRun) {
    clock.set(now);
    recorder.clear();
    sent.clear();
    return run(aws, clock, dryRun, event, List.of(recorder, sent));
  }

  /** The event through a handler built from the production component with these interceptors. */
  static Map<String, Object> run(
      LocalAws aws,
      Clock clock,
      boolean dryRun,
      Map<String, Object> event,
      List<ExecutionInterceptor> with) {
    var handler =
        new NodegroupSchedulerHandler(
            DaggerSchedulerComponent.factory()
                .create(aws.settings(dryRun), clock, Waits.none(), with));
    return handler.handle(event, new TestContext("nodegroup-scheduler"));
  }

  Map<String, Object> tick(Instant now) {
    return run(now, tickEvent(now), false);
  }

  static Map<String, Object> tickEvent(Instant now) {
    return Map.of(
        "version",
        "0",
        "id",
        "tick",
        "detail-type",
        "Scheduled Event",
        "source",
        "aws.events",
        "account",
        LocalAws.ACCOUNT,
        "time",
        now.toString(),
        "region",
        LocalAws.REGION,
        "resources",
        List.of("arn:aws:events:eu-west-1:123456789012:rule/tick"),
        "detail",
        Map.of());
  }
}
