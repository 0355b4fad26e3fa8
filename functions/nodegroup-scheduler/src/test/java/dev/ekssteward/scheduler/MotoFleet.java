package dev.ekssteward.scheduler;

import static dev.ekssteward.shared.testing.seed.ClusterSeed.cluster;

import dev.ekssteward.scheduler.eks.Sizes;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.json.Json;
import dev.ekssteward.shared.runtime.Waits;
import dev.ekssteward.shared.testing.CallRecorder;
import dev.ekssteward.shared.testing.EventFiles;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.ManualClock;
import dev.ekssteward.shared.testing.Proofs;
import dev.ekssteward.shared.testing.RecordKeys;
import dev.ekssteward.shared.testing.TestContext;
import dev.ekssteward.shared.testing.seed.ClusterSeed;
import dev.ekssteward.shared.testing.seed.FleetSeed;
import dev.ekssteward.shared.testing.seed.NodegroupSeed;
import dev.ekssteward.shared.testing.seed.SeededFleet;
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
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Nodegroup;

/**
 * The scheduler's fleet in moto (seeded through the shared fleet seeder) and the real handler run
 * against it (Dagger component, CallRecorder, a clock the test moves). Times are Berlin wall-clock
 * times in a week after the groups were created, so the grace period has passed.
 */
final class MotoFleet {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

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
  private boolean settling;

  MotoFleet(LocalAws aws) {
    this.aws = aws;
    this.eks = aws.eks();
  }

  /** A fleet with the audit bus, as most tests start from. */
  static FleetSeed fleet() {
    return FleetSeed.fleet().auditBus("eks-steward-audit");
  }

  /** Cluster dev-1, scheduled "office", with the {@link #ORIGINAL} groups and {@link #CONFIG}. */
  static FleetSeed office() {
    ClusterSeed dev1 = cluster("dev-1").tags(Map.of(Contract.SCHEDULE_TAG, "office"));
    for (Map.Entry<String, Sizes> g : ORIGINAL.entrySet()) {
      dev1 = dev1.nodegroup(group(g.getKey(), g.getValue(), Map.of()));
    }
    return fleet().config(CONFIG).cluster(dev1);
  }

  static NodegroupSeed group(String name, Sizes s, Map<String, String> tags) {
    return NodegroupSeed.nodegroup(name).scaling(s.min(), s.desired(), s.max()).tags(tags);
  }

  /** Seeds the fleet, and the stack's record key the scheduler signs with. */
  SeededFleet seed(FleetSeed fleet) {
    RecordKeys.ensure(aws);
    return aws.seeder().seed(fleet);
  }

  void config(String json) {
    config(aws, json);
  }

  static void config(LocalAws aws, String json) {
    RecordKeys.ensure(aws);
    aws.seeder().seed(FleetSeed.fleet().config(json));
  }

  /** Adds a group to a seeded cluster, as someone creating it mid-test. */
  String group(String cluster, String name, Sizes s, Map<String, String> tags) {
    return seed(FleetSeed.fleet().cluster(cluster(cluster).nodegroup(group(name, s, tags))))
        .cluster(cluster)
        .nodegroupArn(name);
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

  /** The clusters the record index names, in every account and region, from moto's SSM. */
  static SortedSet<String> indexed(LocalAws aws) {
    SortedSet<String> out = new TreeSet<>();
    aws
        .ssm()
        .getParametersByPathPaginator(r -> r.path("/eks-steward/scheduler/records").recursive(true))
        .stream()
        .flatMap(page -> page.parameters().stream())
        .forEach(
            p -> {
              Object clusters = Json.parseObject(p.value()).get("clusters");
              ((List<?>) clusters).forEach(c -> out.add((String) c));
            });
    return out;
  }

  /** Berlin local time on the Monday plus {@code days}. */
  static Instant at(int days, String time) {
    return MONDAY.plusDays(days).atTime(LocalTime.parse(time)).atZone(BERLIN).toInstant();
  }

  Map<String, Object> run(Instant now, Map<String, Object> event, boolean dryRun) {
    return run(now, event, dryRun, List.of());
  }

  /**
   * From now on every run first waits until EKS's transitions of the last one are over, as the
   * minutes between two ticks on AWS would: for tests about what runs decide, not about a group
   * found UPDATING.
   */
  MotoFleet settling() {
    settling = true;
    return this;
  }

  /**
   * The event at {@code now}, with further interceptors (someone acting during the run). A Wake or
   * Release request without a {@code proof} is first proven by the operator ({@link Proofs}), as
   * every real sender must; {@link #runAsSent} runs one exactly as given.
   */
  Map<String, Object> run(
      Instant now, Map<String, Object> event, boolean dryRun, List<ExecutionInterceptor> more) {
    return runAsSent(now, proven(now, event), dryRun, more);
  }

  /** A request event proven by the operator at {@code now}; any other event as it is. */
  Map<String, Object> proven(Instant now, Map<String, Object> event) {
    boolean request =
        Contract.REQUEST_SOURCE.equals(event.get("source"))
            && event.get("detail") instanceof Map<?, ?> d
            && !d.containsKey("proof");
    return request ? Proofs.proven(aws, event, now, Proofs.operator(aws)) : event;
  }

  /** The event at {@code now} exactly as given: an adversary's request gets no proof added. */
  Map<String, Object> runAsSent(
      Instant now, Map<String, Object> event, boolean dryRun, List<ExecutionInterceptor> more) {
    if (settling) {
      aws.settle();
    }
    clock.set(now);
    recorder.clear();
    sent.clear();
    List<ExecutionInterceptor> with = new java.util.ArrayList<>(List.of(recorder, sent));
    with.addAll(more);
    return run(aws, clock, dryRun, event, with);
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
                .create(NodegroupScheduler.NAME, aws.settings(dryRun), clock, Waits.none(), with));
    return handler.handle(event, new TestContext("nodegroup-scheduler"));
  }

  /** A Release Request with this detail, sent at {@code now}. */
  Map<String, Object> release(Instant now, Map<String, Object> detail, boolean dryRun) {
    return run(now, releaseEvent(now, detail), dryRun);
  }

  static Map<String, Object> releaseEvent(Instant now, Map<String, Object> detail) {
    return EventFiles.delivery(
        "release", "Release Request", "eks-steward.requests", now, List.of(), detail);
  }

  /** The scheduler's own parameters in moto's SSM, by name. */
  Map<String, String> parameters() {
    Map<String, String> out = new TreeMap<>();
    aws
        .ssm()
        .getParametersByPathPaginator(r -> r.path("/eks-steward/scheduler").recursive(true))
        .stream()
        .flatMap(page -> page.parameters().stream())
        .forEach(p -> out.put(p.name(), p.value()));
    return out;
  }

  Map<String, Object> tick(Instant now) {
    return run(now, tickEvent(now), false);
  }

  static Map<String, Object> tickEvent(Instant now) {
    return EventFiles.tick(now);
  }
}
